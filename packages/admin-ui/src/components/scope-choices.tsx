import type { ComponentChildren } from 'preact';
import { CheckboxField, FieldErrors } from './fields';

/** One scope a key or an operator may hold, with what it allows. */
export interface ScopeChoice<S extends string = string> {
  scope: S;
  description: string;
}

/**
 * The "Scopes (at least one)" checkboxes of a form: one box a scope, its description as the
 * hint, the group's errors above the boxes and tied to the group by `aria-describedby`.
 */
export function ScopeChoices<S extends string>(props: {
  /** The group's id; its errors are `${id}-error`. */
  id: string;
  choices: readonly ScopeChoice<S>[];
  selected: readonly S[];
  errors: readonly string[] | undefined;
  boxId: (scope: string) => string;
  onToggle: (scope: S, on: boolean) => void;
  /** The group's title; "Scopes (at least one)" unless said. */
  legend?: ComponentChildren;
  disabled?: boolean;
  /** Announce the errors as they appear (a form saved in place, without an error summary). */
  announceErrors?: boolean;
}) {
  const invalid = props.errors !== undefined && props.errors.length > 0;
  return (
    <fieldset class="field choice-group" aria-describedby={invalid ? `${props.id}-error` : undefined}>
      <legend>
        {props.legend ?? (
          <>
            Scopes<span class="required-mark"> (at least one)</span>
          </>
        )}
      </legend>
      {props.announceErrors && invalid ? (
        <div role="alert">
          <FieldErrors id={props.id} errors={props.errors} />
        </div>
      ) : (
        <FieldErrors id={props.id} errors={props.errors} />
      )}
      {props.choices.map(({ scope, description }) => (
        <CheckboxField
          key={scope}
          id={props.boxId(scope)}
          label={<code>{scope}</code>}
          hint={description}
          checked={props.selected.includes(scope)}
          disabled={props.disabled}
          onChecked={(on) => props.onToggle(scope, on)}
        />
      ))}
    </fieldset>
  );
}
