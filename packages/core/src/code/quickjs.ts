import { readFile } from 'node:fs/promises';
import {
  type CustomizeVariantOptions,
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';

/** WebAssembly's types come with the DOM library, which this package does not load: the calls used here. */
export type WasmModule = NonNullable<Extract<CustomizeVariantOptions['wasmModule'], object>>;
type WasmMemory = NonNullable<Extract<CustomizeVariantOptions['wasmMemory'], object>>;
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      compile(bytes: Uint8Array): Promise<WasmModule>;
      Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
    };
  }
).WebAssembly;

/** The engine's own start-up memory (its initial heap and stack), before the code allocates. */
export const ENGINE_BASE_BYTES = 16 * 1024 * 1024;
const PAGE_BYTES = 64 * 1024;

let compiled: Promise<WasmModule> | undefined;

/** The build's variant (its FFI and module loader); `default` of its ESM entry. */
async function releaseSync(): Promise<QuickJSSyncVariant> {
  const loaded = (await import('@jitl/quickjs-wasmfile-release-sync')) as unknown as {
    default: QuickJSSyncVariant | { default: QuickJSSyncVariant };
  };
  const variant = loaded.default;
  return 'default' in variant ? variant.default : variant;
}

/**
 * The QuickJS WebAssembly module (the release build without asyncify), compiled once per process
 * (the main thread passes it to each sandbox worker, which instantiates it without compiling).
 */
export function compiledEngine(): Promise<WasmModule> {
  compiled ??= (async () => {
    const file = new URL(
      'emscripten-module.wasm',
      import.meta.resolve('@jitl/quickjs-wasmfile-release-sync'),
    );
    return wasm.compile(await readFile(file));
  })();
  return compiled;
}

/**
 * A fresh QuickJS engine for one run, in its own WebAssembly memory that cannot grow past
 * `memoryBytes` over the engine's base: the heap limit holds even where QuickJS's own accounting
 * does not (this build cannot measure its allocations), and nothing of a run outlives it.
 * `compiledModule` is the module {@link compiledEngine} compiled (in a worker: the main thread's).
 */
export async function loadQuickJs(
  memoryBytes: number = 16 * 1024 * 1024,
  compiledModule?: WasmModule,
): Promise<QuickJSWASMModule> {
  const wasmModule = compiledModule ?? (await compiledEngine());
  const wasmMemory = new wasm.Memory({
    initial: ENGINE_BASE_BYTES / PAGE_BYTES,
    maximum: Math.ceil((ENGINE_BASE_BYTES + memoryBytes) / PAGE_BYTES),
  });
  return newQuickJSWASMModuleFromVariant(newVariant(await releaseSync(), { wasmModule, wasmMemory }));
}
