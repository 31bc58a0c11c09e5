import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

let loading: Promise<QuickJSWASMModule> | undefined;

/**
 * The QuickJS engine (WebAssembly, the release build without asyncify), loaded once per process.
 * Every code action runs in a new runtime of this module: its own heap, no state shared.
 */
export function loadQuickJs(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(import('@jitl/quickjs-wasmfile-release-sync'));
  return loading;
}

/**
 * Drops the loaded engine so the next run loads a fresh one: after a run that could not be
 * cleaned up (the engine aborts when a runtime is freed with objects left alive), nothing of it
 * may be reused.
 */
export function discardQuickJs(): void {
  loading = undefined;
}
