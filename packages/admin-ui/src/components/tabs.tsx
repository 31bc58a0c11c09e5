import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface TabsProps<T extends string> {
  /** Prefix of the ids of the tabs and the panel. */
  id: string;
  label: string;
  tabs: readonly { value: T; label: string }[];
  selected: T;
  /** Called when the operator picks a tab; the caller may refuse by not changing `selected`. */
  onSelect: (value: T) => void;
  children: ComponentChildren;
}

/**
 * Tabs with one panel (WAI-ARIA tabs pattern): the selected tab is in the tab order, arrow keys,
 * Home and End move between tabs and select them.
 */
export function Tabs<T extends string>({ id, label, tabs, selected, onSelect, children }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  // After a keyboard move, focus follows the selection; a refused move leaves both where they were.
  useLayoutEffect(() => {
    if (moved.current) list.current?.querySelector<HTMLElement>(`#${id}-tab-${selected}`)?.focus();
    moved.current = false;
  }, [id, selected]);
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    moved.current = true;
    onSelect(tab.value);
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.value === selected);
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tab-list" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.value}`}
            class="tab"
            aria-selected={tab.value === selected ? 'true' : 'false'}
            aria-controls={`${id}-panel`}
            tabIndex={tab.value === selected ? 0 : -1}
            onClick={() => onSelect(tab.value)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} class="tab-panel">
        {children}
      </div>
    </div>
  );
}
