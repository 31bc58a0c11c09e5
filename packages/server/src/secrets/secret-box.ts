import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** AES-256-GCM: 32-byte keys, 12-byte nonces (the GCM standard), 16-byte tags. */
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Format version, so the envelope can change without guessing. */
const VERSION = 'v1';

/** Raised when a stored secret cannot be opened: wrong key, unknown key id, or tampering. */
export class SecretBoxError extends Error {
  constructor(
    readonly code: 'unknown_key' | 'invalid_ciphertext' | 'invalid_key',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** Encrypts and decrypts secrets at rest; knows every key it may need to open old values. */
export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  seal(plaintext: string, associatedData?: string): string;
  open(sealed: string, associatedData?: string): string;
  /** The key id a sealed value was made with (to find values to re-encrypt after rotation). */
  keyIdOf(sealed: string): string;
}

/** A key id derived from the key itself: stable, short, and reveals nothing useful. */
export function keyIdFor(key: Buffer): string {
  return createHash('sha256').update('toolgate-secret-key-id').update(key).digest('base64url').slice(0, 12);
}

/** Parses a base64 key (as in TOOLGATE_SECRET_KEY); throws `SecretBoxError` unless it is 32 bytes. */
export function parseSecretKey(base64: string): Buffer {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed))
    throw new SecretBoxError('invalid_key', 'the secret key must be base64');
  const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(
      'invalid_key',
      `the secret key must be ${KEY_BYTES} bytes of base64 (got ${key.length})`,
    );
  }
  return key;
}

/** A new random key, base64. */
export function generateSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * AES-256-GCM with a key id in every sealed value: `v1.<keyId>.<nonce>.<ciphertext>.<tag>`
 * (base64url parts). `associatedData` binds a value to its place (e.g. tenant and action id), so
 * a ciphertext copied into another row does not open.
 *
 * @example
 * const box = createSecretBox([currentKey, previousKey]);
 * const sealed = box.seal('tok_live_123', 'tenant_1/action_9/auth.token');
 * box.open(sealed, 'tenant_1/action_9/auth.token'); // 'tok_live_123'
 */
export function createSecretBox(keys: readonly Buffer[]): SecretBox {
  const [current] = keys;
  if (!current) throw new SecretBoxError('invalid_key', 'at least one secret key is needed');
  const byId = new Map<string, Buffer>();
  for (const key of keys) {
    if (key.length !== KEY_BYTES)
      throw new SecretBoxError('invalid_key', `secret keys are ${KEY_BYTES} bytes`);
    byId.set(keyIdFor(key), key);
  }
  const currentKeyId = keyIdFor(current);

  function parse(sealed: string) {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION)
      throw new SecretBoxError('invalid_ciphertext', 'not a sealed secret');
    const [, keyId, nonce, ciphertext, tag] = parts as [string, string, string, string, string];
    return {
      keyId,
      nonce: Buffer.from(nonce, 'base64url'),
      ciphertext: Buffer.from(ciphertext, 'base64url'),
      tag: Buffer.from(tag, 'base64url'),
    };
  }

  return {
    currentKeyId,
    seal(plaintext, associatedData = '') {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        currentKeyId,
        nonce.toString('base64url'),
        ciphertext.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },
    open(sealed, associatedData = '') {
      const { keyId, nonce, ciphertext, tag } = parse(sealed);
      const key = byId.get(keyId);
      if (!key)
        throw new SecretBoxError(
          'unknown_key',
          `the value was sealed with key ${keyId}, which is not configured`,
        );
      if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES)
        throw new SecretBoxError('invalid_ciphertext', 'malformed sealed secret');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associatedData));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'invalid_ciphertext',
          'the sealed secret does not open: tampered, or bound to another place',
        );
      }
    },
    keyIdOf: (sealed) => parse(sealed).keyId,
  };
}
