import { describe, expect, it } from 'vitest';
import { buildPatch, createBody } from './action-bodies';
import { type ActionDraft, draftFromAction, emptyDraft } from './action-draft';
import { savedAction } from './testing/action-fixture';

const SOURCE = 'async function handler({ parameters }) { return parameters }';

describe('a code action in the form', () => {
  it('sends the code and its new credentials on create, nothing of code when the source is empty', () => {
    const draft: ActionDraft = {
      ...emptyDraft(),
      name: 'check_stock',
      description: 'Check the stock of a product.',
      url: 'https://shop.example/stock',
      codeSource: SOURCE,
      codeCredentials: [{ key: 'c1', kind: 'new', name: 'api_token', value: 's3cret' }],
    };
    expect(createBody(draft).code).toEqual({ source: SOURCE, credentials: { api_token: 's3cret' } });
    expect(createBody({ ...draft, codeSource: '  ' }).code).toBeUndefined();
  });

  it('reads a saved code action with its credentials as set, and patches only what changed', () => {
    const view = savedAction();
    const saved = draftFromAction({
      ...view,
      definition: { ...view.definition, code: { source: SOURCE, credentials: { api_token: { set: true } } } },
    });
    expect(saved.codeSource).toBe(SOURCE);
    expect(saved.codeCredentials).toEqual([
      { key: 'stored-credential-0', kind: 'stored', name: 'api_token', change: 'keep', value: '' },
    ]);
    expect(buildPatch(saved, saved).code).toBeUndefined();
    expect(buildPatch(saved, { ...saved, codeSource: `${SOURCE}\n` }).code).toEqual({
      source: `${SOURCE}\n`,
    });
    const removed = saved.codeCredentials.map((row) => ({ ...row, change: 'remove' as const }));
    expect(buildPatch(saved, { ...saved, codeCredentials: removed }).code).toEqual({
      credentials: { api_token: null },
    });
    expect(buildPatch(saved, { ...saved, codeSource: '' }).code).toBeNull();
  });
});
