import { describe, expect, it } from 'vitest';
import { renderBodyTemplate, type TemplateScope } from './render-body-template.js';

const scope: TemplateScope = {
  parameters: { name: 'Ana "the" O\'Neil', count: 3, vip: true, tags: ['a', 'b'], nothing: null },
  context: { call_id: 'call_1', trigger: 'manual', timestamp: '2026-01-01T00:00:00.000Z', action: 'notify' },
};

describe('renderBodyTemplate', () => {
  it('replaces a whole-string placeholder by the JSON value itself', () => {
    expect(
      renderBodyTemplate(
        { n: '{{parameters.count}}', v: '{{ parameters.vip }}', t: '{{parameters.tags}}' },
        scope,
      ),
    ).toEqual({ n: 3, v: true, t: ['a', 'b'] });
  });

  it('substitutes text inside longer strings, and never breaks the JSON', () => {
    const rendered = renderBodyTemplate({ greeting: 'Hi {{parameters.name}} ({{parameters.count}})' }, scope);
    expect(rendered).toEqual({ greeting: 'Hi Ana "the" O\'Neil (3)' });
    expect(JSON.parse(JSON.stringify(rendered))).toEqual(rendered);
  });

  it('turns unknown or missing values into null (whole) or empty text (inside)', () => {
    expect(
      renderBodyTemplate(
        { a: '{{parameters.missing}}', b: 'x{{parameters.missing}}y', c: '{{parameters.nothing}}' },
        scope,
      ),
    ).toEqual({ a: null, b: 'xy', c: null });
  });

  it('walks arrays and nested objects, keeps other values as they are', () => {
    expect(
      renderBodyTemplate(
        { list: ['{{context.call_id}}', 1, false, null], deep: { trigger: '{{context.trigger}}' } },
        scope,
      ),
    ).toEqual({
      list: ['call_1', 1, false, null],
      deep: { trigger: 'manual' },
    });
  });

  it('does not read inherited properties', () => {
    expect(renderBodyTemplate('{{parameters.constructor}}', scope)).toBeNull();
  });
});
