import { generateWebhookSecret } from '@toolgate/core';
import type { SecretBox } from '../secrets/secret-box.js';

/**
 * How long the previous signing secret keeps signing after a rotation: time to deploy the new
 * one. The same for actions (outbound calls) and agents (webhook trigger events).
 */
export const SIGNING_SECRET_GRACE_MS = 24 * 3600_000;

/** Where one owner's signing secrets are sealed: the current one and the one before it. */
export interface SigningPlaces {
  current: string;
  previous: string;
}

/** The signing columns of an action or agent row. */
export interface SigningColumns {
  signing_secret: string;
  previous_signing_secret: string | null;
  previous_signing_secret_expires_at: Date | string | null;
}

/**
 * A rotation: a fresh secret, and the current one sealed as the previous, signing until the grace
 * period ends. The caller writes `columns` to its row and shows `signingSecret` this once.
 */
export function rotateSigningSecret(box: SecretBox, sealedCurrent: string, places: SigningPlaces, at: Date) {
  const signingSecret = generateWebhookSecret();
  const previousValidUntil = new Date(at.getTime() + SIGNING_SECRET_GRACE_MS);
  return {
    signingSecret,
    previousValidUntil,
    columns: {
      signing_secret: box.seal(signingSecret, places.current),
      previous_signing_secret: box.seal(box.open(sealedCurrent, places.current), places.previous),
      previous_signing_secret_expires_at: previousValidUntil,
    },
  };
}

/**
 * The secrets that sign now: the current one, and the previous one while its grace lasts
 * (`previousValidUntil`, epoch ms, is set only then, so a cache can drop the entry on time).
 */
export function openSigningSecrets(
  box: SecretBox,
  row: SigningColumns,
  places: SigningPlaces,
  nowMs: number,
): { signingSecrets: string[]; previousValidUntil?: number } {
  const signingSecrets = [box.open(row.signing_secret, places.current)];
  const expires = row.previous_signing_secret_expires_at;
  const previousValidUntil = expires ? new Date(expires).getTime() : undefined;
  const inGrace = previousValidUntil !== undefined && previousValidUntil > nowMs;
  if (row.previous_signing_secret && inGrace) {
    signingSecrets.push(box.open(row.previous_signing_secret, places.previous));
  }
  return { signingSecrets, ...(inGrace ? { previousValidUntil } : {}) };
}
