import { describe, expect, it } from 'vitest';
import { FAILURE_KINDS } from '../http/call/action-result.js';
import { refusedContent, type ToolContent } from './tool-content.js';

/** Reads a tool content the way a model adapter may: every branch of the union is reachable. */
function describeContent(content: ToolContent): string {
  if (content.ok) return 'status' in content ? `result ${content.status}` : 'built-in tool answer';
  if ('awaitingConfirmation' in content) return 'waiting for a yes';
  return `failed: ${content.error.kind}`;
}

describe('ToolContent', () => {
  it('keeps the shapes the model has always read', () => {
    expect(refusedContent('limit_reached', 'no more')).toEqual({
      ok: false,
      error: { kind: 'limit_reached', message: 'no more' },
    });
    expect(describeContent({ ok: false, awaitingConfirmation: true })).toBe('waiting for a yes');
    expect(describeContent({ ok: true, data: { sent: true } })).toBe('built-in tool answer');
    expect(describeContent({ ok: true, status: 200, dataPreview: 'x', truncated: true })).toBe('result 200');
    expect(describeContent(refusedContent('unknown_action', 'none'))).toBe('failed: unknown_action');
  });

  it("names the loop's own kinds apart from the call failures", () => {
    for (const kind of ['unknown_action', 'limit_reached', 'skipped'] as const) {
      expect(FAILURE_KINDS as readonly string[]).not.toContain(kind);
      expect(refusedContent(kind, 'm').error.kind).toBe(kind);
    }
  });
});
