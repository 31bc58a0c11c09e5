#!/usr/bin/env node
// A Toolgate fleet without containers: N instances of the built server (`npm run build` first) on
// loopback ports against DATABASE_URL, behind a small round-robin proxy on loopback that sets
// X-Forwarded-For / X-Forwarded-Proto. SIGTERM or SIGINT stops every instance gracefully.
//
//   DATABASE_URL=postgres://... TOOLGATE_SECRET_KEY=... npm run fleet -- --instances 2 --port 8080
//
// Loopback only: the instances and the proxy listen on 127.0.0.1 and nowhere else.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

const LOOPBACK = '127.0.0.1';
const BIN = fileURLToPath(new URL('../packages/server/bin/toolgate.js', import.meta.url));
/** How long an instance gets to print its address and answer /readyz. */
const READY_TIMEOUT_MS = 60_000;
/** How long the instances get to stop after the fleet's signal before they are killed. */
const STOP_TIMEOUT_MS = 30_000;
const HEALTH_INTERVAL_MS = 1_000;

function fail(message) {
  process.stderr.write(`fleet: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv, env) {
  const options = { instances: env.FLEET_INSTANCES ?? '2', port: env.FLEET_PORT ?? '8080' };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split('=', 2);
    const value = inline ?? argv[index + 1];
    if (name === '--instances' || name === '-n') options.instances = value;
    else if (name === '--port' || name === '-p') options.port = value;
    else if (name === '--help' || name === '-h') {
      process.stdout.write(
        'usage: npm run fleet -- [--instances N (default 2)] [--port PROXY_PORT (default 8080, 0: any)]\n' +
          'needs DATABASE_URL and TOOLGATE_SECRET_KEY (docs/deployment.md)\n',
      );
      process.exit(0);
    } else fail(`unknown option "${argv[index]}" (try --help)`);
    if (inline === undefined) index += 1;
  }
  const instances = Number(options.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16)
    fail(`--instances must be a whole number from 1 to 16, got "${options.instances}"`);
  const port = Number(options.port);
  if (!/^\d+$/.test(String(options.port)) || port > 65_535)
    fail(`--port must be a port number from 0 to 65535, got "${options.port}"`);
  return { instances, port };
}

const { instances, port: proxyPort } = parseArgs(process.argv.slice(2), process.env);
if (!process.env.DATABASE_URL?.trim())
  fail(
    'DATABASE_URL is required: the instances share one PostgreSQL database (postgres://user@127.0.0.1:5432/toolgate); the embedded database serves one process only',
  );
if (!process.env.TOOLGATE_SECRET_KEY?.trim())
  fail(
    'TOOLGATE_SECRET_KEY is required: every instance must share it (generate one: openssl rand -base64 32)',
  );

/** @type {Array<{ name: string, child: import('node:child_process').ChildProcess, url?: string, ready: boolean, exited: Promise<number | null> }>} */
const fleet = [];
let stopping = false;

function startInstance(number) {
  const name = `toolgate-${number}`;
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      ...process.env,
      HOST: LOOPBACK,
      PORT: '0',
      // The proxy below is the only client whose forwarded headers are believed.
      TOOLGATE_TRUSTED_PROXIES: `${LOOPBACK}/32`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance = { name, child, url: undefined, ready: false, exited: undefined };
  let announced;
  const address = new Promise((resolve) => {
    announced = resolve;
  });
  let pending = '';
  const relay = (stream, target) =>
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        target.write(`[${name}] ${line}\n`);
        const listening = /Toolgate is listening on (http:\/\/\S+?)(?:\s|$)/.exec(line);
        if (listening) announced(listening[1]);
      }
    });
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  instance.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      instance.ready = false;
      if (!stopping) process.stderr.write(`fleet: ${name} exited (${signal ?? code}) while the fleet runs\n`);
      resolve(code);
    });
  });
  instance.address = address;
  fleet.push(instance);
  return instance;
}

function checkReady(url) {
  return fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

async function waitUntilReady(instance) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const url = await Promise.race([
    instance.address,
    instance.exited.then((code) => {
      throw new Error(`${instance.name} exited (${code}) before it listened`);
    }),
    new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`${instance.name} did not listen within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
  instance.url = url;
  while (Date.now() < deadline) {
    if (await checkReady(url)) {
      instance.ready = true;
      return;
    }
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited before /readyz answered`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${instance.name} at ${url} did not answer /readyz within ${READY_TIMEOUT_MS} ms`);
}

let turn = 0;
/** The next ready instance, round robin; undefined when none is ready. */
function nextInstance() {
  for (let tried = 0; tried < fleet.length; tried += 1) {
    const instance = fleet[turn % fleet.length];
    turn += 1;
    if (instance.ready) return instance;
  }
  return undefined;
}

function forwardedFor(request) {
  const previous = request.headers['x-forwarded-for'];
  const client = request.socket.remoteAddress ?? '';
  return previous ? `${previous}, ${client}` : client;
}

const proxy = createServer((request, response) => {
  const instance = nextInstance();
  if (!instance) {
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ error: { code: 'unavailable', message: 'no Toolgate instance is ready' } }),
    );
    return;
  }
  const target = new URL(instance.url);
  const headers = {
    ...request.headers,
    'x-forwarded-for': forwardedFor(request),
    'x-forwarded-proto': 'http',
    'x-forwarded-host': request.headers.host ?? '',
  };
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: request.method, path: request.url, headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, {
        ...answer.headers,
        'x-toolgate-instance': instance.name,
      });
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    instance.ready = false;
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'bad_gateway', message: `${instance.name}: ${error.message}` } }),
      );
    } else response.destroy(error);
  });
  request.pipe(upstream);
});

async function stop(signal, failed = false) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`fleet: ${signal}: stopping ${fleet.length} instance(s)\n`);
  proxy.close();
  proxy.closeAllConnections?.();
  for (const instance of fleet) if (instance.child.exitCode === null) instance.child.kill(signal);
  const killer = setTimeout(() => {
    for (const instance of fleet) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  const codes = await Promise.all(fleet.map((instance) => instance.exited));
  clearTimeout(killer);
  process.stdout.write('fleet: stopped\n');
  process.exit(!failed && codes.every((code) => code === 0) ? 0 : 1);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

try {
  // The first instance migrates and bootstraps an empty database; the others start after it.
  await waitUntilReady(startInstance(1));
  const rest = [];
  for (let number = 2; number <= instances; number += 1) rest.push(startInstance(number));
  await Promise.all(rest.map(waitUntilReady));
} catch (error) {
  process.stderr.write(`fleet: ${error.message}\n`);
  await stop('SIGTERM', true);
}

setInterval(async () => {
  for (const instance of fleet)
    if (instance.url && instance.child.exitCode === null) instance.ready = await checkReady(instance.url);
}, HEALTH_INTERVAL_MS).unref();

proxy.listen(proxyPort, LOOPBACK, () => {
  const { port } = proxy.address();
  process.stdout.write(
    `fleet: ${fleet.map((instance) => `${instance.name} ${instance.url}`).join(', ')}\n` +
      `fleet: ready: proxy on http://${LOOPBACK}:${port} (round robin over ${fleet.length} instance(s))\n`,
  );
});
