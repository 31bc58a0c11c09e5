import type { WizardStep } from './import-errors';

export const STEPS: readonly { step: WizardStep; label: string }[] = [
  { step: 'source', label: 'Document' },
  { step: 'operations', label: 'Operations' },
  { step: 'connection', label: 'Base URL and credentials' },
  { step: 'result', label: 'Created' },
];

/**
 * The steps as a numbered list, the current one marked `aria-current="step"`; an earlier step is
 * a button back to it (until the actions are created: then the wizard only starts over).
 */
export function WizardSteps({
  current,
  reachable,
  onGo,
}: {
  current: WizardStep;
  /** Steps the operator may go back to. */
  reachable: readonly WizardStep[];
  onGo: (step: WizardStep) => void;
}) {
  return (
    <nav aria-label="Import steps">
      <ol class="wizard-steps">
        {STEPS.map(({ step, label }, index) => {
          const text = `${index + 1}. ${label}`;
          return (
            <li key={step} class={step === current ? 'wizard-step-current' : undefined}>
              {step === current ? (
                <span aria-current="step">{text}</span>
              ) : reachable.includes(step) ? (
                <button type="button" class="link-button" onClick={() => onGo(step)}>
                  {text}
                </button>
              ) : (
                <span class="secondary-text">{text}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
