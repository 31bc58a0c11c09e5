import { resolve } from 'node:path';
import { createNetworkAllowlist } from '@toolgate/core';
import type { CookieSecureSetting } from '../auth/session-cookie.js';
import { parseProxyEntry } from '../auth/trusted-proxies.js';
import { parseRetrySchedule } from '../deliveries/retry-schedule.js';
import { MIN_METRICS_TOKEN_LENGTH } from '../metrics/metrics-access.js';
import { parseSecretKey } from '../secrets/secret-box.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { type LogSettings, parseLogSettings } from './parse-log-settings.js';
import { parseConfiguredSecretKey } from './parse-secret-key.js';

/** Where Toolgate listens when nobody says otherwise. */
export const DEFAULT_PORT = 3000;
/** The embedded database lives here, relative to the working directory. */
export const DEFAULT_DATA_DIR = './data';
/** Execution records older than this are purged: long enough to debug last month, short enough to stay small. */
export const DEFAULT_CALL_RETENTION_DAYS = 30;

/** Everything the server needs from its environment, parsed once. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the embedded database's folder (also where a generated secret key lives). */
  dataDir: string;
  /** `postgres://...` to use PostgreSQL instead of the embedded database. */
  databaseUrl: string | undefined;
  /** 32-byte key for secrets at rest; absent in embedded mode means "generate one in the data folder". */
  secretKey: Buffer | undefined;
  /** Older keys, still accepted for opening secrets until `toolgate secrets rotate` re-seals them. */
  previousSecretKeys: Buffer[];
  /** When set, an all-scopes API key of the default tenant with exactly this value. */
  adminKey: string | undefined;
  /** CIDRs exempted from the outbound deny table: development and tests only. */
  allowPrivateNetworks: string[];
  callRetentionDays: number;
  /** Embedded mode: seed and serve the demo (TOOLGATE_DEMO=off to turn it off). */
  demo: boolean;
  /** `LOG_LEVEL` and `LOG_FORMAT`. */
  log: LogSettings;
  /** The address browsers use (`TOOLGATE_PUBLIC_URL`), normalized; https makes session cookies `Secure`. */
  publicUrl: string | undefined;
  /** Addresses and CIDRs of proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed. */
  trustedProxies: string[];
  /** `TOOLGATE_COOKIE_SECURE`: `auto` (default), or forced on or off. */
  cookieSecure: CookieSecureSetting;
  /** `TOOLGATE_METRICS_TOKEN`: the bearer token `/metrics` requires; unset, `/metrics` is off. */
  metricsToken: string | undefined;
  /** `REDIS_URL`: limits and cache notices go through Redis instead of PostgreSQL. */
  redisUrl: string | undefined;
  /** `TOOLGATE_DRAIN_MS`: on shutdown, how long `/readyz` answers 503 before the listener closes. */
  drainMs: number;
  /**
   * `TOOLGATE_OTEL_ENDPOINT`: an OTLP/HTTP traces URL (`http://collector:4318/v1/traces`); traces
   * of turns and calls are exported there. Unset (the default): no traces.
   */
  otelEndpoint?: string;
  /** `TOOLGATE_CODE_ACTIONS`: actions may run JavaScript in the sandbox. On by default; `off` turns it off. */
  codeActions: boolean;
  /**
   * `TOOLGATE_DELIVERY_RETRY_SCHEDULE`: retry delays in ms ("0,200,500") for deliveries queued
   * without their own schedule (tests, the crash suite); unset: the standard schedule.
   */
  deliveryRetryScheduleMs: number[] | undefined;
  /** `TOOLGATE_DELIVERY_LEASE_MS`: how long a worker's claim on a delivery lasts (default 120 s). */
  deliveryLeaseMs: number | undefined;
  /** `TOOLGATE_DELIVERY_POLL_MS`: how often the worker looks for due rows nobody woke it for (default 1 s). */
  deliveryPollMs: number | undefined;
}

/** The default drain with PostgreSQL (a fleet behind a load balancer); embedded mode has none. */
export const DEFAULT_FLEET_DRAIN_MS = 5_000;

/** Command-line flags that override the environment. */
export interface ConfigFlags {
  port?: string;
  host?: string;
  data?: string;
}

function commaList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function parsePublicUrl(text: string | undefined, problems: ConfigProblem[]): string | undefined {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // reported below
  }
  problems.push({
    source: 'TOOLGATE_PUBLIC_URL',
    message: `must be the http(s) URL browsers use, like https://toolgate.example.com, got "${trimmed}"`,
  });
  return undefined;
}

const COOKIE_SECURE_SETTINGS: Record<string, CookieSecureSetting> = {
  auto: 'auto',
  true: true,
  false: false,
};

function parsePort(text: string, source: string, problems: ConfigProblem[]): number {
  const port = Number(text);
  // 0 asks the system for any free port (the listening line says which): scripts and tests.
  if (!/^\d+$/.test(text.trim()) || port > 65_535) {
    problems.push({
      source,
      message: `must be a port number from 1 to 65535 (or 0: any free port), got "${text}"`,
    });
    return DEFAULT_PORT;
  }
  return port;
}

/**
 * Reads the configuration from environment variables and flags (flags win), reporting every bad
 * value at once. Services receive the result; none reads `process.env` itself.
 *
 * @example
 * const config = parseConfig(process.env, { port: '8080' });
 */
export function parseConfig(
  env: NodeJS.ProcessEnv,
  flags: ConfigFlags = {},
  cwd = process.cwd(),
): ServerConfig {
  const problems: ConfigProblem[] = [];
  const portSource = flags.port !== undefined ? '--port' : 'PORT';
  const portText = flags.port ?? env.PORT;
  const port =
    portText === undefined || portText === '' ? DEFAULT_PORT : parsePort(portText, portSource, problems);

  const dataDir = resolve(cwd, flags.data ?? env.TOOLGATE_DATA_DIR ?? DEFAULT_DATA_DIR);

  let databaseUrl: string | undefined = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    try {
      const parsed = new URL(databaseUrl);
      if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
        problems.push({ source: 'DATABASE_URL', message: 'must be a postgres:// URL' });
        databaseUrl = undefined;
      }
    } catch {
      problems.push({
        source: 'DATABASE_URL',
        message: 'is not a valid URL (postgres://user@host:5432/database)',
      });
      databaseUrl = undefined;
    }
  }

  const secretKey = parseConfiguredSecretKey(env, databaseUrl, cwd, problems);

  const previousSecretKeys: Buffer[] = [];
  for (const [index, text] of (env.TOOLGATE_PREVIOUS_SECRET_KEYS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .entries()) {
    try {
      previousSecretKeys.push(parseSecretKey(text));
    } catch (error) {
      problems.push({
        source: 'TOOLGATE_PREVIOUS_SECRET_KEYS',
        message: `entry ${index + 1}: ${(error as Error).message}`,
      });
    }
  }

  const adminKey = env.TOOLGATE_ADMIN_KEY?.trim() || undefined;
  if (adminKey !== undefined && adminKey.length < 24) {
    problems.push({ source: 'TOOLGATE_ADMIN_KEY', message: 'must be at least 24 characters' });
  }

  const allowPrivateNetworks = (env.TOOLGATE_ALLOW_PRIVATE_NETWORKS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    createNetworkAllowlist({ networks: allowPrivateNetworks });
  } catch (error) {
    problems.push({ source: 'TOOLGATE_ALLOW_PRIVATE_NETWORKS', message: (error as Error).message });
  }

  let callRetentionDays = DEFAULT_CALL_RETENTION_DAYS;
  if (env.TOOLGATE_CALL_RETENTION_DAYS !== undefined && env.TOOLGATE_CALL_RETENTION_DAYS !== '') {
    const days = Number(env.TOOLGATE_CALL_RETENTION_DAYS);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      problems.push({
        source: 'TOOLGATE_CALL_RETENTION_DAYS',
        message: 'must be a whole number of days from 1 to 3650',
      });
    } else {
      callRetentionDays = days;
    }
  }

  const demoText = (env.TOOLGATE_DEMO ?? 'on').trim().toLowerCase();
  if (!['on', 'off'].includes(demoText))
    problems.push({ source: 'TOOLGATE_DEMO', message: 'must be on or off' });

  const log = parseLogSettings(env, problems);
  const publicUrl = parsePublicUrl(env.TOOLGATE_PUBLIC_URL, problems);

  const trustedProxies = commaList(env.TOOLGATE_TRUSTED_PROXIES);
  for (const [index, entry] of trustedProxies.entries()) {
    try {
      parseProxyEntry(entry);
    } catch (error) {
      problems.push({
        source: 'TOOLGATE_TRUSTED_PROXIES',
        message: `entry ${index + 1}: ${(error as Error).message}`,
      });
    }
  }

  const cookieSecureText = (env.TOOLGATE_COOKIE_SECURE ?? '').trim().toLowerCase() || 'auto';
  const cookieSecure = COOKIE_SECURE_SETTINGS[cookieSecureText];
  if (cookieSecure === undefined) {
    problems.push({
      source: 'TOOLGATE_COOKIE_SECURE',
      message: `must be auto, true or false, got "${env.TOOLGATE_COOKIE_SECURE}"`,
    });
  }

  const metricsToken = env.TOOLGATE_METRICS_TOKEN?.trim() || undefined;
  if (
    metricsToken !== undefined &&
    (metricsToken.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(metricsToken))
  ) {
    problems.push({
      source: 'TOOLGATE_METRICS_TOKEN',
      message: `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces; generate one with: openssl rand -hex 24`,
    });
  }

  const redisUrl = parseRedisUrl(env.REDIS_URL, databaseUrl, problems);
  let drainMs = databaseUrl === undefined ? 0 : DEFAULT_FLEET_DRAIN_MS;
  const drainText = env.TOOLGATE_DRAIN_MS?.trim();
  if (drainText !== undefined && drainText !== '') {
    const ms = Number(drainText);
    if (!Number.isInteger(ms) || ms < 0 || ms > 300_000)
      problems.push({
        source: 'TOOLGATE_DRAIN_MS',
        message: `must be whole milliseconds from 0 to 300000, got "${drainText}"`,
      });
    else drainMs = ms;
  }
  const codeText = env.TOOLGATE_CODE_ACTIONS?.trim().toLowerCase();
  if (codeText !== undefined && codeText !== '' && codeText !== 'on' && codeText !== 'off')
    problems.push({ source: 'TOOLGATE_CODE_ACTIONS', message: `must be on or off, got "${codeText}"` });
  const otelText = env.TOOLGATE_OTEL_ENDPOINT?.trim();
  let otelEndpoint: string | undefined;
  if (otelText) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(otelText);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
      problems.push({
        source: 'TOOLGATE_OTEL_ENDPOINT',
        message: `must be an http(s) URL of an OTLP/HTTP traces endpoint, e.g. http://localhost:4318/v1/traces, got "${otelText}"`,
      });
    else otelEndpoint = parsed.href;
  }
  let deliveryRetryScheduleMs: number[] | undefined;
  const scheduleText = env.TOOLGATE_DELIVERY_RETRY_SCHEDULE?.trim();
  if (scheduleText) {
    try {
      deliveryRetryScheduleMs = parseRetrySchedule(scheduleText);
    } catch (error) {
      problems.push({
        source: 'TOOLGATE_DELIVERY_RETRY_SCHEDULE',
        message: `${(error as Error).message} (delays before each retry in ms, like 0,200,500)`,
      });
    }
  }

  const deliveryLeaseMs = parseMilliseconds(
    env,
    'TOOLGATE_DELIVERY_LEASE_MS',
    { min: 1_000, max: 3_600_000 },
    problems,
  );
  const deliveryPollMs = parseMilliseconds(
    env,
    'TOOLGATE_DELIVERY_POLL_MS',
    { min: 10, max: 60_000 },
    problems,
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl,
    secretKey,
    previousSecretKeys,
    adminKey,
    allowPrivateNetworks,
    callRetentionDays,
    demo: demoText !== 'off' && databaseUrl === undefined,
    log,
    publicUrl,
    trustedProxies,
    cookieSecure: cookieSecure ?? 'auto',
    metricsToken,
    redisUrl,
    drainMs,
    ...(otelEndpoint ? { otelEndpoint } : {}),
    codeActions: codeText !== 'off',
    deliveryRetryScheduleMs,
    deliveryLeaseMs,
    deliveryPollMs,
  };
}

/** A whole number of milliseconds within bounds, or undefined when unset; a problem otherwise. */
function parseMilliseconds(
  env: Record<string, string | undefined>,
  name: string,
  bounds: { min: number; max: number },
  problems: ConfigProblem[],
): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (Number.isInteger(ms) && ms >= bounds.min && ms <= bounds.max) return ms;
  problems.push({
    source: name,
    message: `must be whole milliseconds from ${bounds.min} to ${bounds.max}, got "${text}"`,
  });
  return undefined;
}

function parseRedisUrl(
  text: string | undefined,
  databaseUrl: string | undefined,
  problems: ConfigProblem[],
): string | undefined {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(trimmed).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    problems.push({
      source: 'REDIS_URL',
      message: 'must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379',
    });
    return undefined;
  }
  if (databaseUrl === undefined) {
    problems.push({
      source: 'REDIS_URL',
      message: 'needs DATABASE_URL: the embedded database serves one process, whose limits stay in memory',
    });
    return undefined;
  }
  return trimmed;
}
