import { describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from './api-client';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-error';
import type { StreamEvent } from './sse-lines';

/** A body that hands out `chunks` one read at a time, then fails when `failAfter` is set. */
function chunkedBody(
  chunks: readonly (string | Uint8Array)[],
  failAfter = false,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index];
      index += 1;
      if (chunk !== undefined) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      else if (failAfter) controller.error(new TypeError('network'));
      else controller.close();
    },
  });
}

const eventStream = (chunks: readonly (string | Uint8Array)[], failAfter = false) =>
  new Response(chunkedBody(chunks, failAfter), {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
  });

function clientAnswering(answer: () => Response) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, init });
    return answer();
  };
  let ended = 0;
  const client = createApiClient({ fetch, onUnauthenticated: () => ended++ });
  return { client, sent, ended: () => ended };
}

async function collect(
  client: ReturnType<typeof createApiClient>,
  options: Parameters<ReturnType<typeof createApiClient>['stream']>[3] = {},
): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  await client.stream('POST', '/conversations/c1/messages', (event) => events.push(event), options);
  return events;
}

describe('ApiClient.stream', () => {
  it('asks for an event stream with the CSRF token and the JSON body', async () => {
    const { client, sent } = clientAnswering(() => eventStream(['event: done\ndata: {"reply":"Hi"}\n\n']));
    client.setCsrfToken('csrf-1');
    await collect(client, { body: { text: 'hello' }, query: { debug: true } });
    const headers = sent[0]?.init.headers as Record<string, string>;
    expect(sent[0]?.url).toBe('/api/v1/conversations/c1/messages?debug=true');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.credentials).toBe('same-origin');
    expect(headers.accept).toBe('text/event-stream');
    expect(headers['X-CSRF-Token']).toBe('csrf-1');
    expect(headers['content-type']).toBe('application/json');
    expect(sent[0]?.init.body).toBe('{"text":"hello"}');
  });

  it('hands over each event as it completes, across chunk and character boundaries', async () => {
    const euro = new TextEncoder().encode('event: message\ndata: {"text":"5 €"}\n\n');
    const { client } = clientAnswering(() =>
      eventStream([
        'event: action-started\ndata: {"action":"a","callId":"call_1"',
        ',"arguments":{}}\n\n',
        euro.slice(0, euro.length - 5),
        euro.slice(euro.length - 5),
        ': keep-alive\n\nevent: done\ndata: {"reply":"Done"}',
      ]),
    );
    expect(await collect(client)).toEqual([
      { event: 'action-started', data: { action: 'a', callId: 'call_1', arguments: {} } },
      { event: 'message', data: { text: '5 €' } },
      { event: 'done', data: { reply: 'Done' } },
    ]);
  });

  it("throws the server's error when the request is refused, and reports a 401", async () => {
    const refused = clientAnswering(() =>
      Response.json({ error: { code: 'conflict', message: 'a turn is running' } }, { status: 409 }),
    );
    await expect(collect(refused.client)).rejects.toMatchObject({ status: 409, code: 'conflict' });
    const ended = clientAnswering(() =>
      Response.json({ error: { code: 'unauthenticated', message: 'sign in' } }, { status: 401 }),
    );
    await expect(collect(ended.client)).rejects.toBeInstanceOf(ApiError);
    expect(ended.ended()).toBe(1);
  });

  it('refuses a successful answer that is not a stream', async () => {
    const { client } = clientAnswering(() => Response.json({ reply: 'x', events: [] }));
    await expect(collect(client)).rejects.toMatchObject({ code: UNEXPECTED_RESPONSE });
  });

  it('reports a connection cut mid-stream as a network error, after the events before it', async () => {
    const { client } = clientAnswering(() => eventStream(['event: message\ndata: {"text":"a"}\n\n'], true));
    const events: StreamEvent[] = [];
    const error = await client.stream('POST', '/x', (event) => events.push(event)).catch((e: unknown) => e);
    expect(events).toHaveLength(1);
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('stops quietly when the caller aborts', async () => {
    const controller = new AbortController();
    const fetch: FetchLike = async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    };
    const client = createApiClient({ fetch });
    await expect(
      client.stream('POST', '/x', () => {}, { signal: controller.signal }),
    ).resolves.toBeUndefined();

    const reading = new AbortController();
    const { client: streaming } = clientAnswering(() =>
      eventStream(['event: a\ndata: 1\n\n', 'event: b\ndata: 2\n\n']),
    );
    const seen: string[] = [];
    await streaming.stream(
      'POST',
      '/x',
      (event) => {
        seen.push(event.event);
        reading.abort();
      },
      { signal: reading.signal },
    );
    expect(seen).toEqual(['a']);
  });
});
