import type { ActionAuth, ActionDefinition } from '@toolgate/core';

/** Where a secret sits in a definition: `headers/<name>`, `auth/<field>` or `code/credentials/<name>`. */
export type SecretPlace = string;

/** Auth fields that hold secrets; `username`, `in` and `name` are configuration, not secrets. */
const SECRET_AUTH_FIELDS: Record<ActionAuth['type'], string[]> = {
  none: [],
  bearer: ['token'],
  basic: ['password'],
  api_key: ['value'],
  oauth2_client_credentials: ['clientSecret'],
};

/** Optional auth settings a PATCH object replaces: left out, they are removed, not kept. */
const REPLACED_AUTH_SETTINGS: Partial<Record<ActionAuth['type'], string[]>> = {
  oauth2_client_credentials: ['scopes', 'audience', 'tokenEndpointAuthMethod'],
};

/**
 * The auth a PATCH stores: the patch's object over the stored auth when the type is unchanged
 * (a form that never shows a secret sends it back only when it changes), else the patch alone.
 * The optional OAuth2 settings (`scopes`, `audience`, `tokenEndpointAuthMethod`) are not kept:
 * left out of the patch, they are removed.
 *
 * @example
 * patchedAuth({ type: 'bearer', token: 't' }, { type: 'bearer' }); // { type: 'bearer', token: 't' }
 */
export function patchedAuth(
  current: ActionAuth | undefined,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  if (!current || current.type !== patch.type) return { ...patch };
  const kept: Record<string, unknown> = { ...current };
  for (const setting of REPLACED_AUTH_SETTINGS[current.type] ?? []) delete kept[setting];
  return { ...kept, ...patch };
}

/**
 * Splits a definition into what may be stored and shown (`publicDefinition`, with secret values
 * removed) and the secret values by place.
 *
 * @example
 * splitSecrets({ ..., headers: { 'X-Key': 'k' }, auth: { type: 'bearer', token: 't' } });
 * // { publicDefinition: { ..., headers: { 'X-Key': '' }, auth: { type: 'bearer', token: '' } },
 * //   secrets: { 'headers/X-Key': 'k', 'auth/token': 't' } }
 */
export function splitSecrets(definition: ActionDefinition): {
  publicDefinition: ActionDefinition;
  secrets: Record<SecretPlace, string>;
} {
  const secrets: Record<SecretPlace, string> = {};
  const publicDefinition: ActionDefinition = { ...definition };
  if (definition.headers) {
    publicDefinition.headers = {};
    for (const [name, value] of Object.entries(definition.headers)) {
      secrets[`headers/${name}`] = value;
      publicDefinition.headers[name] = '';
    }
  }
  if (definition.auth) {
    const auth: Record<string, unknown> = { ...definition.auth };
    for (const field of SECRET_AUTH_FIELDS[definition.auth.type]) {
      secrets[`auth/${field}`] = String(auth[field] ?? '');
      auth[field] = '';
    }
    publicDefinition.auth = auth as ActionAuth;
  }
  if (definition.code?.credentials) {
    const credentials: Record<string, string> = {};
    for (const [name, value] of Object.entries(definition.code.credentials)) {
      secrets[`code/credentials/${name}`] = value;
      credentials[name] = '';
    }
    publicDefinition.code = { ...definition.code, credentials };
  }
  return { publicDefinition, secrets };
}

/** Puts secret values back into a stored public definition (for a call). */
export function joinSecrets(
  publicDefinition: ActionDefinition,
  secrets: Record<SecretPlace, string>,
): ActionDefinition {
  const definition: ActionDefinition = { ...publicDefinition };
  if (publicDefinition.headers) {
    definition.headers = {};
    for (const name of Object.keys(publicDefinition.headers))
      definition.headers[name] = secrets[`headers/${name}`] ?? '';
  }
  if (publicDefinition.auth) {
    const auth: Record<string, unknown> = { ...publicDefinition.auth };
    for (const field of SECRET_AUTH_FIELDS[publicDefinition.auth.type])
      auth[field] = secrets[`auth/${field}`] ?? '';
    definition.auth = auth as ActionAuth;
  }
  if (publicDefinition.code?.credentials) {
    const credentials = Object.fromEntries(
      Object.keys(publicDefinition.code.credentials).map((name) => [
        name,
        secrets[`code/credentials/${name}`] ?? '',
      ]),
    );
    definition.code = { ...publicDefinition.code, credentials };
  }
  return definition;
}

/**
 * The definition as API responses show it: every header and credential reduced to
 * `{ "set": true }`, never the value.
 */
export function showDefinition(publicDefinition: ActionDefinition): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...publicDefinition };
  if (publicDefinition.headers) {
    shown.headers = Object.fromEntries(
      Object.keys(publicDefinition.headers).map((name) => [name, { set: true }]),
    );
  }
  if (publicDefinition.auth) {
    const auth: Record<string, unknown> = { ...publicDefinition.auth };
    for (const field of SECRET_AUTH_FIELDS[publicDefinition.auth.type]) auth[field] = { set: true };
    shown.auth = auth;
  }
  if (publicDefinition.code?.credentials) {
    shown.code = {
      ...publicDefinition.code,
      credentials: Object.fromEntries(
        Object.keys(publicDefinition.code.credentials).map((name) => [name, { set: true }]),
      ),
    };
  }
  return shown;
}

/** The associated data a sealed value is bound to: it cannot be moved to another action or tenant. */
export function sealedPlace(tenantId: string, actionId: string, place: SecretPlace): string {
  return `${tenantId}/${actionId}/${place}`;
}
