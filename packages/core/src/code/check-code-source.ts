import type { ValidationIssue } from '../errors.js';
import { CODE_STACK_BYTES } from './code-limits.js';
import { loadQuickJs } from './quickjs.js';

/**
 * Compiles a code action's source without running it, for the save: a syntax error comes back
 * at `path` with QuickJS's message and line ("SyntaxError: expecting ')' at action.js:1").
 * Whether it defines `handler` is known only by running it: the test console shows that.
 *
 * @example
 * await checkCodeSource('async function handler( {', '/code/source');
 * // [{ path: '/code/source', message: "SyntaxError: ..." }]
 */
export async function checkCodeSource(source: string, path: string): Promise<ValidationIssue[]> {
  const QuickJS = await loadQuickJs();
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(16 * 1024 * 1024);
  runtime.setMaxStackSize(CODE_STACK_BYTES);
  const ctx = runtime.newContext();
  try {
    const compiled = ctx.evalCode(source, 'action.js', { compileOnly: true });
    if (!compiled.error) {
      compiled.value.dispose();
      return [];
    }
    const dumped = ctx.dump(compiled.error) as { name?: string; message?: string; stack?: string };
    compiled.error.dispose();
    const where = /action\.js:(\d+)/.exec(dumped.stack ?? '')?.[1];
    const message = `${dumped.name ?? 'Error'}: ${dumped.message ?? 'the code does not compile'}`;
    return [{ path, message: where ? `${message} (line ${where})` : message }];
  } finally {
    ctx.dispose();
    runtime.dispose();
  }
}
