import type { FieldMessages } from './action-form-errors';

/**
 * The action page in sections, each at a URL of its own: `/actions/:id` (Definition),
 * `/actions/:id/parameters`, `/auth`, `/conversation`, `/test`; the same under `/actions/new`
 * (without Test: only a saved action can be tested).
 */
export const ACTION_SECTIONS = [
  { key: 'definition', label: 'Definition', slug: '' },
  { key: 'parameters', label: 'Parameters', slug: 'parameters' },
  { key: 'auth', label: 'Auth & secrets', slug: 'auth' },
  { key: 'conversation', label: 'Conversation', slug: 'conversation' },
  { key: 'test', label: 'Test', slug: 'test' },
] as const;

export type ActionSection = (typeof ACTION_SECTIONS)[number]['key'];
export type ActionSectionInfo = (typeof ACTION_SECTIONS)[number];

/** The section of a URL's last segment (`undefined` for the action's own URL), or `null` for none. */
export function sectionFromSlug(slug: string | undefined): ActionSection | null {
  if (slug === undefined || slug === '') return 'definition';
  return ACTION_SECTIONS.find((section) => section.slug !== '' && section.slug === slug)?.key ?? null;
}

/**
 * The URL of a section under the action's URL (`/actions/new` or `/actions/<id>`).
 *
 * @example
 * sectionHref('/actions/act_1', 'test'); // '/actions/act_1/test'
 */
export function sectionHref(base: string, section: ActionSection): string {
  const slug = ACTION_SECTIONS.find((entry) => entry.key === section)?.slug ?? '';
  return slug === '' ? base : `${base}/${slug}`;
}

/** The sections a screen has: no Test for a new action or an operator who may only read. */
export function sectionsFor(options: { saved: boolean; canManage: boolean }): ActionSectionInfo[] {
  return ACTION_SECTIONS.filter((section) => section.key !== 'test' || (options.saved && options.canManage));
}

/** Which section holds a control of the form (a server pointer or a row path of `draft-values`). */
export function sectionOfControl(control: string): ActionSection {
  if (control.startsWith('/parameters') || control.startsWith('#parameter/')) return 'parameters';
  if (
    control.startsWith('/headers') ||
    control.startsWith('#header/') ||
    control.startsWith('/auth') ||
    control.startsWith('/signing')
  ) {
    return 'auth';
  }
  if (control.startsWith('/conversation') || control.startsWith('#rateLimit/')) return 'conversation';
  return 'definition';
}

/** How many controls of each section show a problem, for the section navigation. */
export function problemCounts(messages: FieldMessages): Partial<Record<ActionSection, number>> {
  const counts: Partial<Record<ActionSection, number>> = {};
  for (const [control, list] of Object.entries(messages)) {
    if (list.length === 0) continue;
    const section = sectionOfControl(control);
    counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}
