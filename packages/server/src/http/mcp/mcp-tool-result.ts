import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallOutcome } from '../../agents/tool-call-service.js';

/** Says that a confirmation is needed but the client cannot ask its user for one. */
export const NO_ELICITATION_REFUSAL =
  'Not called: this action needs the user to confirm it first, and this MCP client did not declare the elicitation capability, so Toolgate cannot ask. Use a client that supports elicitation (form mode), or ask the operator to set the action\'s confirmation to "never".';

function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

/**
 * MCP's wire format of a call's outcome (the agents' tool-call service made it): the result as a
 * model reads it, as JSON in one text block (`isError` when the call failed); a refusal as a tool
 * error that says what to ask the user, which limit was reached, or why nothing was called.
 *
 * @example
 * toMcpResult('check_order_status', { kind: 'called', result: { ok: true, status: 200, data }, callId, replayed: false });
 * // { isError: false, content: [{ type: 'text', text: '{"ok":true,"status":200,"data":{...}}' }] }
 */
export function toMcpResult(name: string, outcome: ToolCallOutcome): CallToolResult {
  switch (outcome.kind) {
    case 'called':
      return {
        isError: !outcome.result.ok,
        content: [{ type: 'text', text: JSON.stringify(outcome.result) }],
      };
    case 'unknown_tool':
      return toolError(
        `There is no tool named "${name}" here (it may have been disabled or removed). List the tools again; available: ${outcome.available.length > 0 ? outcome.available.join(', ') : 'none'}.`,
      );
    case 'invalid_arguments': {
      const questions = [...outcome.missing, ...outcome.invalid].map((entry) => entry.question);
      return toolError(
        `Not called: some arguments are missing or invalid. Ask the user:\n${questions.join('\n')}`,
      );
    }
    case 'not_sendable':
      return toolError(`Not called: ${outcome.message}`);
    case 'limit_reached':
      return toolError(`Not called: a call limit was reached. ${outcome.message}`);
    case 'not_confirmed':
      if (outcome.answer === 'unasked') return toolError(NO_ELICITATION_REFUSAL);
      return toolError(
        `Not called: the user ${outcome.answer === 'decline' ? 'declined' : 'cancelled'} the confirmation.`,
      );
  }
}
