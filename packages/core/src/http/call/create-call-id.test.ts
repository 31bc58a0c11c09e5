import { describe, expect, it } from 'vitest';
import { createCallId } from './prepare-call.js';

describe('createCallId', () => {
  it('is call_ and the 32 hex digits of a random UUID, new every time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => createCallId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^call_[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  });
});
