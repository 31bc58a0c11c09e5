import type { ActionResult, FailureKind } from './action-result.js';

/** What the model is shown of a call: the outcome, never the request, headers or secrets. */
export type ModelResult =
  | { ok: true; status: number; data?: unknown; message?: string; truncated?: true }
  | { ok: false; status: number | null; error: { kind: FailureKind; message: string } };

/**
 * Reduces a call's result to what a model may read: data or a verbatim message on success, the
 * failure's kind and message otherwise.
 *
 * @example
 * toModelResult(result); // { ok: true, status: 200, data: { status: 'shipped' } }
 */
export function toModelResult(result: ActionResult): ModelResult {
  if (!result.ok) {
    return {
      ok: false,
      status: result.status,
      error: { kind: result.failure.kind, message: result.failure.message },
    };
  }
  const view: ModelResult = { ok: true, status: result.status };
  if (result.message !== undefined) view.message = result.message;
  else if (result.data !== undefined) view.data = result.data;
  if (result.truncated) view.truncated = true;
  return view;
}
