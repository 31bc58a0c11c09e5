import { describe, expect, it } from 'vitest';
import { humanLogLine } from './human-log-lines.js';

const at = new Date(2026, 11, 6, 9, 5, 7, 42).getTime();

describe('human log lines', () => {
  it('shows time, level, message and the other fields as key=value', () => {
    const line = humanLogLine(
      JSON.stringify({
        level: 30,
        time: at,
        pid: 1,
        hostname: 'h',
        name: 'toolgate',
        msg: 'Toolgate is ready',
        url: 'http://127.0.0.1:3000',
        readyMs: 812,
        note: 'two words',
      }),
      false,
    );
    expect(line).toBe(
      '09:05:07.042 INFO  Toolgate is ready url=http://127.0.0.1:3000 readyMs=812 note="two words"\n',
    );
  });

  it('indents an error stack under its line, and colours only when asked', () => {
    const record = {
      level: 50,
      time: at,
      msg: 'purge failed',
      err: { message: 'boom', stack: 'Error: boom\n    at x' },
    };
    const plain = humanLogLine(JSON.stringify(record), false);
    expect(plain).toBe('09:05:07.042 ERROR purge failed\n    Error: boom\n        at x\n');
    expect(plain).not.toContain('\u001b[');
    expect(humanLogLine(JSON.stringify(record), true)).toContain('\u001b[31mERROR');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(humanLogLine('not json', false)).toBe('not json\n');
  });
});
