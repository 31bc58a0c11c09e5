import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';
import { testIo } from './test-io.js';

describe('toolgate url-check', () => {
  it('exits 0 for an allowed URL and prints the reason', async () => {
    const io = testIo();
    const code = await runCli(
      ['url-check', 'https://orders.example.com/x', '--resolve', 'orders.example.com=93.184.215.14'],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^allowed \(allowed\): orders\.example\.com is a public destination/);
  });

  it('exits 3 for a denied URL', async () => {
    const io = testIo();
    expect(await runCli(['url-check', 'https://127.0.0.1/'], io)).toBe(3);
    expect(io.out()).toContain('denied (address_denied): 127.0.0.1 is loopback');
  });

  it('uses --resolve answers instead of DNS, several addresses and several hosts', async () => {
    const io = testIo();
    const code = await runCli(
      [
        'url-check',
        'https://orders.example.com/',
        '--resolve',
        'orders.example.com=93.184.215.14,10.0.0.1',
        '--resolve',
        'other.example=1.1.1.1',
        '--json',
      ],
      io,
    );
    expect(code).toBe(3);
    expect(JSON.parse(io.out())).toMatchObject({
      url: 'https://orders.example.com/',
      allowed: false,
      code: 'address_denied',
    });
  });

  it('treats HOST= as a name that does not resolve', async () => {
    const io = testIo();
    expect(
      await runCli(['url-check', 'https://orders.example.com/', '--resolve', 'orders.example.com='], io),
    ).toBe(3);
    expect(io.out()).toContain('unresolvable');
  });

  it('exits 2 for usage errors with a clear message', async () => {
    const missing = testIo();
    expect(await runCli(['url-check'], missing)).toBe(2);
    expect(missing.err()).toContain('needs a URL');
    const badResolve = testIo();
    expect(
      await runCli(
        ['url-check', 'https://a.example.com/', '--resolve', 'a.example.com=not-an-ip'],
        badResolve,
      ),
    ).toBe(2);
    expect(badResolve.err()).toContain('"not-an-ip" is not an IP address');
    const unknownFlag = testIo();
    expect(await runCli(['url-check', 'https://a.example.com/', '--frobnicate'], unknownFlag)).toBe(2);
    expect(unknownFlag.err()).toContain('unknown option');
  });

  it('--jsonl checks every line in order, replacing DNS with resolvesTo', async () => {
    const lines = [
      { url: 'https://orders.example.com/', resolvesTo: ['93.184.215.14'] },
      { url: 'https://orders.example.com/', resolvesTo: ['192.168.1.10'] },
      { url: 'https://orders.example.com/', resolvesTo: [] },
      { url: 'https://[::1]/' },
      { url: 'http://orders.example.com/', resolvesTo: ['93.184.215.14'] },
    ];
    const io = testIo(`${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const code = await runCli(['url-check', '--jsonl'], io);
    expect(code).toBe(3);
    const out = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out.map((verdict) => verdict.code)).toEqual([
      'allowed',
      'address_denied',
      'unresolvable',
      'address_denied',
      'scheme_not_allowed',
    ]);
    expect(out[0]).toEqual({
      url: 'https://orders.example.com/',
      allowed: true,
      code: 'allowed',
      reason: 'orders.example.com is a public destination',
    });
  });

  it('--jsonl reports malformed lines by number, keeps going, and exits 2', async () => {
    const io = testIo(
      '{"url": "https://127.0.0.1/"}\nnot json\n[1]\n{"url": 5}\n{"url":"https://a.example.com/","resolvesTo":"1.1.1.1"}\n\n{"url":"https://a.example.com/","resolvesTo":["1.1.1.1"]}\n',
    );
    const code = await runCli(['url-check', '--jsonl'], io);
    expect(code).toBe(2);
    const out = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(6);
    expect(out[1]).toMatchObject({
      line: 2,
      allowed: false,
      code: 'invalid_input',
      reason: 'line is not valid JSON',
    });
    expect(out[2]).toMatchObject({ line: 3, code: 'invalid_input' });
    expect(out[3]).toMatchObject({ line: 4, code: 'invalid_input', reason: '"url" must be a string' });
    expect(out[4]).toMatchObject({ line: 5, code: 'invalid_input' });
    expect(out[5]).toMatchObject({ allowed: true });
  });

  it('--jsonl handles many lines', async () => {
    const input = Array.from({ length: 500 }, (_, index) =>
      JSON.stringify({
        url: `https://h${index}.example.com/`,
        resolvesTo: [index % 2 ? '10.0.0.1' : '8.8.8.8'],
      }),
    ).join('\n');
    const io = testIo(input);
    expect(await runCli(['url-check', '--jsonl'], io)).toBe(3);
    const out = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(500);
    expect(out[499]).toMatchObject({ url: 'https://h499.example.com/', allowed: false });
    expect(out[498]).toMatchObject({ url: 'https://h498.example.com/', allowed: true });
  });
});
