import { pointer, type ValidationIssue } from '../errors.js';
import { ACTION_METHODS, DEFAULT_METHOD } from './action-definition.js';
import { CONTEXT_TEMPLATE_KEYS } from './call-context.js';

/** Same limit as the request body cap: a template larger than that could never be sent. */
export const MAX_BODY_TEMPLATE_BYTES = 100 * 1024;

/** Real request bodies are shallow; the bound also keeps the recursive walk off the stack limit. */
export const MAX_BODY_TEMPLATE_DEPTH = 32;

const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);
/** Every `{{...}}`, well-formed or not, so a typo is reported rather than sent literally. */
const ANY_PLACEHOLDER = /\{\{(.*?)\}\}/g;
/** What `renderBodyTemplate` substitutes. */
const PLACEHOLDER = /^\s*(parameters|context)\.([A-Za-z0-9_]+)\s*$/;
const CONTEXT_KEYS: ReadonlySet<string> = new Set(CONTEXT_TEMPLATE_KEYS);

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

class TemplateWalk {
  readonly issues: ValidationIssue[] = [];
  private readonly ancestors = new Set<object>();

  constructor(private readonly parameterNames: ReadonlySet<string>) {}

  visit(value: unknown, tokens: Array<string | number>): void {
    const at = pointer('bodyTemplate', ...tokens);
    switch (typeof value) {
      case 'string':
        this.checkPlaceholders(value, at, false);
        return;
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(value))
          this.issues.push({ path: at, message: 'must be a finite number (JSON has no NaN or Infinity)' });
        return;
      case 'object':
        if (value === null) return;
        break;
      default:
        this.issues.push({
          path: at,
          message: `must be a JSON value, not ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`,
        });
        return;
    }
    if (this.ancestors.has(value)) {
      this.issues.push({ path: at, message: 'must not refer to itself (a cycle cannot be sent as JSON)' });
      return;
    }
    if (tokens.length >= MAX_BODY_TEMPLATE_DEPTH) {
      this.issues.push({ path: at, message: `nests deeper than ${MAX_BODY_TEMPLATE_DEPTH} levels` });
      return;
    }
    if (!Array.isArray(value) && !isPlainObject(value)) {
      this.issues.push({
        path: at,
        message: 'must be a JSON value (string, number, boolean, null, array or object)',
      });
      return;
    }
    this.ancestors.add(value);
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) this.visit(item, [...tokens, index]);
    } else {
      for (const [key, item] of Object.entries(value)) {
        this.checkPlaceholders(key, pointer('bodyTemplate', ...tokens, key), true);
        this.visit(item, [...tokens, key]);
      }
    }
    this.ancestors.delete(value);
  }

  private checkPlaceholders(text: string, at: string, isKey: boolean): void {
    for (const match of text.matchAll(ANY_PLACEHOLDER)) {
      const placeholder = match[0];
      if (isKey) {
        this.issues.push({
          path: at,
          message: `${placeholder}: placeholders are filled in values, not in keys`,
        });
        continue;
      }
      const parsed = PLACEHOLDER.exec(match[1] ?? '');
      const [, source, key = ''] = parsed ?? [];
      if (!parsed) {
        this.issues.push({
          path: at,
          message: `${placeholder} is not a placeholder; write {{parameters.name}} or {{context.name}}`,
        });
      } else if (source === 'parameters' && !this.parameterNames.has(key)) {
        this.issues.push({ path: at, message: `${placeholder} does not name a declared parameter` });
      } else if (source === 'context' && !CONTEXT_KEYS.has(key)) {
        this.issues.push({
          path: at,
          message: `${placeholder} is not a context value; use one of: ${CONTEXT_TEMPLATE_KEYS.join(', ')}`,
        });
      }
    }
  }
}

/**
 * Every problem in an action's `bodyTemplate`: only POST, PUT and PATCH send a body; the template
 * must be JSON (no `undefined`, functions, NaN, cycles) of at most {@link MAX_BODY_TEMPLATE_BYTES}
 * serialized; every `{{parameters.x}}` must name a declared parameter and every `{{context.y}}` a
 * context value. Each problem is located at the exact value inside the template.
 *
 * @example
 * collectBodyTemplateIssues({ order: '{{parameters.order_id}}' }, 'POST', new Set(['order_number']));
 * // [{ path: '/bodyTemplate/order', message: '{{parameters.order_id}} does not name a declared parameter' }]
 */
export function collectBodyTemplateIssues(
  template: unknown,
  method: unknown,
  parameterNames: ReadonlySet<string>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const effectiveMethod = method ?? DEFAULT_METHOD;
  // An unknown method is reported on /method; repeating it here would count one mistake twice.
  if (ACTION_METHODS.includes(effectiveMethod as never) && !BODY_METHODS.has(effectiveMethod as string)) {
    issues.push({
      path: '/bodyTemplate',
      message: `only POST, PUT and PATCH send a body; ${String(effectiveMethod)} sends parameters in the query string`,
    });
  }
  const walk = new TemplateWalk(parameterNames);
  walk.visit(template, []);
  issues.push(...walk.issues);
  if (walk.issues.length === 0) {
    const bytes = Buffer.byteLength(JSON.stringify(template));
    if (bytes > MAX_BODY_TEMPLATE_BYTES) {
      issues.push({
        path: '/bodyTemplate',
        message: `must be at most ${MAX_BODY_TEMPLATE_BYTES} bytes as JSON (it is ${bytes})`,
      });
    }
  }
  return issues;
}
