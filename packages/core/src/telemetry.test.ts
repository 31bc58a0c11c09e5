import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAgentAction } from './agent/agent-action.js';
import { runTurn } from './agent/run-turn.js';
import { EMPTY_CONVERSATION_STATE } from './agent/turn-types.js';
import type { Executor } from './http/call/create-executor.js';
import {
  type LoopbackHttpsServer,
  sendJson,
  startLoopbackHttpsServer,
} from './test/loopback-https-server.js';
import { scriptedModel } from './test/scripted-model.js';
import { createTestExecutor, orderStatusAction } from './test/test-executor.js';

const exporter = new InMemorySpanExporter();
let server: LoopbackHttpsServer;
let executor: Executor;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  server = await startLoopbackHttpsServer((request, response) =>
    request.url.includes('ORD-500')
      ? sendJson(response, 503, { error: 'down' })
      : sendJson(response, 200, { status: 'shipped' }),
  );
  ({ executor } = await createTestExecutor());
});
afterAll(async () => {
  trace.disable();
  context.disable();
  await executor.close();
  await server.close();
});

async function turn(order: string) {
  exporter.reset();
  const action = toAgentAction(
    orderStatusAction(server, {
      method: 'GET',
      headers: { 'X-Api-Key': 'telemetry-secret-91ac' },
      conversation: { confirmation: 'never' },
    }),
  );
  await runTurn({
    system: '',
    history: [],
    userText: `where is ${order}?`,
    state: EMPTY_CONVERSATION_STATE,
    actions: [action],
    model: scriptedModel([
      { toolCalls: [{ id: 'c1', name: 'check_order_status', arguments: { order_number: order } }] },
      { text: 'It has shipped.' },
    ]),
    callAction: (agentAction, args, callId) =>
      executor.execute({
        action: agentAction.definition,
        parameters: args,
        context: { callId, trigger: 'ai_intent' },
      }),
  });
  return exporter.getFinishedSpans();
}

describe('traces (OpenTelemetry, when an SDK is registered)', () => {
  it('nests a turn, its model steps, the tool call and the HTTP client request, with semantic-convention attributes', async () => {
    const spans = await turn('ORD-12345');
    const byName = new Map(spans.map((span) => [span.name, span]));
    const root = byName.get('invoke_agent');
    const tool = byName.get('execute_tool check_order_status');
    const http = byName.get('GET');
    expect(root?.attributes).toMatchObject({ 'gen_ai.operation.name': 'invoke_agent' });
    expect(spans.filter((span) => span.name.startsWith('chat '))).toHaveLength(2);
    expect(tool?.parentSpanContext?.spanId).toBe(root?.spanContext().spanId);
    expect(http?.parentSpanContext?.spanId).toBe(tool?.spanContext().spanId);
    expect(http?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'server.address': expect.any(String),
      'http.response.status_code': 200,
      'toolgate.action': 'check_order_status',
    });
    expect(String(http?.attributes['url.full'])).not.toContain('?');
    expect(tool?.events.map((event) => event.name)).toContain('arguments validated');
    expect(JSON.stringify(spans.map((span) => [span.attributes, span.events]))).not.toContain(
      'telemetry-secret-91ac',
    );
  });

  it('marks a failed call with its kind as error.type', async () => {
    const http = (await turn('ORD-500')).find((span) => span.name === 'GET');
    expect(http?.attributes).toMatchObject({ 'error.type': 'http_error', 'http.response.status_code': 503 });
  });
});
