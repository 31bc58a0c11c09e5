import type { ActionResult } from '../http/call/action-result.js';
import { type ModelResult, toModelResult } from '../http/call/model-result.js';
import type { TruncatedToolContent } from './tool-content.js';

function pick(data: unknown, path: string): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys.at(-1) as string] = value;
}

/**
 * What the model reads of a call: the normalized result, its data cut to the allowed fields,
 * and the whole capped at `maxChars` of JSON (a cut result says so).
 *
 * @example
 * shapeModelResult(result, { responseFields: ['status'], maxChars: 4000 });
 * // { ok: true, status: 200, data: { status: 'shipped' } }
 */
export function shapeModelResult(
  result: ActionResult,
  options: { responseFields?: readonly string[] | undefined; maxChars: number },
): ModelResult | TruncatedToolContent {
  return shapeModelView(toModelResult(result), options);
}

/**
 * {@link shapeModelResult} for a result already reduced to the model's view (a call read back
 * from the execution log, whose `result` is that view). `view` is not changed.
 *
 * @example
 * shapeModelView({ ok: true, status: 200, data: { status: 'shipped', id: 7 } }, { responseFields: ['status'], maxChars: 4000 });
 * // { ok: true, status: 200, data: { status: 'shipped' } }
 */
export function shapeModelView(
  original: ModelResult,
  options: { responseFields?: readonly string[] | undefined; maxChars: number },
): ModelResult | TruncatedToolContent {
  const view: ModelResult = { ...original };
  if (view.ok && view.data !== undefined && options.responseFields && options.responseFields.length > 0) {
    const items = Array.isArray(view.data) ? view.data : [view.data];
    const picked = items.map((item) => {
      const one: Record<string, unknown> = {};
      for (const path of options.responseFields ?? []) {
        const found = pick(item, path);
        if (found.found) setPath(one, path, found.value);
      }
      return one;
    });
    view.data = Array.isArray(view.data) ? picked : (picked[0] ?? {});
  }
  const text = JSON.stringify(view);
  if (text.length <= options.maxChars || !view.ok) return view;
  const payload = view.message ?? JSON.stringify(view.data);
  return { ok: true, status: view.status, dataPreview: payload.slice(0, options.maxChars), truncated: true };
}
