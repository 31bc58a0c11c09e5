/**
 * A sandbox worker's entry (node:worker_threads): it hosts QuickJS for ONE run of a code action
 * and is then terminated. It holds no credential and opens no connection: each `fetch` of the
 * code goes to the main thread as a message, which sends it through the outbound policy and
 * answers with the scrubbed response. See docs/architecture/code-actions.md.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { CodeWorkerData, FromWorker, ToWorker } from './code-worker-protocol.js';
import { loadQuickJs } from './quickjs.js';
import { runSandbox } from './run-sandbox.js';

const port = parentPort;
if (!port) throw new Error('code-worker.js runs as a worker thread of a CodeWorkerPool');
const data = workerData as CodeWorkerData;
const post = (message: FromWorker) => port.postMessage(message);

// Prepared while idle: the engine instance for the default heap, so a run starts at once.
let prepared: QuickJSWASMModule | undefined = await loadQuickJs(data.memoryBytes, data.wasmModule);
// A warm-up run of our own code on it (its runtime disposed after): the engine's paths are hot
// before the first real run, which gets a runtime of its own.
await runSandbox(
  prepared,
  {
    source: 'async function handler({ parameters }) { console.log("warm"); return parameters }',
    inputJson: '{"parameters":{},"context":{}}',
    limits: { memoryBytes: data.memoryBytes, cpuMs: 1_000 },
  },
  { request: async () => ({ error: 'none' }), entered() {}, left() {}, log() {} },
);
const answers = new Map<number, (reply: { json?: string; error?: string }) => void>();
let nextId = 1;
let running = false;

port.on('message', (message: ToWorker) => {
  if (message.type === 'answer') {
    const resolve = answers.get(message.id);
    answers.delete(message.id);
    resolve?.({
      ...(message.json === undefined ? {} : { json: message.json }),
      ...(message.error === undefined ? {} : { error: message.error }),
    });
    return;
  }
  if (running) return;
  running = true;
  void (async () => {
    const engine =
      prepared && message.limits.memoryBytes === data.memoryBytes
        ? prepared
        : await loadQuickJs(message.limits.memoryBytes, data.wasmModule);
    prepared = undefined;
    const outcome = await runSandbox(
      engine,
      { source: message.source, inputJson: message.inputJson, limits: message.limits },
      {
        request(json) {
          const id = nextId++;
          post({ type: 'request', id, json });
          return new Promise((resolve) => answers.set(id, resolve));
        },
        entered: () => post({ type: 'busy' }),
        left: () => post({ type: 'idle' }),
        log: (line) => post({ type: 'log', line }),
      },
    );
    post({ type: 'done', outcome });
  })();
});

post({ type: 'ready' });
