import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** What the demo keeps in the data folder: its port and its certificate (mode 0600). */
export interface DemoFiles {
  port: number;
  key: string;
  cert: string;
}

export const DEMO_FILE = 'demo.json';

/** The demo's settings, or `undefined` when this data folder has no demo. */
export async function readDemoFiles(dataDir: string): Promise<DemoFiles | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, DEMO_FILE), 'utf8')) as DemoFiles;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function writeDemoFiles(dataDir: string, files: DemoFiles): Promise<void> {
  const path = join(dataDir, DEMO_FILE);
  await writeFile(path, JSON.stringify(files, null, 2), { mode: 0o600 });
  await chmod(path, 0o600);
}

/**
 * A certificate for the demo endpoint: self-signed, for 127.0.0.1 only, not a CA (its key cannot
 * vouch for any other name), generated on this machine; the key never leaves the data folder.
 */
export async function generateDemoCertificate(): Promise<{ key: string; cert: string }> {
  const result = await generate([{ name: 'commonName', value: 'toolgate-demo-endpoint' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 10 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7 as const, ip: '127.0.0.1' }] },
    ],
  });
  return { key: result.private, cert: result.cert };
}
