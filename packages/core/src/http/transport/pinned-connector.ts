import { isIP, type Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { buildConnector } from 'undici';
import { parseAddress } from '../policy/address-policy.js';
import { checkAddresses } from '../policy/check-addresses.js';
import type { NetworkAllowlist } from '../policy/network-allowlist.js';
import { normalizeHostName } from '../policy/normalize-host-name.js';
import type { Resolver } from '../policy/resolver.js';
import { deny, type TargetDenial } from '../policy/target-verdict.js';
import { TargetBlockedError } from './target-blocked-error.js';

type Connector = buildConnector.connector;
type ConnectParams = buildConnector.Options;
type ConnectCallback = buildConnector.Callback;

/** Options of {@link createPinnedConnector}. */
export interface PinnedConnectorOptions {
  resolve: Resolver;
  allowlist: NetworkAllowlist;
  /** TLS options for every connection (extra CAs for a private PKI or tests). */
  tls?: Pick<ConnectionOptions, 'ca' | 'rejectUnauthorized'>;
  /** Connect-phase timeout; the executor's total deadline still applies on top. */
  connectTimeoutMs?: number;
  /**
   * Dials the validated address. Defaults to undici's own connector. Tests wrap it to prove
   * that nothing outside loopback is ever dialled.
   */
  dial?: Connector;
}

/**
 * An undici `connect` function that resolves the host itself, refuses the connection if ANY
 * answer is outside public unicast (unless allowlisted), dials the checked IP with the original
 * name kept for TLS (SNI and certificate check) and Host, then checks the socket's remote address
 * once more. IP literals take the same path: undici never calls a lookup hook for them.
 */
export function createPinnedConnector(options: PinnedConnectorOptions): Connector {
  const { resolve, allowlist } = options;
  const dial =
    options.dial ??
    buildConnector({
      ...options.tls,
      ...(options.connectTimeoutMs === undefined ? {} : { timeout: options.connectTimeoutMs }),
    });

  return function connectPinned(params: ConnectParams, callback: ConnectCallback): void {
    const hostname = normalizeHostName(params.hostname);
    const literal = isIP(hostname) !== 0;
    const answers = literal ? Promise.resolve([hostname]) : resolve(hostname);
    answers.then(
      (addresses) => {
        const port = Number(params.port) || (params.protocol === 'http:' ? 80 : 443);
        const check = checkAddresses(hostname, addresses, allowlist, port);
        if (!check.allowed) return callback(new TargetBlockedError(check), null);
        const address = addresses[0] as string;
        const servername = literal ? undefined : hostname;
        dial({ ...params, hostname: address, ...(servername ? { servername } : {}) }, (error, socket) => {
          if (error || !socket) return callback(error ?? new Error('connector returned no socket'), null);
          const remote = verifyRemoteAddress(socket, address, allowlist);
          if (remote) {
            socket.destroy();
            return callback(new TargetBlockedError(remote), null);
          }
          callback(null, socket);
        });
      },
      (error: unknown) => {
        const detail = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
        callback(
          new TargetBlockedError(deny('unresolvable', `${hostname} could not be resolved${detail}`)),
          null,
        );
      },
    );
  };
}

/** The socket must be connected to the address we checked, and that address must still pass. */
function verifyRemoteAddress(
  socket: Socket,
  dialled: string,
  allowlist: NetworkAllowlist,
): TargetDenial | undefined {
  const remote = socket.remoteAddress;
  if (!remote) return deny('address_denied', 'the connection has no remote address');
  const remoteParsed = parseAddress(remote)?.toString();
  if (remoteParsed !== parseAddress(dialled)?.toString()) {
    return deny('address_denied', `connected to ${remote}, but ${dialled} was the address checked`);
  }
  const check = checkAddresses(remote, [remote], allowlist, socket.remotePort);
  return check.allowed ? undefined : check;
}
