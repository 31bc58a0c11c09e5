import { NotFoundError } from '@toolgate/core';
import type { ParameterQuestion, ShapedResult, ToolCallOutcome } from '../../agents/tool-call-service.js';

/** The refusal a caller of the tools API reads: no call was made, and what to ask or wait for. */
interface Refusal {
  ok: false;
  status: null;
  callId: null;
  error: { kind: 'invalid_arguments' | 'limit_reached' | 'confirmation_required'; message: string };
  /** invalid_arguments: the first question to ask. */
  ask?: string;
  missing?: ParameterQuestion[];
  invalid?: Array<ParameterQuestion & { message: string }>;
  /** confirmation_required: what to read back, and the arguments as they would be sent. */
  confirmation?: { question: string; arguments: Record<string, unknown> };
}

/** The body of `POST /tools/call` (docs/architecture/tools-api.md): a tool result for every outcome. */
export type ToolApiAnswer = (ShapedResult & { callId: string; replayed?: true }) | Refusal;

const refusal = (kind: Refusal['error']['kind'], message: string): Refusal => ({
  ok: false,
  status: null,
  callId: null,
  error: { kind, message },
});

/**
 * The tools API's wire format of a call's outcome. An unknown or disabled tool is the API's 404
 * (`NotFoundError`), as an unknown agent is.
 */
export function toolApiAnswer(name: string, outcome: ToolCallOutcome): ToolApiAnswer {
  switch (outcome.kind) {
    case 'called':
      return {
        ...outcome.result,
        callId: outcome.callId,
        ...(outcome.replayed ? { replayed: true as const } : {}),
      };
    case 'unknown_tool':
      throw new NotFoundError(`enabled tool ${name}`);
    case 'invalid_arguments':
      return {
        ...refusal('invalid_arguments', outcome.message),
        ask:
          outcome.missing[0]?.question ??
          outcome.invalid[0]?.question ??
          'Could you give me those details again?',
        missing: outcome.missing,
        invalid: outcome.invalid,
      };
    case 'not_sendable':
      return refusal('invalid_arguments', outcome.message);
    case 'limit_reached':
      return refusal('limit_reached', outcome.message);
    case 'not_confirmed':
      return {
        ...refusal(
          'confirmation_required',
          `${name} asks for the user's confirmation before it runs: ask them the confirmation question and, once they agree, send the same call again with confirmed: true`,
        ),
        confirmation: { question: outcome.question, arguments: outcome.arguments },
      };
  }
}
