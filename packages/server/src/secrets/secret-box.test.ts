import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSecretBox,
  generateSecretKey,
  keyIdFor,
  parseSecretKey,
  SecretBoxError,
} from './secret-box.js';

const key = () => randomBytes(32);

describe('createSecretBox', () => {
  it('round-trips, with a fresh nonce every time and the key id in the value', () => {
    const current = key();
    const box = createSecretBox([current]);
    const first = box.seal('tok_live_123', 'tenant/action/auth.token');
    const second = box.seal('tok_live_123', 'tenant/action/auth.token');
    expect(first).not.toBe(second);
    expect(first).not.toContain('tok_live_123');
    expect(box.open(first, 'tenant/action/auth.token')).toBe('tok_live_123');
    expect(box.keyIdOf(first)).toBe(keyIdFor(current));
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('Zoë 🔑'))).toBe('Zoë 🔑');
  });

  it('opens values sealed under an older key after rotation, and seals with the new one', () => {
    const old = key();
    const sealedOld = createSecretBox([old]).seal('secret');
    const rotated = createSecretBox([key(), old]);
    expect(rotated.open(sealedOld)).toBe('secret');
    expect(rotated.keyIdOf(rotated.seal('secret'))).toBe(rotated.currentKeyId);
    expect(rotated.currentKeyId).not.toBe(keyIdFor(old));
  });

  it('refuses a value bound to another place', () => {
    const box = createSecretBox([key()]);
    const sealed = box.seal('secret', 'tenant_a/action_1');
    expect(() => box.open(sealed, 'tenant_b/action_1')).toThrow(SecretBoxError);
  });

  it('refuses tampering with any part', () => {
    const box = createSecretBox([key()]);
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      tampered[index] = bytes.toString('base64url');
      expect(() => box.open(tampered.join('.')), `part ${index}`).toThrow(
        expect.objectContaining({ code: 'invalid_ciphertext' }),
      );
    }
  });

  it('names an unknown key and refuses garbage', () => {
    const sealed = createSecretBox([key()]).seal('secret');
    expect(() => createSecretBox([key()]).open(sealed)).toThrow(
      expect.objectContaining({ code: 'unknown_key' }),
    );
    for (const garbage of ['', 'v1', 'v2.a.b.c.d', 'plain text', 'v1.a.b.c']) {
      expect(() => createSecretBox([key()]).open(garbage), garbage).toThrow(SecretBoxError);
    }
  });

  it('requires 32-byte keys', () => {
    expect(() => createSecretBox([])).toThrow(SecretBoxError);
    expect(() => createSecretBox([randomBytes(16)])).toThrow(/32 bytes/);
  });
});

describe('parseSecretKey', () => {
  it('accepts 32 bytes of base64 or base64url', () => {
    const encoded = generateSecretKey();
    expect(parseSecretKey(encoded)).toHaveLength(32);
    expect(parseSecretKey(Buffer.from(encoded, 'base64').toString('base64url'))).toEqual(
      parseSecretKey(encoded),
    );
  });

  it.each(['', 'not base64!', Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('base64')])(
    'refuses %j',
    (text) => {
      expect(() => parseSecretKey(text)).toThrow(expect.objectContaining({ code: 'invalid_key' }));
    },
  );
});
