import { describe, expect, it } from 'vitest';
import { correctionEnd, isOnlyReplyWords } from './understand-reply.js';

describe('isOnlyReplyWords', () => {
  it.each(['Sure!', 'no thanks', 'not sure', 'ok, ok.', '  '])('%j is only reply words', (text) => {
    expect(isOnlyReplyWords(text)).toBe(true);
  });

  it.each(['Sure, Jane Doe', 'no, 42', 'Okay Smith'])('%j carries an answer', (text) => {
    expect(isOnlyReplyWords(text)).toBe(false);
  });
});

describe('correctionEnd', () => {
  it('is the end of the last correction phrase', () => {
    expect(correctionEnd('ORD-1, actually ORD-2')).toBe(15);
    expect(correctionEnd('ORD-1, I meant ORD-2, sorry, I meant ORD-3')).toBe(
      'ORD-1, I meant ORD-2, sorry, I meant'.length,
    );
  });

  it('is undefined without a correction', () => {
    expect(correctionEnd('ORD-1')).toBeUndefined();
  });
});
