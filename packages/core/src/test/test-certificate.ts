import { generate } from 'selfsigned';

/** A self-signed certificate for loopback test servers; pass `cert` to the executor as `ca`. */
export interface TestCertificate {
  key: string;
  cert: string;
}

/** Names the test certificate is valid for: loopback, and public-looking names tests resolve. */
export const TEST_CERTIFICATE_NAMES = [
  'localhost',
  'orders.example.com',
  'api.example.com',
  'hooks.example.net',
];

let cached: Promise<TestCertificate> | undefined;

/**
 * One EC certificate per test process, valid for {@link TEST_CERTIFICATE_NAMES}, 127.0.0.1 and
 * ::1. Generated at run time: no key material lives in the repository.
 */
export function testCertificate(): Promise<TestCertificate> {
  cached ??= generate([{ name: 'commonName', value: 'toolgate-test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...TEST_CERTIFICATE_NAMES.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  }).then((result) => ({ key: result.private, cert: result.cert }));
  return cached;
}
