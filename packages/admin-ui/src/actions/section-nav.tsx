import { Link } from '../router/link';
import { type ActionSection, type ActionSectionInfo, sectionHref } from './action-sections';

/**
 * The action page's sections as links (each has a URL): a column beside the section at 1280 px,
 * a wrapped row above it on a phone. After a failed save each section says how many of its fields
 * need a change.
 */
export function SectionNav(props: {
  base: string;
  sections: readonly ActionSectionInfo[];
  current: ActionSection;
  counts: Partial<Record<ActionSection, number>>;
}) {
  return (
    <nav class="section-nav" aria-label="Action sections">
      <ul>
        {props.sections.map((section) => {
          const count = props.counts[section.key] ?? 0;
          return (
            <li key={section.key}>
              <Link href={sectionHref(props.base, section.key)} current={section.key === props.current}>
                {section.label}
                {count > 0 && (
                  <span class="problem-count">
                    {' '}
                    ({count} {count === 1 ? 'problem' : 'problems'})
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
