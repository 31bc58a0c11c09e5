import { createLoopbackOnlyDial, testCertificate } from '@toolgate/core/test';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * A test app whose outbound calls may reach loopback HTTPS servers only: every host name resolves
 * to 127.0.0.1, 127.0.0.0/8 is allowlisted, the test certificate is trusted, and the dialler
 * refuses anything that is not loopback. `options` are passed on to `createTestApp`.
 *
 * @example
 * const t = await createLoopbackTestApp();
 * // an action at https://api.example.com:<port>/... now reaches a loopback test server
 */
export async function createLoopbackTestApp(
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<TestApp> {
  const { cert } = await testCertificate();
  const { dial } = createLoopbackOnlyDial(cert);
  return createTestApp({
    allowPrivateNetworks: ['127.0.0.0/8'],
    resolve: async () => ['127.0.0.1'],
    ca: cert,
    dial,
    ...options,
  });
}
