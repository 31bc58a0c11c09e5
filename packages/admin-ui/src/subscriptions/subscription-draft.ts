/** The create/edit form's values. */
export interface SubscriptionDraft {
  url: string;
  description: string;
  /** Empty: every event type. */
  eventTypes: string[];
  /** Empty: every agent. */
  agentIds: string[];
  /** Delays in seconds, comma-separated; empty: the server's schedule. */
  retrySchedule: string;
}

export const EMPTY_DRAFT: SubscriptionDraft = {
  url: '',
  description: '',
  eventTypes: [],
  agentIds: [],
  retrySchedule: '',
};

/** The body the API takes (`CreateSubscriptionBody`, also a full `PatchSubscriptionBody`). */
export interface SubscriptionBody {
  url: string;
  description?: string;
  eventTypes: string[];
  agentIds: string[];
  retryScheduleMs: number[] | null;
}

export type DraftProblems = Partial<Record<'url' | 'retrySchedule', string[]>>;

/** A draft of an existing subscription, to edit it. */
export function draftOf(row: {
  url: string;
  description: string | null;
  eventTypes: string[];
  agentIds: string[];
  retryScheduleMs: number[] | null;
}): SubscriptionDraft {
  return {
    url: row.url,
    description: row.description ?? '',
    eventTypes: [...row.eventTypes],
    agentIds: [...row.agentIds],
    retrySchedule: row.retryScheduleMs === null ? '' : row.retryScheduleMs.map((ms) => ms / 1000).join(', '),
  };
}

/**
 * Checks the draft as the server will (https URL, a schedule of at most 20 delays of 0 s to a
 * day) and builds the body; the server checks again, with the outbound policy.
 */
export function toSubscriptionBody(
  draft: SubscriptionDraft,
): { ok: true; body: SubscriptionBody } | { ok: false; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const url = draft.url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (url === '') problems.url = ['Enter the address events are sent to.'];
  else if (parsed === null) problems.url = ['Enter a full address, like https://example.com/hooks.'];
  else if (parsed.protocol !== 'https:') problems.url = ['The address must start with https://.'];
  let retryScheduleMs: number[] | null = null;
  const schedule = draft.retrySchedule.trim();
  if (schedule !== '') {
    const entries = schedule.split(',').map((entry) => entry.trim());
    const seconds = entries.map(Number);
    if (entries.some((entry) => entry === '' || !/^\d+(\.\d+)?$/.test(entry))) {
      problems.retrySchedule = ['Give delays in seconds separated by commas, like 5, 300, 1800.'];
    } else if (seconds.length > 20) problems.retrySchedule = ['At most 20 retries.'];
    else if (seconds.some((value) => value > 86_400))
      problems.retrySchedule = ['Each delay is at most a day (86400 s).'];
    else retryScheduleMs = seconds.map((value) => Math.round(value * 1000));
  }
  if (problems.url || problems.retrySchedule) return { ok: false, problems };
  const description = draft.description.trim();
  return {
    ok: true,
    body: {
      url,
      ...(description === '' ? {} : { description }),
      eventTypes: [...draft.eventTypes],
      agentIds: [...draft.agentIds],
      retryScheduleMs,
    },
  };
}

/** Adds or removes one item of a chosen list, keeping the given order. */
export function toggled(
  list: readonly string[],
  item: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const next = new Set(list);
  if (on) next.add(item);
  else next.delete(item);
  return order.filter((candidate) => next.has(candidate));
}
