import { createHash, timingSafeEqual } from 'node:crypto';
import { ToolgateError } from '@toolgate/core';

/** Shorter tokens are refused at start-up: the token is the only thing between `/metrics` and the world. */
export const MIN_METRICS_TOKEN_LENGTH = 24;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Lets a request read `/metrics` only with `Authorization: Bearer <TOOLGATE_METRICS_TOKEN>`
 * (compared in constant time). Without a configured token `/metrics` is off: 403 saying how to turn
 * it on. A missing or wrong token is a 401.
 *
 * @example
 * checkMetricsAccess(c.req.header('authorization'), services.metricsToken);
 */
export function checkMetricsAccess(authorization: string | undefined, token: string | undefined): void {
  if (token === undefined) {
    throw new ToolgateError(
      'forbidden',
      '/metrics is off: set TOOLGATE_METRICS_TOKEN and scrape with Authorization: Bearer <that token>',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match || !timingSafeEqual(digest(match[1] as string), digest(token))) {
    throw new ToolgateError(
      'unauthenticated',
      authorization === undefined
        ? '/metrics needs Authorization: Bearer <TOOLGATE_METRICS_TOKEN>'
        : 'the metrics token is wrong',
    );
  }
}
