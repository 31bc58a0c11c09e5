import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import SummaryReporter from './summary-reporter.js';

/** A test module as the reporter reads it: its state and its tests' states. */
function fakeModule(state: string, tests: string[]): TestModule {
  const children = { allTests: () => tests.map((testState) => ({ result: () => ({ state: testState }) })) };
  return { state: () => state, children } as unknown as TestModule;
}

function summary(modules: TestModule[], unhandled: unknown[] = []): string {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  new SummaryReporter().onTestRunEnd(modules, unhandled);
  const line = String(write.mock.calls.at(-1)?.[0]).trim();
  write.mockRestore();
  return line;
}

afterEach(() => vi.restoreAllMocks());

describe('the closing summary line', () => {
  it('counts tests by their state', () => {
    expect(
      summary([fakeModule('passed', ['passed', 'passed', 'skipped']), fakeModule('failed', ['failed'])]),
    ).toBe('2 passed, 1 failed, 1 skipped');
  });

  it('counts a file whose beforeAll threw (its tests skipped) as a failure', () => {
    expect(summary([fakeModule('failed', ['skipped', 'skipped'])])).toBe('0 passed, 1 failed, 2 skipped');
  });

  it('counts a file that did not load, and each unhandled error', () => {
    expect(summary([fakeModule('failed', [])], [new Error('boom')])).toBe('0 passed, 2 failed, 0 skipped');
  });
});
