import { describe, expect, it } from 'vitest';
import { debugStepView, valueText } from './debug-view';

describe('debugStepView', () => {
  it("shows the embedded agent's choice: scores best first, the chosen one marked, what it extracted", () => {
    const view = debugStepView(0, {
      scores: [
        {
          name: 'check_order',
          score: 0.8333,
          matched: ['order', 'status'],
          eligible: true,
          missingParameters: [],
        },
        {
          name: 'cancel_order',
          score: 0.4,
          matched: ['order'],
          eligible: false,
          missingParameters: ['reason'],
        },
      ],
      reason: 'matched',
      intent: 'check_order',
      entities: ['order_id'],
      extracted: [{ parameter: 'order_number', value: 'ORD-1', matched: 'ord-1', kind: 'pattern' }],
    });
    expect(view).toEqual({
      title: 'Step 1',
      summary: 'Chose check_order',
      scores: [
        {
          name: 'check_order',
          score: '0.83',
          matched: 'order, status',
          eligible: true,
          missing: [],
          chosen: true,
        },
        {
          name: 'cancel_order',
          score: '0.40',
          matched: 'order',
          eligible: false,
          missing: ['reason'],
          chosen: false,
        },
      ],
      extracted: [{ parameter: 'order_number', value: '"ORD-1"', matched: 'ord-1', kind: 'pattern' }],
      values: [],
      facts: [
        { label: 'Intent', value: 'check_order' },
        { label: 'Entities found', value: 'order_id' },
      ],
    });
  });

  it('says why nothing was chosen', () => {
    const view = debugStepView(2, { scores: [], reason: 'below_threshold', entities: [] });
    expect([view.title, view.summary, view.facts]).toEqual([
      'Step 3',
      'No action scored high enough',
      [{ label: 'Entities found', value: 'none' }],
    ]);
    expect(debugStepView(0, { reason: 'ambiguous' }).summary).toMatch(/too close/);
    expect(debugStepView(0, { reason: 'something_new' }).summary).toBe('something_new');
  });

  it('shows values filled in on a later message, and the values so far', () => {
    const view = debugStepView(0, {
      intent: 'book',
      extracted: [{ parameter: 'guests', value: 3, matched: 'three', kind: 'number' }],
      slots: { date: '2025-03-26', guests: 3 },
    });
    expect(view.summary).toBe('Filled in book');
    expect(view.extracted[0]?.value).toBe('3');
    expect(view.values).toEqual([
      { label: 'date', value: '"2025-03-26"' },
      { label: 'guests', value: '3' },
    ]);
  });

  it('shows cancelled, phrased and LLM steps, and anything unknown as it came', () => {
    expect(debugStepView(0, { cancelled: 'book' }).summary).toBe('Cancelled book');
    expect(debugStepView(0, { phrased: 'result' })).toMatchObject({
      summary: "Phrased the action's result",
      facts: [{ label: 'Phrased', value: "the action's result" }],
    });
    const llm = debugStepView(0, {
      provider: 'openai',
      model: 'gpt-x',
      finishReason: 'tool-calls',
      inputTokens: 120,
      outputTokens: 8,
      extra: { a: [1] },
    });
    expect(llm.summary).toBe('openai gpt-x: tool-calls');
    expect(llm.facts).toEqual([
      { label: 'Provider', value: 'openai' },
      { label: 'Model', value: 'gpt-x' },
      { label: 'Finish reason', value: 'tool-calls' },
      { label: 'Input tokens', value: '120' },
      { label: 'Output tokens', value: '8' },
      { label: 'extra', value: '{"a":[1]}' },
    ]);
    expect(debugStepView(0, {}).summary).toBe('Model step');
  });

  it('ignores malformed tables', () => {
    const view = debugStepView(0, { scores: 'high', extracted: [null, 'x'], slots: [] });
    expect([view.scores, view.extracted, view.values]).toEqual([[], [], []]);
  });
});

describe('valueText', () => {
  it('quotes strings so "3" and 3 differ', () => {
    expect([valueText('3'), valueText(3), valueText(true), valueText(null), valueText(undefined)]).toEqual([
      '"3"',
      '3',
      'true',
      'null',
      '',
    ]);
  });
});
