import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer, rawExchange } from '../test/raw-http.js';
import { answerClientErrors } from './client-errors.js';

const logLines: string[] = [];
let server: Server;
let port: number;
let handled = 0;

beforeAll(async () => {
  const logger = pino(
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  server = createServer((_request, response) => {
    handled += 1;
    response.end('reached the app');
  });
  answerClientErrors(server, logger);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('requests the HTTP parser refuses', () => {
  it('a 20 KB URL is a 431 in the error shape, with a request id that is also in the log', async () => {
    const raw = await rawExchange(
      port,
      `GET /api/v1/calls?action=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    const answer = parseAnswer(raw);
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toEqual({
      error: {
        code: 'header_fields_too_large',
        message: expect.stringMatching(/over \d+ bytes: send a shorter URL/),
        requestId: answer.headers['x-request-id'],
      },
    });
    expect(logLines.join('')).toContain(`"requestId":"${answer.headers['x-request-id']}"`);
    expect(handled).toBe(0);
  });

  it('a malformed request line is a 400 in the error shape', async () => {
    const answer = parseAnswer(await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('HPE_'),
    });
    expect(answer.body.error.requestId).toBe(answer.headers['x-request-id']);
  });

  it('a request the parser reads still reaches the app', async () => {
    const raw = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(raw).toContain('reached the app');
  });
});
