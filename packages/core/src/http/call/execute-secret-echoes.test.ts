import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../actions/action-definition.js';
import { type LoopbackHttpsServer, startLoopbackHttpsServer } from '../../test/loopback-https-server.js';
import {
  allPlantedVariants,
  answerWithEchoes,
  expectNoPlantedSecret,
  PLANTED_SECRETS,
  PLANTED_USER,
  SECRET_QUERY,
  secretsReceived,
} from '../../test/secret-echo.js';
import { createTestExecutor, orderStatusAction, TEST_HOST } from '../../test/test-executor.js';
import type { Executor } from './create-executor.js';

let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  server = await startLoopbackHttpsServer(answerWithEchoes);
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

/** Each way a credential travels, with the custom header secret on every one. */
const AUTHS: Record<string, Pick<ActionDefinition, 'auth' | 'headers'>> = {
  bearer: { auth: { type: 'bearer', token: PLANTED_SECRETS.bearer } },
  'api key in the query': {
    auth: { type: 'api_key', in: 'query', name: SECRET_QUERY, value: PLANTED_SECRETS.query },
  },
  basic: { auth: { type: 'basic', username: PLANTED_USER, password: PLANTED_SECRETS.password } },
};
const SENT_SECRETS: Record<string, string[]> = {
  bearer: [PLANTED_SECRETS.bearer],
  'api key in the query': [PLANTED_SECRETS.query],
  basic: [PLANTED_SECRETS.password],
};

function echoAction(path: string, auth: string, overrides: Partial<ActionDefinition> = {}) {
  return orderStatusAction(server, {
    url: server.url(path, TEST_HOST),
    method: 'GET',
    headers: { 'X-Shop-Key': PLANTED_SECRETS.header },
    ...AUTHS[auth],
    ...overrides,
  });
}

const ECHOES: Array<[string, Partial<ActionDefinition>]> = [
  ['/json', {}],
  ['/escaped-json', {}],
  ['/message', {}],
  ['/error', {}],
  ['/text', {}],
  ['/text-error', {}],
  ['/redirect', {}],
  ['/redirect', { followRedirects: true }],
];

describe('secrets an endpoint echoes back in another encoding', () => {
  for (const auth of Object.keys(AUTHS)) {
    for (const [path, overrides] of ECHOES) {
      const label = `${path}${overrides.followRedirects ? ' (followed)' : ''}`;
      it(`${auth}: ${label} leaves no spelling of a secret in the result`, async () => {
        const result = await executor.execute({
          action: echoAction(`/echo${path}`, auth, overrides),
          parameters: { order_number: 'ORD-1' },
        });
        // The endpoint did get the real secrets, so what it sent back really carried them.
        const received = server.requests.flatMap((request) => secretsReceived(request));
        for (const secret of [...(SENT_SECRETS[auth] ?? []), PLANTED_SECRETS.header]) {
          expect(received).toContain(secret);
        }
        expect(result.response).not.toBeNull();
        expect(JSON.stringify(result)).toContain('[redacted]');
        expectNoPlantedSecret(`${auth} ${label}`, result);
      });
    }
  }

  it('scrubs the parsed value itself: values, object keys and nested arrays', async () => {
    const result = await executor.execute({
      action: echoAction('/echo/escaped-json', 'bearer'),
      parameters: { order_number: 'ORD-1' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as { echoes: Array<Record<string, string>>; nested: { keyed: object } };
    expect(data.echoes[0]?.raw).toBe('[redacted]');
    expect(data.echoes[0]?.percent).toBe('[redacted]');
    expect(Object.keys(data.nested.keyed)).toContain('[redacted]');
    expectNoPlantedSecret('escaped JSON', result.data);
  });

  it('says a verbatim message only with the secrets scrubbed', async () => {
    const result = await executor.execute({
      action: echoAction('/echo/message', 'basic'),
      parameters: { order_number: 'ORD-1' },
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Your order is on its way') });
    expect(result.ok && result.message).toContain('[redacted]');
  });

  it('scrubs the request as recorded: a parameter equal to a secret, in a JSON body and a query', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const result = await executor.execute({
        action: echoAction('/echo/json', 'bearer', { method }),
        parameters: { order_number: PLANTED_SECRETS.bearer },
      });
      expect(result.request?.body ?? result.request?.url).toContain('[redacted]');
      expectNoPlantedSecret(`${method} request`, result.request);
      expectNoPlantedSecret(`${method} result`, result);
    }
    const dryRun = executor.prepare({
      action: echoAction('/echo/json', 'basic', { method: 'POST' }),
      parameters: { order_number: PLANTED_SECRETS.password },
    });
    expect(dryRun.ok).toBe(true);
    if (dryRun.ok) expectNoPlantedSecret('dry run', dryRun.call.request);
  });

  it('leaves no start of a secret where the response cap cut the body', async () => {
    const { executor: capped } = await createTestExecutor({ responseCapBytes: 1024 });
    try {
      server.setHandler((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        // The cap cuts the echoed token after its first 9 characters.
        response.end(`${'x'.repeat(1024 - 9)}${PLANTED_SECRETS.bearer} and more`);
      });
      const result = await capped.execute({
        action: echoAction('/cut', 'bearer'),
        parameters: { order_number: 'ORD-1' },
      });
      expect(result).toMatchObject({ ok: true, truncated: true });
      const data = result.ok ? (result.data as { response_text: string }) : undefined;
      const texts = [result.response?.body ?? '', data?.response_text ?? ''];
      for (const text of texts) {
        expect(text.startsWith('xxx')).toBe(true);
        expect(text).not.toContain(PLANTED_SECRETS.bearer.slice(0, 9));
      }
    } finally {
      server.setHandler(answerWithEchoes);
      await capped.close();
    }
  });

  it('the test encoders really differ from the raw secret (the attack is not vacuous)', () => {
    const variants = new Set(allPlantedVariants());
    expect(variants.size).toBeGreaterThan(30);
  });
});
