import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError, type ModelRequest } from '../../agent/chat-model.js';
import { createModelFetch, type ModelFetch } from '../../http/transport/model-fetch.js';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from '../../test/loopback-https-server.js';
import { type OpenAIProtocolServer, startOpenAIProtocolServer } from '../../test/openai-protocol-server.js';
import { createLlmModel, type LlmModelOptions } from './create-llm-model.js';

const API_KEY = 'sk-settings-0123456789-SECRET';
const REQUEST: ModelRequest = {
  system: '',
  messages: [{ role: 'user', content: 'Hi' }],
  tools: [],
  state: undefined,
};

let server: OpenAIProtocolServer;
let https: LoopbackHttpsServer;
let transport: ModelFetch;

beforeAll(async () => {
  server = await startOpenAIProtocolServer();
  https = await startLoopbackHttpsServer((_request, response) => sendJson(response, 200, {}));
  transport = createModelFetch({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
});
afterAll(async () => {
  await transport.close();
  await server.close();
  await https.close();
});

async function failureOf(options: LlmModelOptions): Promise<string> {
  const error = await createLlmModel(options)
    .respond(REQUEST)
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(ModelError);
  const message = (error as ModelError).message;
  expect(message).not.toContain(API_KEY);
  return message;
}

describe('createLlmModel settings', () => {
  it('never throws on creation; bad settings fail the step with a ModelError and send nothing', async () => {
    const before = server.requests.length;
    const base = { baseUrl: server.url, fetch: transport.fetch };
    expect(await failureOf({ provider: 'openai', model: 'gpt-4o-mini', ...base })).toBe(
      'openai: no API key is configured for openai',
    );
    expect(await failureOf({ provider: 'anthropic', model: 'claude-haiku-4-5', ...base })).toBe(
      'anthropic: no API key is configured for anthropic',
    );
    expect(
      await failureOf({ provider: 'openai-compatible', model: 'llama3.1', fetch: transport.fetch }),
    ).toMatch(
      /^openai-compatible: no base URL is configured \(e\.g\. http:\/\/127\.0\.0\.1:11434\/v1 for Ollama\)$/,
    );
    expect(await failureOf({ provider: 'openai', model: ' ', apiKey: API_KEY, ...base })).toMatch(
      /no model is configured/,
    );
    expect(
      await failureOf({
        provider: 'openai',
        model: 'gpt-4o-mini',
        apiKey: API_KEY,
        baseUrl: 'api.openai.com',
      }),
    ).toBe('openai: the base URL is not a valid absolute URL');
    expect(
      await failureOf({
        provider: 'gemini' as LlmModelOptions['provider'],
        model: 'x',
        apiKey: API_KEY,
        ...base,
      }),
    ).toMatch(/unknown provider "gemini"/);
    expect(server.requests.length).toBe(before);
  });

  it('sends no Authorization header to an openai-compatible server without a key', async () => {
    const llm = createLlmModel({
      provider: 'openai-compatible',
      model: 'llama3.1',
      baseUrl: server.url,
      fetch: transport.fetch,
    });
    expect((await llm.respond(REQUEST)).text).toBe('You said: Hi');
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
  });
});

describe('createLlmModel transport', () => {
  it('defaults to the policy-checked transport: plain http and loopback are refused, nothing connects', async () => {
    const before = { plain: server.connections, https: https.connections };
    const plain = await failureOf({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: API_KEY,
      baseUrl: server.url,
    });
    expect(plain).toMatch(
      /^openai: the model endpoint is not allowed: plain http is refused for model endpoints/,
    );
    const loopback = await failureOf({
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      apiKey: API_KEY,
      baseUrl: https.url('/v1'),
    });
    expect(loopback).toMatch(/^anthropic: the model endpoint is not allowed: .*127\.0\.0\.1/);
    expect({ plain: server.connections, https: https.connections }).toEqual(before);
  });

  it('says when the endpoint cannot be reached', async () => {
    const closed = await startOpenAIProtocolServer();
    await closed.close();
    const message = await failureOf({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: API_KEY,
      baseUrl: closed.url,
      fetch: transport.fetch,
    });
    expect(message).toMatch(/^openai: the model endpoint could not be reached: .*ECONNREFUSED/);
  });

  it('fails a reply larger than the transport allows', async () => {
    const small = createModelFetch({
      allow: { networks: ['127.0.0.0/8'] },
      allowInsecureHttp: true,
      maxResponseBytes: 200,
    });
    try {
      server.setReply(() => ({ text: 'x'.repeat(1_000) }));
      const message = await failureOf({
        provider: 'openai',
        model: 'gpt-4o-mini',
        apiKey: API_KEY,
        baseUrl: server.url,
        fetch: small.fetch,
      });
      expect(message).toBe("openai: the model endpoint's response is larger than 200 bytes");
    } finally {
      await small.close();
    }
  });
});
