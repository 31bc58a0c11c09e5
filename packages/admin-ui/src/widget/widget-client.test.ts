import { describe, expect, it } from 'vitest';
import { readStored } from './widget-client';

describe('readStored (the conversation a tab remembers)', () => {
  it('reads the id and the agent name', () => {
    expect(readStored('{"id":"cnv_1","agentName":"Support"}')).toEqual({ id: 'cnv_1', agentName: 'Support' });
  });
  it('takes a bare id, as earlier versions stored it', () => {
    expect(readStored('cnv_1')).toEqual({ id: 'cnv_1' });
  });
  it('forgets nothing stored or something broken', () => {
    expect(readStored(null)).toBeUndefined();
    expect(readStored('{"id":')).toBeUndefined();
    expect(readStored('{"agentName":"Support"}')).toBeUndefined();
  });
});
