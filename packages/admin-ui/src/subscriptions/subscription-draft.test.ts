import { describe, expect, it } from 'vitest';
import { draftOf, EMPTY_DRAFT, toggled, toSubscriptionBody } from './subscription-draft';
import {
  describeFilters,
  describeStatus,
  EVENT_TYPES,
  toSubscriptionRow,
  toSubscriptionRows,
} from './subscription-view';

describe('the subscription form', () => {
  it('builds the body: https URL, chosen events and agents, a schedule in seconds', () => {
    const result = toSubscriptionBody({
      ...EMPTY_DRAFT,
      url: ' https://crm.example.com/hooks ',
      description: 'CRM',
      eventTypes: ['lead.captured'],
      retrySchedule: '5, 300,1.5',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        url: 'https://crm.example.com/hooks',
        description: 'CRM',
        eventTypes: ['lead.captured'],
        agentIds: [],
        retryScheduleMs: [5000, 300000, 1500],
      },
    });
    expect(toSubscriptionBody({ ...EMPTY_DRAFT, url: 'https://a.example.com/' })).toMatchObject({
      ok: true,
      body: { retryScheduleMs: null },
    });
  });

  it('names what is wrong: no URL, not https, a bad schedule', () => {
    expect(toSubscriptionBody(EMPTY_DRAFT)).toEqual({
      ok: false,
      problems: { url: ['Enter the address events are sent to.'] },
    });
    expect(toSubscriptionBody({ ...EMPTY_DRAFT, url: 'http://a.example.com/' })).toMatchObject({
      ok: false,
      problems: { url: ['The address must start with https://.'] },
    });
    const badSchedule = toSubscriptionBody({
      ...EMPTY_DRAFT,
      url: 'https://a.example.com/',
      retrySchedule: '5, x',
    });
    expect(badSchedule).toMatchObject({
      ok: false,
      problems: { retrySchedule: [expect.stringContaining('seconds')] },
    });
    const tooLong = toSubscriptionBody({
      ...EMPTY_DRAFT,
      url: 'https://a.example.com/',
      retrySchedule: '90000',
    });
    expect(tooLong).toMatchObject({
      ok: false,
      problems: { retrySchedule: [expect.stringContaining('a day')] },
    });
  });

  it('edits a stored subscription as it is, and toggles keep the catalogue order', () => {
    const draft = draftOf({
      url: 'https://a.example.com/',
      description: null,
      eventTypes: ['action.failed'],
      agentIds: [],
      retryScheduleMs: [5000, 60000],
    });
    expect(draft).toEqual({
      ...EMPTY_DRAFT,
      url: 'https://a.example.com/',
      eventTypes: ['action.failed'],
      retrySchedule: '5, 60',
    });
    expect(toggled(['action.failed'], 'conversation.started', true, EVENT_TYPES)).toEqual([
      'conversation.started',
      'action.failed',
    ]);
    expect(toggled(['action.failed'], 'action.failed', false, EVENT_TYPES)).toEqual([]);
  });
});

describe('subscription rows from the server', () => {
  const row = {
    id: 'sub_1',
    url: 'https://a.example.com/',
    description: null,
    eventTypes: [],
    agentIds: ['agt_1'],
    status: 'disabled',
    disabledReason: 'the receiver answered 410 Gone',
    retryScheduleMs: null,
    createdAt: '2026-12-07T10:00:00.000Z',
  };
  it('reads rows, drops the ones it cannot read, and describes status and filters', () => {
    const rows = toSubscriptionRows({
      subscriptions: [row, { id: 'sub_2' }, { ...row, id: 'sub_3', status: 'odd' }],
    });
    expect(rows.map((r) => r.id)).toEqual(['sub_1']);
    const [first] = rows;
    if (!first) throw new Error('no row');
    expect(describeStatus(first)).toBe('Disabled: the receiver answered 410 Gone');
    expect(describeFilters(first, new Map([['agt_1', 'Support']]))).toBe('All events; agents: Support');
    expect(toSubscriptionRow({ ...row, status: 'paused' })?.status).toBe('paused');
    expect(() => toSubscriptionRows({ nope: true })).toThrow();
  });
});
