import type { ServerCandidate } from './import-report';

/**
 * The base URL the actions are built on: the document's own servers (each operation's first
 * usable one), another server the document lists, or a URL the operator types.
 */
export type BaseChoice =
  | { kind: 'document' }
  | { kind: 'server'; url: string }
  | { kind: 'other'; url: string };

/** The first server an action can be built on, if any. */
export function documentServer(servers: readonly ServerCandidate[]): ServerCandidate | undefined {
  return servers.find((server) => server.usable);
}

/** The servers offered besides the document's default: the other usable ones. */
export function otherServers(servers: readonly ServerCandidate[]): ServerCandidate[] {
  const first = documentServer(servers);
  return servers.filter((server) => server.usable && server !== first);
}

/** The `baseUrl` to send (none for the document's servers), or what is wrong with a typed one. */
export function baseUrlOf(
  choice: BaseChoice,
): { ok: true; baseUrl?: string } | { ok: false; message: string } {
  if (choice.kind === 'document') return { ok: true };
  const url = choice.url.trim();
  if (choice.kind === 'server') return { ok: true, baseUrl: url };
  if (url === '') return { ok: false, message: 'enter the base URL, e.g. https://api.example.com/v1' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: `"${url}" is not an absolute URL (https://…)` };
  }
  if (parsed.protocol !== 'https:') return { ok: false, message: 'the base URL must start with https://' };
  return { ok: true, baseUrl: url.replace(/\/+$/, '') };
}
