import { type RotatedSecret, toRotatedSecret } from '../actions/action-view';
import type { ApiClient } from '../api/api-client';
import type { AgentCreateBody, AgentPatchBody } from './agent-draft';
import { type AgentView, type CreatedAgent, toAgentList, toAgentView, toCreatedAgent } from './agent-view';

const agentPath = (id: string) => `/agents/${encodeURIComponent(id)}`;

/** `GET /agents`: every agent of the tenant, sorted by name. */
export async function listAgents(client: ApiClient): Promise<AgentView[]> {
  return toAgentList(await client.request('GET', '/agents'));
}

/** `GET /agents/{id}`: the agent without its model key. */
export async function getAgent(client: ApiClient, id: string): Promise<AgentView> {
  return toAgentView(await client.request('GET', agentPath(id)));
}

/** `POST /agents`: the agent and its signing secret, which the server shows this once. */
export async function createAgent(client: ApiClient, body: AgentCreateBody): Promise<CreatedAgent> {
  return toCreatedAgent(await client.request('POST', '/agents', { body }));
}

/** `PATCH /agents/{id}` with only what changed. */
export async function updateAgent(client: ApiClient, id: string, body: AgentPatchBody): Promise<AgentView> {
  return toAgentView(await client.request('PATCH', agentPath(id), { body }));
}

/** `DELETE /agents/{id}`: the agent and its conversations (their calls stay in the log). */
export async function deleteAgent(client: ApiClient, id: string): Promise<void> {
  await client.request('DELETE', agentPath(id));
}

/** A new signing secret for the webhook trigger, shown this once; the old one signs for 24 hours. */
export async function rotateAgentSecret(client: ApiClient, id: string): Promise<RotatedSecret> {
  return toRotatedSecret(await client.request('POST', `${agentPath(id)}/signing-secret/rotate`));
}
