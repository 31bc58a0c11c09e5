import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/toolgate.js', import.meta.url));
const built = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

function run(args: string[], input = '') {
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 20_000 });
}

describe('the installed toolgate command', () => {
  it('is built by npm install', () => {
    expect(existsSync(built), 'run npm install (or npm run build) first').toBe(true);
  });

  it('exits 3 for a denied URL and 0 for an allowed one', () => {
    const denied = run(['url-check', 'https://[::1]:8443/']);
    expect(denied.status).toBe(3);
    expect(denied.stdout).toContain('::1 is loopback');
    const allowed = run([
      'url-check',
      'https://orders.example.com/',
      '--resolve',
      'orders.example.com=93.184.215.14',
    ]);
    expect(allowed.status).toBe(0);
  });

  it('reads JSON lines on stdin', () => {
    const result = run(
      ['url-check', '--jsonl'],
      '{"url":"https://10.0.0.1/"}\n{"url":"https://a.example.com/","resolvesTo":["1.1.1.1"]}\n',
    );
    expect(result.status).toBe(3);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).allowed),
    ).toEqual([false, true]);
  });

  it('exits 2 with a message for a usage error', () => {
    const result = run(['url-check']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a URL');
  });

  it('prints its version with --version and -v', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-v']) {
      const result = run([flag]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });
});
