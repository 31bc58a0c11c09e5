import { describe, expect, it } from 'vitest';
import { createLeaveGuards, LEAVE_QUESTION, type UnloadEventLike } from './leave-guard';

const unloadEvent = () => {
  const event = { prevented: false, returnValue: undefined as unknown, preventDefault() {} };
  event.preventDefault = () => {
    event.prevented = true;
  };
  return event satisfies UnloadEventLike;
};

describe('createLeaveGuards', () => {
  it('lets leave without asking when no guard has anything to lose', () => {
    const guards = createLeaveGuards();
    const asked: string[] = [];
    guards.add(() => false);
    expect(guards.pending()).toBe(false);
    expect(
      guards.mayLeave((message) => {
        asked.push(message);
        return false;
      }),
    ).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks the question and follows the answer', () => {
    const guards = createLeaveGuards();
    guards.add(() => true);
    const asked: string[] = [];
    const refuse = (message: string) => {
      asked.push(message);
      return false;
    };
    expect(guards.mayLeave(refuse)).toBe(false);
    expect(guards.mayLeave(() => true)).toBe(true);
    expect(asked).toEqual([LEAVE_QUESTION]);
  });

  it('removes each guard once, even the same function added twice', () => {
    const guards = createLeaveGuards();
    const guard = () => true;
    const removeA = guards.add(guard);
    const removeB = guards.add(guard);
    removeA();
    expect(guards.pending()).toBe(true);
    removeB();
    expect(guards.pending()).toBe(false);
  });

  it('prompts on beforeunload only with something to lose', () => {
    const guards = createLeaveGuards();
    let unsaved = false;
    guards.add(() => unsaved);
    const calm = unloadEvent();
    guards.onBeforeUnload(calm);
    expect(calm.prevented).toBe(false);
    unsaved = true;
    const prompt = unloadEvent();
    guards.onBeforeUnload(prompt);
    expect(prompt.prevented).toBe(true);
    expect(prompt.returnValue).toBe('');
  });

  it('leaves when there is no way to ask', () => {
    const guards = createLeaveGuards();
    guards.add(() => true);
    expect(guards.mayLeave(undefined)).toBe(true);
  });
});
