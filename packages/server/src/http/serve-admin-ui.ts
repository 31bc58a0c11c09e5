import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono } from 'hono';

/** Where `npm run build` puts the admin app: `packages/admin-ui/dist`, from `src/app` and `dist/app` alike. */
export const DEFAULT_ADMIN_UI_DIR = fileURLToPath(new URL('../../../admin-ui/dist/', import.meta.url));

/** Paths the app never answers, even when nothing else does: they stay the server's own 404s. */
const RESERVED_PATHS = ['/api', '/healthz', '/readyz', '/metrics'];

/**
 * Same origin only, no inline script or style, no framing (docs/architecture/admin-ui.md). Sent
 * with every file of the app, so an SVG opened on its own is held to it too.
 */
export const ADMIN_UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': ADMIN_UI_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Hashed build output never changes under its name; everything else is checked on every load. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const HTML = 'text/html; charset=utf-8';
const CONTENT_TYPES: Record<string, string> = {
  '.html': HTML,
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Toolgate</title></head>
<body>
<h1>The admin app is not built yet</h1>
<p>Run <code>npm run build</code> in the Toolgate folder (or <code>npm install</code>, which builds it), then reload this page.</p>
<p>The HTTP API works without it: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> describes it.</p>
</body>
</html>
`;

export interface ServeAdminUiOptions {
  /** The built app; default `packages/admin-ui/dist`. Tests pass a temporary folder. */
  distDir?: string;
}

/** `/favicon.ico`, `/x/app.js`: the last segment has an extension. App routes never do. */
function looksLikeFile(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1).includes('.');
}

function isReserved(path: string): boolean {
  return RESERVED_PATHS.some((reserved) => path === reserved || path.startsWith(`${reserved}/`));
}

/**
 * The file of `dist` a URL path names, or `null` when it names nothing that may be served: each
 * segment is decoded once and refused when it is `.`/`..`, a hidden name, or hides a separator or
 * a NUL byte (`..%2f`, `%5c`, `%00`), and the result must lie inside the folder.
 */
export function filePathFor(distDir: string, rawPath: string): string | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const root = resolve(distDir);
  const file = resolve(root, ...segments);
  return file.startsWith(`${root}${sep}`) ? file : null;
}

/** The file's bytes when it is a regular file whose real path (symlinks followed) is inside `dist`. */
async function readInside(distDir: string, file: string): Promise<Buffer | null> {
  try {
    const [root, real] = await Promise.all([realpath(distDir), realpath(file)]);
    if (!real.startsWith(`${root}${sep}`) || !(await stat(real)).isFile()) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}

function fileResponse(
  body: Buffer | string,
  contentType: string,
  cacheControl: string,
  status = 200,
): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': contentType, 'cache-control': cacheControl },
  });
}

async function appShell(distDir: string): Promise<Response> {
  const index = await readInside(distDir, resolve(distDir, 'index.html'));
  if (index === null) return fileResponse(NOT_BUILT_PAGE, HTML, 'no-store', 503);
  return fileResponse(index, HTML, REVALIDATE);
}

/**
 * Serves the admin app (`packages/admin-ui`) at `/`: its files, and `index.html` for every other
 * GET that is not an API, health or metrics path and does not look like a file, so that the
 * app's own routes (`/actions`, `/calls/...`) load on a reload. Register it after every other
 * route: it only answers what they did not, and passes the rest on to the 404 handler.
 */
export function serveAdminUi<E extends Env>(app: Hono<E>, options: ServeAdminUiOptions = {}): void {
  const distDir = resolve(options.distDir ?? DEFAULT_ADMIN_UI_DIR);

  app.get('*', async (c: Context<E>, next) => {
    // Hono routes on the decoded path (`/%61pi` is `/api`): both forms must stay reserved.
    const path = new URL(c.req.url).pathname;
    if (isReserved(path) || isReserved(c.req.path)) return next();
    if (path === '/' || path === '/index.html') return appShell(distDir);
    const file = filePathFor(distDir, path);
    if (file === null) return next();

    const assets = path.startsWith('/assets/');
    const body = await readInside(distDir, file);
    if (body !== null) {
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return fileResponse(body, type, assets ? IMMUTABLE : REVALIDATE);
    }
    // A missing asset, or a missing path that looks like a file, is a 404, never the HTML page.
    if (assets || looksLikeFile(path)) return next();
    return appShell(distDir);
  });
}
