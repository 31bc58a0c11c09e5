import { useLayoutEffect, useState } from 'preact/hooks';
import { fieldId } from '../components/field-text';
import { useRouter } from '../router/router-context';
import { sectionHref, sectionOfControl } from './action-sections';

/**
 * `reveal(control)` for the error summary: goes to the section that holds the control (its URL),
 * and once that section is shown, scrolls to the control and focuses it.
 */
export function useSectionFocus(base: string, section: string): (control: string) => void {
  const router = useRouter();
  const [wanted, setWanted] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (wanted === null) return;
    const target = document.getElementById(fieldId(wanted));
    if (target === null) return;
    target.scrollIntoView({ block: 'center' });
    target.focus();
    setWanted(null);
  }, [wanted, section]);
  return (control: string) => {
    setWanted(control);
    router.navigate(sectionHref(base, sectionOfControl(control)));
  };
}
