import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnthropicProtocolServer, startAnthropicProtocolServer } from './anthropic-protocol-server.js';
import { type OpenAIProtocolServer, startOpenAIProtocolServer } from './openai-protocol-server.js';
import { readAnthropicConversation, readOpenAIConversation } from './protocol-conversation.js';

let openai: OpenAIProtocolServer;
let anthropic: AnthropicProtocolServer;

beforeAll(async () => {
  openai = await startOpenAIProtocolServer();
  anthropic = await startAnthropicProtocolServer();
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('the protocol servers', () => {
  it('answer unknown routes and non-JSON bodies with errors in their own format', async () => {
    const missing = await post(`${openai.url}/responses`, '{}');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { message: 'no route for POST /v1/responses' } });
    const notJson = await post(`${anthropic.url}/messages`, 'hello');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'the request body is not JSON' },
    });
    expect(anthropic.requests.at(-1)).toMatchObject({
      path: '/v1/messages',
      rawBody: 'hello',
      body: undefined,
    });
  });

  it('send raw replies verbatim, with their headers', async () => {
    openai.setReply(() => ({ status: 429, body: 'slow down', headers: { 'retry-after': '7' } }));
    const response = await post(`${openai.url}/chat/completions`, '{"messages":[]}');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).toBe('slow down');
  });

  it('number tool calls per reply and report the finish reason', async () => {
    anthropic.setReply(() => ({ text: 'Checking.', toolCalls: [{ name: 'a', arguments: { x: 1 } }] }));
    const body = await (await post(`${anthropic.url}/messages`, '{"model":"m","messages":[]}')).json();
    expect(body).toMatchObject({
      type: 'message',
      model: 'm',
      stop_reason: 'tool_use',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: expect.stringMatching(/^toolu_\d+_1$/), name: 'a', input: { x: 1 } },
      ],
    });
  });
});

describe('reading a request protocol-neutrally', () => {
  it('reads OpenAI developer messages, text parts and tool messages', () => {
    const conversation = readOpenAIConversation({
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Where is ORD-1?' }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', function: { name: 'status', arguments: '{"o":1}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'plain text' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'status', description: 'Status.', parameters: { type: 'object' } },
        },
      ],
    });
    expect(conversation).toEqual({
      system: 'Be brief.',
      tools: [{ name: 'status', description: 'Status.', parameters: { type: 'object' } }],
      userTexts: ['Where is ORD-1?'],
      lastUserText: 'Where is ORD-1?',
      toolCalls: [{ id: 'c1', name: 'status', arguments: { o: 1 } }],
      toolResults: [{ toolCallId: 'c1', toolName: 'status', content: 'plain text' }],
      toolResultsSinceLastUser: [{ toolCallId: 'c1', toolName: 'status', content: 'plain text' }],
    });
  });

  it('reads an Anthropic string system and content, and starts a new turn at each user text', () => {
    const conversation = readAnthropicConversation({
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Where is ORD-1?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'status', input: {} }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: '{"ok":true}' }] },
          ],
        },
        { role: 'assistant', content: [{ type: 'text', text: 'Shipped.' }] },
        { role: 'user', content: 'Thanks' },
      ],
    });
    expect(conversation.system).toBe('Be brief.');
    expect(conversation.userTexts).toEqual(['Where is ORD-1?', 'Thanks']);
    expect(conversation.toolResults).toEqual([
      { toolCallId: 't1', toolName: 'status', content: { ok: true } },
    ]);
    expect(conversation.toolResultsSinceLastUser).toEqual([]);
  });
});
