import type { Static } from '@sinclair/typebox';
import { describe, expectTypeOf, it } from 'vitest';
import type { AgentInput, AgentPatch, AgentView as StoredAgentView } from '../../stores/agent-settings.js';
import type { AgentView, CreateAgentBody, PatchAgentBody } from './agents.js';

/**
 * The agent store declares what it takes and shows as plain types (it does not import the HTTP
 * layer); the API's schemas must describe exactly those. These fail to compile (`npm run
 * typecheck`) when the two drift apart.
 */
describe("the agent API's schemas match the agent store's types", () => {
  it('a create body is an AgentInput', () => {
    expectTypeOf<Static<typeof CreateAgentBody>>().toEqualTypeOf<AgentInput>();
  });
  it('a patch body is an AgentPatch', () => {
    expectTypeOf<Static<typeof PatchAgentBody>>().toEqualTypeOf<AgentPatch>();
  });
  it('the view the store builds is the documented Agent', () => {
    expectTypeOf<Static<typeof AgentView>>().toEqualTypeOf<StoredAgentView>();
  });
});
