import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { parseAddress } from '../http/policy/address-policy.js';

/** What a guarded dialler saw. */
export interface DialLog {
  /** Every address the executor tried to dial, in order. */
  dialled: string[];
  /** Addresses refused because they were not loopback: must stay empty in every test. */
  refused: string[];
}

function isLoopback(address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  if (parsed.kind() === 'ipv4') return parsed.toString().startsWith('127.');
  return parsed.toString() === '::1';
}

/**
 * A dialler for tests: it dials only 127.0.0.0/8 and ::1, and records every attempt, so a test can
 * prove that the executor never tried to reach anything else (the network safety rule).
 */
export function createLoopbackOnlyDial(ca?: string): { dial: buildConnector.connector; log: DialLog } {
  const log: DialLog = { dialled: [], refused: [] };
  const connect = buildConnector(ca === undefined ? {} : { ca });
  const dial: buildConnector.connector = (options, callback) => {
    log.dialled.push(options.hostname);
    if (isIP(options.hostname) === 0 || !isLoopback(options.hostname)) {
      log.refused.push(options.hostname);
      callback(new Error(`test dialler refused ${options.hostname}: tests dial loopback only`), null);
      return;
    }
    connect(options, callback);
  };
  return { dial, log };
}
