import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../../actions/to-tool-definition.js';
import { type ChatMessage, ModelError, type ModelRequest } from '../../agent/chat-model.js';
import { createModelFetch, type ModelFetch } from '../../http/transport/model-fetch.js';
import { startAnthropicProtocolServer } from '../../test/anthropic-protocol-server.js';
import { startOpenAIProtocolServer } from '../../test/openai-protocol-server.js';
import { type ModelProtocol, readConversation } from '../../test/protocol-conversation.js';
import type { ProtocolReply, ProtocolServer } from '../../test/protocol-server.js';
import { createLlmModel, type LlmModelOptions } from './create-llm-model.js';
import type { LlmProvider } from './provider-language-model.js';

const API_KEY = 'sk-test-0123456789-SECRET-abcdef';
const SYSTEM = 'You help customers of a shop.';
const ORDER_STATUS: ToolDefinition = {
  name: 'check_order_status',
  description: 'Look up the status of an order by its order number.',
  parameters: {
    type: 'object',
    properties: { order_number: { type: 'string', description: 'Like ORD-12345', pattern: '^ORD-\\d+$' } },
    required: ['order_number'],
    additionalProperties: false,
  },
};
const CANCEL: ToolDefinition = {
  name: 'cancel_order',
  description: 'Cancel an order.',
  parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
};

type AnyServer = ProtocolServer<unknown>;
let transport: ModelFetch;
const servers = {} as Record<ModelProtocol, AnyServer>;
/** What the servers answer next: set per test. */
let script: ProtocolReply[] = [];

beforeAll(async () => {
  transport = createModelFetch({ allow: { networks: ['127.0.0.0/8'] }, allowInsecureHttp: true });
  const next = (): ProtocolReply => script.shift() ?? { text: 'OK.' };
  servers.openai = (await startOpenAIProtocolServer(next)) as AnyServer;
  servers.anthropic = (await startAnthropicProtocolServer(next)) as AnyServer;
});
beforeEach(() => {
  script = [];
  servers.openai.requests.length = 0;
  servers.anthropic.requests.length = 0;
});
afterAll(async () => {
  await transport.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

const TARGETS: Array<{ provider: LlmProvider; model: string; protocol: ModelProtocol }> = [
  { provider: 'openai', model: 'gpt-4o-mini', protocol: 'openai' },
  { provider: 'anthropic', model: 'claude-haiku-4-5', protocol: 'anthropic' },
  { provider: 'openai-compatible', model: 'llama3.1', protocol: 'openai' },
];

function request(messages: ChatMessage[], overrides: Partial<ModelRequest> = {}): ModelRequest {
  return { system: SYSTEM, messages, tools: [ORDER_STATUS, CANCEL], state: undefined, ...overrides };
}

/** The rejection of a step, which must be a ModelError that does not mention the key. */
async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ModelError);
  const modelError = error as ModelError;
  expect(modelError.code).toBe('model_failed');
  for (const text of [modelError.message, String(modelError.cause), JSON.stringify(modelError)]) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain('SECRET');
  }
  return modelError;
}

describe.each(TARGETS)('the $provider adapter over HTTP', ({ provider, model, protocol }) => {
  const server = () => servers[protocol];
  const create = (overrides: Partial<LlmModelOptions> = {}) =>
    createLlmModel({
      provider,
      model,
      apiKey: API_KEY,
      baseUrl: server().url,
      fetch: transport.fetch,
      ...overrides,
    });

  it('sends the system prompt, the message and the tools in the provider format, and returns the text', async () => {
    script = [{ text: 'Hello! How can I help?' }];
    const llm = create();
    expect(llm.kind).toBe(provider);
    const response = await llm.respond(request([{ role: 'user', content: 'Hi there' }]));
    expect(response).toMatchObject({ text: 'Hello! How can I help?', toolCalls: [] });
    expect(response.debug).toMatchObject({ provider, model });

    expect(server().requests).toHaveLength(1);
    const [sent] = server().requests;
    const body = sent?.body as Record<string, unknown>;
    expect(body.model).toBe(model);
    if (protocol === 'openai') {
      expect(sent?.path).toBe('/v1/chat/completions');
      expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(body.messages).toEqual([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Hi there' },
      ]);
      expect(body.tools).toEqual([
        {
          type: 'function',
          function: {
            name: ORDER_STATUS.name,
            description: ORDER_STATUS.description,
            parameters: ORDER_STATUS.parameters,
          },
        },
        expect.objectContaining({
          type: 'function',
          function: expect.objectContaining({ name: 'cancel_order' }),
        }),
      ]);
    } else {
      expect(sent?.path).toBe('/v1/messages');
      expect(sent?.headers['x-api-key']).toBe(API_KEY);
      expect(sent?.headers['anthropic-version']).toBeTruthy();
      expect(body.system).toEqual([{ type: 'text', text: SYSTEM }]);
      expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi there' }] }]);
      expect(body.tools).toEqual([
        {
          name: ORDER_STATUS.name,
          description: ORDER_STATUS.description,
          input_schema: ORDER_STATUS.parameters,
        },
        expect.objectContaining({ name: 'cancel_order' }),
      ]);
    }
  });

  it('returns a tool call as a ToolCallRequest, in one step', async () => {
    script = [
      {
        text: 'Let me check.',
        toolCalls: [{ name: 'check_order_status', arguments: { order_number: 'ORD-1' } }],
      },
    ];
    const response = await create().respond(request([{ role: 'user', content: 'Where is ORD-1?' }]));
    expect(response.text).toBe('Let me check.');
    expect(response.toolCalls).toEqual([
      { id: expect.any(String), name: 'check_order_status', arguments: { order_number: 'ORD-1' } },
    ]);
    expect(server().requests).toHaveLength(1);
  });

  it('turns unparseable or non-object arguments into {}, and keeps calls to unknown tools', async () => {
    script = [
      {
        toolCalls: [
          { name: 'check_order_status', arguments: '{"order_number": "ORD-1"' },
          { name: 'check_order_status', arguments: '[1, 2]' },
          { name: 'refund_everything', arguments: { all: true } },
        ],
      },
    ];
    const response = await create().respond(request([{ role: 'user', content: 'Where is my order?' }]));
    expect(response.toolCalls.map((call) => [call.name, call.arguments])).toEqual([
      ['check_order_status', {}],
      ['check_order_status', {}],
      ['refund_everything', { all: true }],
    ]);
  });

  it('sends the tool call and its result back in the next step, then returns the text', async () => {
    script = [
      { toolCalls: [{ name: 'check_order_status', arguments: { order_number: 'ORD-1' } }] },
      { text: 'Your order has shipped.' },
    ];
    const llm = create();
    const messages: ChatMessage[] = [{ role: 'user', content: 'Where is ORD-1?' }];
    const first = await llm.respond(request(messages));
    const [call] = first.toolCalls;
    if (!call) throw new Error('expected a tool call');
    messages.push({ role: 'assistant', content: '', toolCalls: first.toolCalls });
    const result = { ok: true, status: 200, data: { status: 'shipped' } };
    messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, content: result });
    const second = await llm.respond(request(messages));
    expect(second).toMatchObject({ text: 'Your order has shipped.', toolCalls: [] });

    expect(server().requests).toHaveLength(2);
    const conversation = readConversation(protocol, server().requests[1]?.body);
    expect(conversation.toolCalls).toEqual([
      { id: call.id, name: 'check_order_status', arguments: { order_number: 'ORD-1' } },
    ]);
    expect(conversation.toolResultsSinceLastUser).toEqual([
      { toolCallId: call.id, toolName: 'check_order_status', content: result },
    ]);
    const raw = server().requests[1]?.body as { messages: Array<Record<string, unknown>> };
    if (protocol === 'openai') {
      expect(raw.messages.at(-1)).toEqual({
        role: 'tool',
        tool_call_id: call.id,
        content: JSON.stringify(result),
      });
    } else {
      expect(raw.messages.at(-1)).toEqual({
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: call.id, content: JSON.stringify(result) }],
      });
    }
  });

  it('sends the results of calls made in the same step together', async () => {
    const calls = [
      { id: 'c1', name: 'check_order_status', arguments: { order_number: 'ORD-1' } },
      { id: 'c2', name: 'check_order_status', arguments: { order_number: 'ORD-2' } },
    ];
    await create().respond(
      request([
        { role: 'user', content: 'Where are ORD-1 and ORD-2?' },
        { role: 'assistant', content: '', toolCalls: calls },
        { role: 'tool', toolCallId: 'c1', toolName: 'check_order_status', content: { ok: true } },
        { role: 'tool', toolCallId: 'c2', toolName: 'check_order_status', content: 'not found' },
      ]),
    );
    const raw = server().requests[0]?.body as { messages: Array<{ role: string; content: unknown }> };
    if (protocol === 'openai') {
      expect(raw.messages.slice(-2)).toEqual([
        { role: 'tool', tool_call_id: 'c1', content: '{"ok":true}' },
        { role: 'tool', tool_call_id: 'c2', content: 'not found' },
      ]);
    } else {
      expect(raw.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
      expect(raw.messages[2]?.content).toEqual([
        { type: 'tool_result', tool_use_id: 'c1', content: '{"ok":true}' },
        { type: 'tool_result', tool_use_id: 'c2', content: 'not found' },
      ]);
    }
  });

  it('reports an authentication error with the status and the provider message, never the key', async () => {
    script = [
      {
        status: 401,
        errorMessage: `Incorrect API key provided: ${API_KEY}.`,
        errorType: 'authentication_error',
      },
    ];
    const error = await failure(create().respond(request([{ role: 'user', content: 'Hi' }])));
    expect(error.message).toBe(`${provider}: 401 Incorrect API key provided: [redacted].`);
  });

  it('reports a server error without a JSON body by its status', async () => {
    script = [{ status: 500, body: 'upstream exploded', headers: { 'content-type': 'text/plain' } }];
    const error = await failure(create().respond(request([{ role: 'user', content: 'Hi' }])));
    expect(error.message).toBe(`${provider}: 500 Internal Server Error`);
  });

  it('reports malformed JSON and a body of the wrong shape as a malformed response', async () => {
    script = [
      { status: 200, body: '{"id": "x", "choices": [' },
      { status: 200, body: { hello: 'world' } },
    ];
    const llm = create();
    const broken = await failure(llm.respond(request([{ role: 'user', content: 'Hi' }])));
    expect(broken.message).toBe(`${provider}: malformed response (200): the body is not valid JSON`);
    const misshapen = await failure(llm.respond(request([{ role: 'user', content: 'Hi' }])));
    expect(misshapen.message).toBe(
      `${provider}: malformed response (200): the body does not have the expected shape`,
    );
  });

  it('gives up after timeoutMs and says so', async () => {
    script = [{ text: 'too late', delayMs: 5_000 }];
    const started = Date.now();
    const error = await failure(
      create({ timeoutMs: 300 }).respond(request([{ role: 'user', content: 'Hi' }])),
    );
    expect(error.message).toBe(`${provider}: timed out after 300 ms`);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('stops when the caller aborts', async () => {
    script = [{ text: 'too late', delayMs: 5_000 }];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const pending = create().respond(
      request([{ role: 'user', content: 'Hi' }], { signal: controller.signal }),
    );
    expect((await failure(pending)).message).toBe(`${provider}: the request was cancelled`);
  });
});
