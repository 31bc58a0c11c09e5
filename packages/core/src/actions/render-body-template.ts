import type { EnvelopeContext } from './call-context.js';

/** `{{parameters.x}}` or `{{context.x}}`, with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*(parameters|context)\.([A-Za-z0-9_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*(parameters|context)\.([A-Za-z0-9_]+)\s*\}\}$/;

/** The values a template may refer to. */
export interface TemplateScope {
  parameters: Record<string, unknown>;
  context: EnvelopeContext & { action: string } & Record<string, unknown>;
}

function lookup(scope: TemplateScope, source: string, key: string): unknown {
  const bag: Record<string, unknown> = source === 'parameters' ? scope.parameters : scope.context;
  return Object.hasOwn(bag, key) ? bag[key] : undefined;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Fills a body template. A string that is exactly one placeholder becomes the value itself (a
 * number stays a number; a missing value becomes `null`); placeholders inside a longer string are
 * replaced by the value's text. The result is a JS value later serialized with `JSON.stringify`,
 * so no value can break out of its place in the JSON.
 *
 * @example
 * renderBodyTemplate({ order: '{{parameters.id}}', note: 'for {{context.contact_id}}' }, scope);
 * // { order: 'ORD-1', note: 'for c_42' }
 */
export function renderBodyTemplate(template: unknown, scope: TemplateScope): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(template);
    if (whole) return lookup(scope, whole[1] as string, whole[2] as string) ?? null;
    return template.replace(PLACEHOLDER, (_match, source: string, key: string) =>
      asText(lookup(scope, source, key)),
    );
  }
  if (Array.isArray(template)) return template.map((item) => renderBodyTemplate(item, scope));
  if (template !== null && typeof template === 'object') {
    const rendered: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) rendered[key] = renderBodyTemplate(value, scope);
    return rendered;
  }
  return template;
}
