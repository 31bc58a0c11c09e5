import { describe, expect, it } from 'vitest';
import { describeWidgetFailure, UNAVAILABLE_TEXT } from './widget-failure';

const ORIGIN = 'http://127.0.0.1:5173';

describe('describeWidgetFailure', () => {
  it('shows a visitor a polite line for a refused origin, and the developer the origin and the fix', () => {
    const failure = describeWidgetFailure(
      403,
      'this widget key works only on its own web pages, not on http://127.0.0.1:5173',
      ORIGIN,
    );
    expect(failure.visitorText).toBe(UNAVAILABLE_TEXT);
    expect(failure.visitorText).not.toMatch(/origin|key|web pages/i);
    expect(failure.developerDetail).toContain(`add ${ORIGIN} to the widget key's origins`);
    expect(failure.developerDetail).toContain('not on http://127.0.0.1:5173');
  });

  it('treats a refused key (401) as configuration too, pointing at data-key', () => {
    const failure = describeWidgetFailure(401, 'the API key is not valid', ORIGIN);
    expect(failure.visitorText).toBe(UNAVAILABLE_TEXT);
    expect(failure.developerDetail).toMatch(/data-key/);
    expect(failure.developerDetail).toContain('the API key is not valid');
  });

  it("tells the visitor the server's reason for their own limits, with nothing for the console", () => {
    const failure = describeWidgetFailure(
      429,
      'too many messages from this visitor; try again in 12 s',
      ORIGIN,
    );
    expect(failure).toEqual({ visitorText: 'too many messages from this visitor; try again in 12 s' });
  });

  it('says the chat cannot be reached when no answer came', () => {
    expect(describeWidgetFailure(0, undefined, ORIGIN).visitorText).toMatch(/cannot be reached/);
  });
});
