/** pino's numeric levels, as the words a person reads. */
const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** ANSI colours per level, for a terminal that shows them. */
const LEVEL_COLOURS: Record<number, string> = {
  10: '\u001b[90m',
  20: '\u001b[36m',
  30: '\u001b[32m',
  40: '\u001b[33m',
  50: '\u001b[31m',
  60: '\u001b[35m',
};
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** Fields every line has, shown in the line's head or not at all. */
const HEAD_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'err']);

function clock(time: unknown): string {
  const date = new Date(typeof time === 'number' ? time : Date.now());
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Turns one of pino's JSON lines into a line a person reads in a terminal:
 * `19:46:20.123 INFO  Toolgate is ready url=http://127.0.0.1:3000 readyMs=812`, an error's stack
 * indented below it. A line that is not JSON is passed through as it is.
 */
export function humanLogLine(jsonLine: string, colours: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const levelName = (LEVEL_NAMES[level] ?? String(level)).padEnd(5);
  const head = colours
    ? `${DIM}${clock(record.time)}${RESET} ${LEVEL_COLOURS[level] ?? ''}${levelName}${RESET}`
    : `${clock(record.time)} ${levelName}`;
  const fields = Object.entries(record)
    .filter(([key]) => !HEAD_FIELDS.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  const message = typeof record.msg === 'string' ? record.msg : '';
  let line = [
    head,
    message,
    ...(fields.length > 0 ? [colours ? `${DIM}${fields.join(' ')}${RESET}` : fields.join(' ')] : []),
  ]
    .filter((part) => part !== '')
    .join(' ');
  const error = record.err as { message?: unknown; stack?: unknown } | undefined;
  if (error && typeof error === 'object') {
    const detail = typeof error.stack === 'string' ? error.stack : String(error.message ?? '');
    line += `\n${detail
      .split('\n')
      .map((text) => `    ${text}`)
      .join('\n')}`;
  }
  return `${line}\n`;
}
