import { ApiError, UNEXPECTED_RESPONSE } from '../api/api-error';

/** What the actions list shows of one action. */
export interface ActionRow {
  id: string;
  name: string;
  displayName: string | undefined;
  enabled: boolean;
  method: string;
  /** The host of the webhook URL, or the URL itself when it does not parse. */
  host: string;
}

/** The method an action uses when its definition names none (core's `DEFAULT_METHOD`). */
const DEFAULT_METHOD = 'POST';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The host (with a port when it has one) of a URL, for a compact list column. */
export function urlHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function toRow(value: unknown): ActionRow | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !isRecord(value.definition)) return undefined;
  const { name, displayName, method, url } = value.definition;
  if (typeof name !== 'string' || typeof url !== 'string') return undefined;
  return {
    id: value.id,
    name,
    displayName: typeof displayName === 'string' && displayName !== '' ? displayName : undefined,
    enabled: value.enabled === true,
    method: typeof method === 'string' ? method : DEFAULT_METHOD,
    host: urlHost(url),
  };
}

/** The rows of `GET /actions` (`{ actions: Action[] }`), sorted by name. */
export function toActionRows(body: unknown): ActionRow[] {
  if (!isRecord(body) || !Array.isArray(body.actions)) {
    throw new ApiError(
      200,
      UNEXPECTED_RESPONSE,
      'the server answered with an action list this app does not understand',
    );
  }
  const rows = body.actions.flatMap((item: unknown) => {
    const row = toRow(item);
    return row === undefined ? [] : [row];
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
