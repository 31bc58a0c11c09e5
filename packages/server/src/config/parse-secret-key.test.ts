import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecretKey, parseSecretKey } from '../secrets/secret-box.js';
import { parseConfig } from './parse-config.js';

describe('TOOLGATE_SECRET_KEY_FILE', () => {
  let folder: string;
  const key = generateSecretKey();
  const postgres = 'postgres://postgres@127.0.0.1:5432/test';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'toolgate-secret-file-'));
    await writeFile(join(folder, 'secret.key'), `${key}\n`, { mode: 0o600 });
    await writeFile(join(folder, 'short.key'), 'c2hvcnQ=\n');
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('reads the key from the file, relative to the working directory, newline and all', () => {
    const config = parseConfig(
      { DATABASE_URL: postgres, TOOLGATE_SECRET_KEY_FILE: 'secret.key' },
      {},
      folder,
    );
    expect(config.secretKey).toEqual(parseSecretKey(key));
  });

  it('gives the same key as TOOLGATE_SECRET_KEY with that value', () => {
    const fromFile = parseConfig({ TOOLGATE_SECRET_KEY_FILE: join(folder, 'secret.key') });
    expect(fromFile.secretKey).toEqual(parseConfig({ TOOLGATE_SECRET_KEY: key }).secretKey);
  });

  it('names a missing file', () => {
    expect(() =>
      parseConfig({ DATABASE_URL: postgres, TOOLGATE_SECRET_KEY_FILE: 'absent.key' }, {}, folder),
    ).toThrow(`TOOLGATE_SECRET_KEY_FILE: cannot read ${join(folder, 'absent.key')}: ENOENT`);
  });

  it('names the file whose content is not a key', () => {
    expect(() => parseConfig({ TOOLGATE_SECRET_KEY_FILE: 'short.key' }, {}, folder)).toThrow(
      new RegExp(`TOOLGATE_SECRET_KEY_FILE: ${join(folder, 'short.key')}: .*openssl rand -base64 32`),
    );
  });

  it('refuses both ways at once', () => {
    expect(() =>
      parseConfig({ TOOLGATE_SECRET_KEY: key, TOOLGATE_SECRET_KEY_FILE: 'secret.key' }, {}, folder),
    ).toThrow(
      'TOOLGATE_SECRET_KEY_FILE: set either TOOLGATE_SECRET_KEY or TOOLGATE_SECRET_KEY_FILE, not both',
    );
  });
});
