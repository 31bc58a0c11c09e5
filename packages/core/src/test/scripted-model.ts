import type { ChatModel, ModelRequest, ModelResponse } from '../agent/chat-model.js';

/**
 * A model that answers from a script, for testing the loop around models: each step takes the
 * next entry (a response, or a function of the request); the requests it saw are kept.
 */
export function scriptedModel(
  script: Array<Partial<ModelResponse> | ((request: ModelRequest) => Partial<ModelResponse>) | Error>,
): ChatModel & {
  requests: ModelRequest[];
} {
  const requests: ModelRequest[] = [];
  return {
    kind: 'scripted',
    requests,
    async respond(request) {
      requests.push(structuredClone({ ...request, signal: undefined }));
      const next = script.shift();
      if (next === undefined) throw new Error('the script has no more steps');
      if (next instanceof Error) throw next;
      const partial = typeof next === 'function' ? next(request) : next;
      return { text: '', toolCalls: [], ...partial };
    },
  };
}
