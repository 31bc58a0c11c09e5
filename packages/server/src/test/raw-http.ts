import { connect } from 'node:net';

/** Sends raw bytes to the loopback server and reads everything it answers until it closes. */
export function rawExchange(targetPort: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(targetPort, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Status, headers (lower-case names) and the JSON body of a raw HTTP/1.1 answer. */
export function parseAnswer(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), statusLine, headers, body: JSON.parse(body) };
}
