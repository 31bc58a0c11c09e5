import type { ServerResponse } from 'node:http';
import { expect } from 'vitest';
import type { RecordedRequest } from './loopback-https-server.js';

/**
 * Secrets an attack test plants: each holds a quote, a backslash, `+ / = &`, spaces and a
 * non-ASCII letter, so every encoding of it differs from the raw text.
 */
export const PLANTED_SECRETS = {
  bearer: 'be"ar\\er+tok/=&x y é-7Qd',
  header: 'hé"ad\\er/+=&k y-2Lm',
  query: 'qu"e\\ry+/=&k éy x-9Zp',
  password: 'pa"ss\\wo+rd/=&x y é',
} as const;

export const PLANTED_USER = 'shop';

/** The custom header that carries {@link PLANTED_SECRETS.header}. */
export const SECRET_HEADER = 'x-shop-key';
/** The query parameter that carries {@link PLANTED_SECRETS.query}. */
export const SECRET_QUERY = 'api_key';

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** JSON escaping the way ASCII-only serializers do it (`é` as `\u00e9`). */
function asciiJsonEscaped(text: string): string {
  return jsonEscaped(text).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Go's encoding/json escapes `&`, `<` and `>`. */
function goJsonEscaped(text: string): string {
  return jsonEscaped(text).replace(/[&<>]/g, unicodeEscape);
}

/** .NET's System.Text.Json escapes `"`, `+`, `&`, `'`, `<`, `>` and every non-ASCII letter. */
function dotnetJsonEscaped(text: string): string {
  return [...text]
    .map((char) => (/["+&'<>]|[^\x20-\x7e]/.test(char) ? unicodeEscape(char) : char === '\\' ? '\\\\' : char))
    .join('');
}

function formEncoded(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}

/** Every spelling of a secret an echoing endpoint might send back (the test's own encoders). */
export function echoEncodings(secret: string): Record<string, string> {
  return {
    raw: secret,
    json: jsonEscaped(secret),
    jsonAscii: asciiJsonEscaped(secret),
    jsonTwice: jsonEscaped(jsonEscaped(secret)),
    jsonGo: goJsonEscaped(secret),
    jsonDotnet: dotnetJsonEscaped(secret),
    jsonEveryCharacter: [...secret].map(unicodeEscape).join(''),
    percent: encodeURIComponent(secret),
    percentPlus: encodeURIComponent(secret).replaceAll('%20', '+'),
    percentLower: encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    form: formEncoded(secret),
    base64: Buffer.from(secret).toString('base64'),
  };
}

/** Every planted secret in every encoding, plus the basic credentials' `user:password` base64. */
export function allPlantedVariants(): string[] {
  const variants = Object.values(PLANTED_SECRETS).flatMap((secret) => Object.values(echoEncodings(secret)));
  const credentials = `${PLANTED_USER}:${PLANTED_SECRETS.password}`;
  variants.push(credentials, Buffer.from(credentials).toString('base64'));
  return variants;
}

/** Every string in a value, object keys included. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsIn(item, into);
    }
  }
  return into;
}

/**
 * Fails when any planted secret, in any encoding, appears in `value` (in any string or key, or in
 * its JSON text) or in the given texts.
 */
export function expectNoPlantedSecret(where: string, value: unknown, texts: string[] = []): void {
  const haystacks = [...stringsIn(value), JSON.stringify(value) ?? '', ...texts];
  for (const variant of allPlantedVariants()) {
    const leak = haystacks.find((text) => text.includes(variant));
    expect(leak === undefined, `${where} contains ${JSON.stringify(variant)}: ${leak?.slice(0, 300)}`).toBe(
      true,
    );
  }
}

/** The secrets a request carried, decoded the way the endpoint sees them. */
export function secretsReceived(request: RecordedRequest): string[] {
  const found: string[] = [];
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) found.push(authorization.slice('Bearer '.length));
  if (authorization?.startsWith('Basic ')) {
    const encoded = authorization.slice('Basic '.length);
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    found.push(decoded.slice(decoded.indexOf(':') + 1), decoded);
  }
  const header = request.headers[SECRET_HEADER];
  if (typeof header === 'string') found.push(header);
  const query = new URL(request.url, 'https://echo.test').searchParams.get(SECRET_QUERY);
  if (query !== null) found.push(query);
  return found;
}

/** JSON whose every character is a `\uXXXX` escape: only a parser sees the text in it. */
function fullyEscapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /"((?:[^"\\]|\\.)*)"/g,
    (_match, inner: string) =>
      `"${[...(JSON.parse(`"${inner}"`) as string)]
        .map((c) => {
          const code = c.codePointAt(0) ?? 0;
          if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
          return [...c].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
        })
        .join('')}"`,
  );
}

function send(response: ServerResponse, status: number, type: string, text: string, headers = {}) {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/**
 * A loopback endpoint that sends back every secret it received, in every encoding, in the part of
 * the response the path names: `/json` (values, keys, nested; `{success, result}`), `/escaped-json`
 * (every character `\u`-escaped), `/message` (said verbatim), `/error` (a 400's `error`), `/text`
 * and `/text-error` (plain text), `/redirect` (a Location carrying them), `/landing` (where it
 * points). Every response also echoes them in headers.
 */
export function answerWithEchoes(request: RecordedRequest, response: ServerResponse): void {
  const url = new URL(request.url, 'https://echo.test');
  const secrets = secretsReceived(request);
  const encodings = secrets.map((secret) => echoEncodings(secret));
  const spelled = encodings.flatMap((one) => Object.values(one));
  const headers: Record<string, string> = {};
  encodings.forEach((one, index) => {
    for (const [name, text] of Object.entries(one)) headers[`x-echo-${index}-${name.toLowerCase()}`] = text;
  });
  const keyed = Object.fromEntries(spelled.map((text) => [text, 'as a key']));
  const payload = {
    echoes: encodings,
    list: spelled,
    nested: { deeper: [[...spelled]], keyed },
    url: request.url,
    headers: request.headers,
    body: request.body,
  };
  const path = url.pathname;
  const base = path.slice(0, path.lastIndexOf('/'));
  const query = encodings.map((one) => `echo=${one.form}&raw=${one.percent}`).join('&');
  const answers: Record<string, [number, string, string, Record<string, string>?]> = {
    json: [200, 'application/json', JSON.stringify({ success: true, result: payload })],
    landing: [200, 'application/json', JSON.stringify({ success: true, result: payload })],
    'escaped-json': [200, 'application/json', fullyEscapedJson({ data: payload })],
    message: [
      200,
      'application/json',
      JSON.stringify({ message: `Your order is on its way. Key: ${spelled.join(' | ')}` }),
    ],
    error: [400, 'application/json', JSON.stringify({ error: `refused credentials ${spelled.join(' | ')}` })],
    text: [200, 'text/plain', spelled.join('\n')],
    'text-error': [500, 'text/plain', spelled.join(' ')],
    redirect: [302, 'text/plain', '', { location: `${base}/landing?${query}` }],
  };
  const [status, type, text, extra] = answers[path.slice(base.length + 1)] ?? [
    404,
    'text/plain',
    'no such echo',
  ];
  send(response, status, type, text, { ...headers, ...extra });
}
