import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSecretKey, parseSecretKey } from '../secrets/secret-box.js';

export const SECRET_KEY_FILE = 'secret.key';
/** A rotation writes the new key here first; a crash mid-rotation leaves both keys readable. */
export const NEXT_SECRET_KEY_FILE = 'secret.key.next';

async function readKey(path: string): Promise<Buffer | undefined> {
  try {
    return parseSecretKey(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/**
 * The embedded mode's secret keys from the data folder, current first. Creates `secret.key`
 * (mode 0600) on first start. When an interrupted rotation left `secret.key.next`, both are
 * returned, the next one first, so every sealed value stays readable.
 */
export async function loadOrCreateSecretKeys(
  dataDir: string,
): Promise<{ keys: Buffer[]; created: boolean; warnings: string[] }> {
  const path = join(dataDir, SECRET_KEY_FILE);
  const warnings: string[] = [];
  let current = await readKey(path);
  let created = false;
  if (!current) {
    await writeFile(path, `${generateSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
    current = await readKey(path);
    created = true;
  } else if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) {
    warnings.push(`${path} can be read by other users; run: chmod 600 ${path}`);
  }
  const next = await readKey(join(dataDir, NEXT_SECRET_KEY_FILE));
  const keys = [next, current].filter((key): key is Buffer => key !== undefined);
  return { keys, created, warnings };
}

/** Writes a new key as `secret.key.next`; `promoteNextSecretKey` makes it the key after re-sealing. */
export async function writeNextSecretKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, NEXT_SECRET_KEY_FILE);
  await writeFile(path, `${generateSecretKey()}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return parseSecretKey(await readFile(path, 'utf8'));
}

export async function promoteNextSecretKey(dataDir: string): Promise<void> {
  await rename(join(dataDir, NEXT_SECRET_KEY_FILE), join(dataDir, SECRET_KEY_FILE));
}
