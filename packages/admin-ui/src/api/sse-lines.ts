/** One server-sent event: its name and parsed JSON data. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/**
 * Splits streamed text into complete events, keeping an unfinished tail for the next chunk.
 *
 * @example
 * takeEvents('event: done\ndata: {"reply":"Hi"}\n\nevent: mes'); // { events: [{ event: 'done', ... }], rest: 'event: mes' }
 */
export function takeEvents(buffered: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffered.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
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
    if (data === '') continue;
    try {
      events.push({ event, data: JSON.parse(data) });
    } catch {
      // A malformed event is skipped; the stream goes on.
    }
  }
  return { events, rest };
}
