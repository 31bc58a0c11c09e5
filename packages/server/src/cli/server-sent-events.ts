/** One server-sent event: its name and its parsed JSON data. */
export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/**
 * Reads one event block (the text between blank lines): `event:` names it (default `message`),
 * `data:` lines are joined and parsed as JSON. A block without data (a comment) gives `undefined`.
 *
 * @example
 * parseEventBlock('event: done\ndata: {"reply":"Hi"}'); // { event: 'done', data: { reply: 'Hi' } }
 */
export function parseEventBlock(block: string): ServerSentEvent | undefined {
  const lines = block.split(/\r?\n/);
  const event =
    lines
      .find((line) => line.startsWith('event:'))
      ?.slice(6)
      .trim() ?? 'message';
  const data = lines
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  return data === '' ? undefined : { event, data: JSON.parse(data) };
}

/** Every event of a whole stream, in order. */
export function parseEventStream(text: string): ServerSentEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .map(parseEventBlock)
    .filter((event) => event !== undefined);
}
