import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { filePathFor, serveAdminUi } from './serve-admin-ui.js';

const INDEX =
  '<!doctype html><title>Toolgate</title><script type="module" src="/assets/app-abc123.js"></script>';
const SCRIPT = 'console.log("app");';
const SECRET = 'SECRET-OUTSIDE-DIST';

let root: string;
let dist: string;

/** An app shaped like create-app's: its own routes, a JSON 404, then the admin UI. */
function appServing(distDir: string): Hono {
  const app = new Hono();
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'no such route' } }, 404));
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/api/v1/session', (c) => c.json({ error: { code: 'unauthenticated', message: 'sign in' } }, 401));
  serveAdminUi(app, { distDir });
  return app;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'toolgate-admin-ui-'));
  dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets', 'app-abc123.js'), SCRIPT);
  await writeFile(join(dist, 'assets', 'app-abc123.css'), 'body{margin:0}');
  await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dist, '.env'), SECRET);
  await writeFile(join(root, 'secret.txt'), SECRET);
  await symlink(join(root, 'secret.txt'), join(dist, 'linked.txt'));
  await symlink(root, join(dist, 'linked-dir'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

async function expectJson404(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await response.text()).not.toContain('<!doctype');
}

describe('serveAdminUi with a built app', () => {
  it('answers / with index.html, revalidated on every load, under the CSP', async () => {
    const response = await appServing(dist).request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe(INDEX);
  });

  it("answers the app's own routes with index.html, so a reload works", async () => {
    const app = appServing(dist);
    for (const path of ['/actions', '/actions/', '/actions/act_1', '/calls?outcome=failed', '/index.html']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(INDEX);
    }
  });

  it('serves hashed assets as immutable with their content type', async () => {
    const app = appServing(dist);
    const script = await app.request('/assets/app-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe(SCRIPT);
    const style = await app.request('/assets/app-abc123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves other files of the build, revalidated, with the CSP (an SVG is a document too)', async () => {
    const response = await appServing(dist).request('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
  });

  it('answers a missing asset or file with the 404, never the HTML page', async () => {
    const app = appServing(dist);
    await expectJson404(await app.request('/assets/gone-123.js'));
    await expectJson404(await app.request('/assets/deeper/route'));
    await expectJson404(await app.request('/robots.txt'));
  });

  it('never shadows the API, health, readiness or metrics paths', async () => {
    const app = appServing(dist);
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.request('/api/v1/session')).status).toBe(401);
    const reserved = [
      '/api',
      '/api/',
      '/api/v1/nope',
      '/api/v2',
      '/%61pi/v1/nope',
      '/readyz',
      '/metrics',
      '/healthz/x',
    ];
    for (const path of reserved) {
      await expectJson404(await app.request(path));
    }
  });

  it('answers only GET and HEAD', async () => {
    const app = appServing(dist);
    await expectJson404(await app.request('/actions', { method: 'POST' }));
    const head = await app.request('/actions', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('never serves a file outside the build, however the path is encoded', async () => {
    const app = appServing(dist);
    const attempts = [
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..%255csecret.txt',
      '/..%252fsecret.txt',
      '/secret.txt%00.js',
      '/%2fetc%2fpasswd',
      '/linked.txt',
      '/linked-dir/secret.txt',
      '/.env',
      '/%2eenv',
      '/assets/%ZZ',
    ];
    for (const path of attempts) {
      const response = await app.request(`http://localhost${path}`);
      expect(await response.text(), path).not.toContain(SECRET);
      expect([200, 404], path).toContain(response.status);
    }
  });
});

describe('filePathFor', () => {
  it('resolves plain paths inside the folder', () => {
    expect(filePathFor('/srv/dist', '/assets/app.js')).toBe('/srv/dist/assets/app.js');
    expect(filePathFor('/srv/dist', '/a%20b.txt')).toBe('/srv/dist/a b.txt');
  });

  it('refuses dot segments, hidden names, encoded separators, NUL and bad encodings', () => {
    for (const path of [
      '/..%2fsecret',
      '/%2e%2e',
      '/a/../b',
      '/.env',
      '/a%5cb',
      '/a%00b',
      '/%E0%A4%A',
      '/',
    ]) {
      expect(filePathFor('/srv/dist', path), path).toBeNull();
    }
  });
});

describe('serveAdminUi without a build', () => {
  it('answers the app paths with a page that says to build it, and files with the 404', async () => {
    const empty = join(root, 'not-built');
    await mkdir(empty, { recursive: true });
    const app = appServing(empty);
    for (const path of ['/', '/actions']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(response);
      expect(await response.text()).toContain('npm run build');
    }
    await expectJson404(await app.request('/assets/app.js'));
    const missingFolder = appServing(join(root, 'no-such-folder'));
    expect((await missingFolder.request('/')).status).toBe(503);
  });
});

describe('createApp', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the admin app at / after every API route, without shadowing any', async () => {
    const page = await t.app.request('/');
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page);

    await expectJson404(await t.app.request('/api/v1/nope'));
    expect((await t.app.request('/api/v1/session')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/actions')).status).toBe(200);
    expect((await t.app.request('/healthz')).status).toBe(200);
    // Off without a metrics token: the API's error, not the admin app.
    expect((await t.app.request('/metrics')).status).toBe(403);
  });
});
