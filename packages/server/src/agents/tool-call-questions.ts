import { askAgain, askFor, type validateArguments } from '@toolgate/core';

/** A question for the user about one parameter. */
export interface ParameterQuestion {
  parameter: string;
  question: string;
}

type Invalid = Extract<ReturnType<typeof validateArguments>, { valid: false }>;

/**
 * Arguments core refused, as what to ask: one question per missing value (core's `askFor`) and
 * per invalid one (`askAgain`), the words the agent would use, with the validator's issues.
 */
export function argumentRefusal(checked: Invalid): {
  kind: 'invalid_arguments';
  message: string;
  missing: ParameterQuestion[];
  invalid: Array<ParameterQuestion & { message: string }>;
} {
  return {
    kind: 'invalid_arguments',
    message: checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    missing: checked.missing.map((entry) => ({ parameter: entry.name, question: askFor(entry) })),
    invalid: checked.invalid.map((entry) => ({
      parameter: entry.name,
      message: entry.message,
      question: askAgain(entry),
    })),
  };
}
