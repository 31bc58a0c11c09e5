import { maxHeaderSize, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ApiError, type ApiErrorCode } from '../http/api-error.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../http/request-id.js';

/** What Node's HTTP parser (llhttp) refused, as an API error; the statuses Node itself would send. */
function refusalFor(parserCode: string | undefined, headerLimit: number): ApiError {
  const refusal = (code: ApiErrorCode, message: string) => new ApiError(code, message);
  switch (parserCode) {
    case 'HPE_HEADER_OVERFLOW':
      return refusal(
        'header_fields_too_large',
        `the request line and headers are over ${headerLimit} bytes: send a shorter URL (move long filters into a body) or fewer headers`,
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return refusal('request_timeout', 'the request did not arrive in time');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return refusal('payload_too_large', 'the chunk extensions of the request body are too large');
    default:
      return refusal('bad_request', `the request is not valid HTTP/1.1 (${parserCode ?? 'unreadable'})`);
  }
}

/**
 * Requests Node's HTTP parser refuses (a URL and headers over the header limit, a malformed
 * request line, a request that took too long) never reach the app. Node answers them with a bare
 * status line; this answers them in the API's error shape, with an `X-Request-Id`, and logs them.
 * The connection is closed after the answer, as Node does: the parser cannot resume mid-stream.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // A vanished client, or a response already under way on this connection: nothing can be said.
    if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal = refusalFor(error.code, maxHeaderSize);
    const requestId = requestIdFrom(undefined);
    const body = JSON.stringify(refusal.toJSON(requestId));
    socket.end(
      [
        `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `${REQUEST_ID_HEADER}: ${requestId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    logger.info(
      { status: refusal.status, parserCode: error.code, requestId },
      'refused a request the HTTP parser could not read',
    );
  });
}
