import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';
import { isRecord } from './json-values';

/**
 * An action as the server shows it (`GET /actions/{id}`): the definition without secret values,
 * each header and credential reduced to `{ "set": true }`.
 */
export interface ActionView {
  id: string;
  definition: Record<string, unknown>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /actions`: the action and its signing secret, shown this once. */
export interface CreatedAction {
  action: ActionView;
  signingSecret: string;
}

/** `POST /actions/{id}/signing-secret/rotate`. */
export interface RotatedSecret {
  signingSecret: string;
  /** Until when the previous secret keeps signing (ISO 8601). */
  previousValidUntil: string;
}

function unexpected(what: string): ApiError {
  return new ApiError(
    200,
    UNEXPECTED_RESPONSE,
    `the server answered with ${what} this app does not understand`,
  );
}

export function toActionView(value: unknown): ActionView {
  if (
    isRecord(value) &&
    typeof value.id === 'string' &&
    isRecord(value.definition) &&
    typeof value.definition.name === 'string' &&
    typeof value.definition.url === 'string'
  ) {
    return {
      id: value.id,
      definition: value.definition,
      enabled: value.enabled !== false,
      createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
      updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '',
    };
  }
  throw unexpected('an action');
}

export function toCreatedAction(value: unknown): CreatedAction {
  if (isRecord(value) && typeof value.signingSecret === 'string') {
    return { action: toActionView(value.action), signingSecret: value.signingSecret };
  }
  throw unexpected('a created action');
}

export function toRotatedSecret(value: unknown): RotatedSecret {
  if (isRecord(value) && typeof value.signingSecret === 'string') {
    return {
      signingSecret: value.signingSecret,
      previousValidUntil: typeof value.previousValidUntil === 'string' ? value.previousValidUntil : '',
    };
  }
  throw unexpected('a signing secret');
}

/** True for the `{ "set": true }` the server shows in place of a stored secret. */
export function isSetMarker(value: unknown): boolean {
  return isRecord(value) && value.set === true;
}
