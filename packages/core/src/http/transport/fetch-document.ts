import { request } from 'undici';
import { ToolgateError } from '../../errors.js';
import { ACTION_URL_RULES, checkUrlForm } from '../policy/check-url-form.js';
import { deniedHostNameReason } from '../policy/denied-host-names.js';
import { createNetworkAllowlist, type NetworkAllowlistOptions } from '../policy/network-allowlist.js';
import { type Resolver, systemResolver } from '../policy/resolver.js';
import { deny } from '../policy/target-verdict.js';
import { createByteBudget } from './byte-budget.js';
import { createPinnedAgent } from './pinned-agent.js';
import type { PinnedConnectorOptions } from './pinned-connector.js';
import { TargetBlockedError } from './target-blocked-error.js';

/** An API description is a few hundred kilobytes; the largest public ones stay under this. */
export const DEFAULT_DOCUMENT_CAP_BYTES = 5 * 1024 * 1024;
/** The whole fetch (connect, headers, body) must end within this. */
export const DEFAULT_DOCUMENT_TIMEOUT_MS = 10_000;

/** Options of {@link fetchDocument}: the executor's policy options, plus the caps. */
export interface FetchDocumentOptions {
  /** Exemptions from the address policy (development and tests only). */
  allow?: NetworkAllowlistOptions;
  /** Replaces DNS (tests). */
  resolve?: Resolver;
  ca?: string | Buffer | Array<string | Buffer>;
  dial?: PinnedConnectorOptions['dial'];
  maxBytes?: number;
  timeoutMs?: number;
}

/** A fetched document: its text and content type. */
export interface FetchedDocument {
  url: string;
  contentType: string;
  text: string;
}

/**
 * The document could not be fetched. `kind` says why: `target_blocked` (the outbound policy
 * refused the URL) or `document_fetch_failed`. The code is `validation_failed` with the reason
 * at `/url`, so the API answers 422 naming the field.
 */
export class DocumentFetchError extends ToolgateError {
  readonly kind: 'target_blocked' | 'document_fetch_failed';

  constructor(kind: DocumentFetchError['kind'], message: string) {
    super('validation_failed', message, { details: [{ path: '/url', message }] });
    this.name = 'DocumentFetchError';
    this.kind = kind;
  }
}

/**
 * GETs one document (an OpenAPI description) through the outbound policy: `https` only, no
 * credentials in the URL, local names refused before DNS, every resolved address checked at
 * connect time by the pinned connector (loopback, private, link-local and metadata addresses
 * refused unless allowlisted), redirects not followed, the body capped at `maxBytes` and the
 * whole exchange bounded by `timeoutMs`. Throws a {@link DocumentFetchError}.
 *
 * @example
 * const { text } = await fetchDocument('https://petstore3.swagger.io/api/v3/openapi.json');
 */
export async function fetchDocument(
  rawUrl: string,
  options: FetchDocumentOptions = {},
): Promise<FetchedDocument> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new DocumentFetchError('target_blocked', 'the document URL is not a valid absolute URL');
  }
  const allowlist = createNetworkAllowlist(options.allow);
  const form = checkUrlForm(url, ACTION_URL_RULES);
  if (!form.ok) throw new DocumentFetchError('target_blocked', form.denial.reason);
  const nameReason = allowlist.allowsHost(form.hostname) ? undefined : deniedHostNameReason(form.hostname);
  if (nameReason) throw new DocumentFetchError('target_blocked', deny('host_denied', nameReason).reason);

  const capBytes = options.maxBytes ?? DEFAULT_DOCUMENT_CAP_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOCUMENT_TIMEOUT_MS;
  const agent = createPinnedAgent({
    resolve: options.resolve ?? systemResolver,
    allowlist,
    connectTimeoutMs: timeoutMs,
    ...(options.ca === undefined ? {} : { tls: { ca: options.ca } }),
    ...(options.dial === undefined ? {} : { dial: options.dial }),
  });
  try {
    const response = await request(url, {
      method: 'GET',
      dispatcher: agent,
      headers: { accept: 'application/json, application/yaml;q=0.9, text/yaml;q=0.9, */*;q=0.5' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.statusCode >= 300) {
      await response.body.dump();
      const location = response.headers.location;
      const where =
        response.statusCode < 400 && typeof location === 'string'
          ? ` (redirect to ${location}, not followed)`
          : '';
      throw new DocumentFetchError(
        'document_fetch_failed',
        `the document URL answered ${response.statusCode}${where}`,
      );
    }
    const budget = createByteBudget(capBytes);
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) {
      chunks.push(budget.take(chunk as Buffer));
      if (budget.exceeded) {
        response.body.destroy();
        throw new DocumentFetchError(
          'document_fetch_failed',
          `the document is larger than ${capBytes} bytes`,
        );
      }
    }
    const contentType = String(response.headers['content-type'] ?? '');
    return { url: url.href, contentType, text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (error instanceof DocumentFetchError) throw error;
    const blocked = error instanceof TargetBlockedError ? error : (error as { cause?: unknown }).cause;
    if (blocked instanceof TargetBlockedError)
      throw new DocumentFetchError('target_blocked', blocked.check.reason);
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
      throw new DocumentFetchError(
        'document_fetch_failed',
        `the document URL did not answer within ${timeoutMs} ms`,
      );
    }
    throw new DocumentFetchError(
      'document_fetch_failed',
      `the document could not be fetched: ${(error as Error).message}`,
    );
  } finally {
    await agent.close();
  }
}
