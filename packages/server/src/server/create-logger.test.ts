import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.js';
import { parseConfig } from '../config/parse-config.js';
import { createLogger } from './create-logger.js';

const folder = await mkdtemp(join(tmpdir(), 'toolgate-logger-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

async function logged(name: string, options: Parameters<typeof createLogger>[0]): Promise<string> {
  const path = join(folder, name);
  const fd = openSync(path, 'w');
  const logger = createLogger({ destination: fd, ...options });
  logger.debug('a debug line');
  logger.info({ port: 3000 }, 'an info line');
  closeSync(fd);
  return readFile(path, 'utf8');
}

describe('the server logger', () => {
  it('writes JSON lines when the destination is not a terminal', async () => {
    const text = await logged('json.log', { isTerminal: false });
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'an info line', port: 3000 })]);
  });

  it('writes human lines on a terminal, and JSON there when LOG_FORMAT=json', async () => {
    const coloured = await logged('tty.log', { isTerminal: true });
    expect(coloured).toContain('\u001b[32mINFO');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the terminal's colour codes.
    const human = coloured.replace(/\u001b\[\d+m/g, '');
    expect(human).toMatch(/^\d\d:\d\d:\d\d\.\d{3} .*INFO.* an info line .*port=3000/);
    expect(() => JSON.parse(human)).toThrow();
    const json = await logged('tty-json.log', { isTerminal: true, format: 'json' });
    expect(JSON.parse(json.trim())).toMatchObject({ msg: 'an info line' });
  });

  it('follows the level', async () => {
    const text = await logged('debug.log', { isTerminal: false, level: 'debug' });
    expect(
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).msg),
    ).toEqual(['a debug line', 'an info line']);
    expect(await logged('silent.log', { isTerminal: false, level: 'silent' })).toBe('');
  });
});

describe('LOG_LEVEL and LOG_FORMAT', () => {
  it('default to info and auto, and take any case', () => {
    expect(parseConfig({}).log).toEqual({ level: 'info', format: 'auto' });
    expect(parseConfig({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json' }).log).toEqual({
      level: 'debug',
      format: 'json',
    });
  });

  it('name the variable and the allowed values for a bad value', () => {
    expect(() => parseConfig({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    try {
      parseConfig({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        {
          source: 'LOG_LEVEL',
          message: 'must be one of trace, debug, info, warn, error, fatal, silent; got "loud"',
        },
        { source: 'LOG_FORMAT', message: 'must be one of auto, pretty, json; got "xml"' },
      ]);
    }
  });
});
