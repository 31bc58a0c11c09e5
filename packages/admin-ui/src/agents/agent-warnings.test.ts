import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../actions/action-rows';
import { noActionsWarning } from './agent-warnings';

const row = (id: string, enabled = true): ActionRow => ({
  id,
  name: `name_${id}`,
  displayName: undefined,
  enabled,
  method: 'POST',
  host: 'shop.example',
});

describe('noActionsWarning', () => {
  it('warns when no action is chosen, whether or not the actions loaded', () => {
    expect(noActionsWarning({ actionsMode: 'some', actions: [] }, undefined)).toMatch(
      /No actions are chosen/,
    );
    expect(noActionsWarning({ actionsMode: 'some', actions: [] }, [row('a')])).toMatch(/can still save/);
  });

  it('warns when the chosen actions are all disabled, by id or by name', () => {
    expect(
      noActionsWarning({ actionsMode: 'some', actions: ['a', 'name_b'] }, [row('a', false), row('b', false)]),
    ).toMatch(/None of the chosen actions is enabled/);
    expect(
      noActionsWarning({ actionsMode: 'some', actions: ['name_b'] }, [row('a', false), row('b')]),
    ).toBeNull();
  });

  it('warns for "all enabled actions" only when the tenant has none enabled', () => {
    expect(noActionsWarning({ actionsMode: 'all', actions: [] }, [])).toMatch(/no enabled actions yet/);
    expect(noActionsWarning({ actionsMode: 'all', actions: [] }, [row('a', false)])).toMatch(
      /no enabled actions/,
    );
    expect(noActionsWarning({ actionsMode: 'all', actions: [] }, [row('a')])).toBeNull();
    expect(noActionsWarning({ actionsMode: 'all', actions: [] }, undefined)).toBeNull();
  });
});
