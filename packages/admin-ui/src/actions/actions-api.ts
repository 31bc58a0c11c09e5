import type { ApiClient } from '../api/api-client';
import type { ActionInputBody, ActionPatchBody } from './action-bodies';
import { toActionRows } from './action-rows';
import {
  type ActionView,
  type CreatedAction,
  type RotatedSecret,
  toActionView,
  toCreatedAction,
  toRotatedSecret,
} from './action-view';
import { type ActionListRow, withCallSummaries } from './call-summaries';
import { type TestOutcome, type TestRequestBody, toTestOutcome } from './test-console/test-result';

const actionPath = (id: string) => `/actions/${encodeURIComponent(id)}`;

/** `GET /actions` with `GET /calls/by-action`: every action of the tenant and its recent calls. */
export async function listActions(client: ApiClient): Promise<ActionListRow[]> {
  const [actions, calls] = await Promise.all([
    client.request('GET', '/actions'),
    client.request('GET', '/calls/by-action'),
  ]);
  return withCallSummaries(toActionRows(actions), calls);
}

/** How many actions the tenant has (`GET /actions`), for the limit shown beside it. */
export async function countActions(client: ApiClient): Promise<number> {
  return toActionRows(await client.request('GET', '/actions')).length;
}

/** Turns an action on or off for agents. */
export async function setActionEnabled(client: ApiClient, id: string, enabled: boolean): Promise<void> {
  await client.request('PATCH', actionPath(id), { body: { enabled } });
}

/** `GET /actions/{id}`: the action without secret values. */
export async function getAction(client: ApiClient, id: string): Promise<ActionView> {
  return toActionView(await client.request('GET', actionPath(id)));
}

/** `POST /actions`: the action and its signing secret, which the server shows this once. */
export async function createAction(client: ApiClient, body: ActionInputBody): Promise<CreatedAction> {
  return toCreatedAction(await client.request('POST', '/actions', { body }));
}

/** `PATCH /actions/{id}` with only what changed. */
export async function updateAction(
  client: ApiClient,
  id: string,
  body: ActionPatchBody,
): Promise<ActionView> {
  return toActionView(await client.request('PATCH', actionPath(id), { body }));
}

/** `DELETE /actions/{id}` (204): the action goes; its calls stay in the execution log. */
export async function deleteAction(client: ApiClient, id: string): Promise<void> {
  await client.request('DELETE', actionPath(id));
}

/** A new signing secret, shown this once; the previous one keeps signing for 24 hours. */
export async function rotateSigningSecret(client: ApiClient, id: string): Promise<RotatedSecret> {
  return toRotatedSecret(await client.request('POST', `${actionPath(id)}/signing-secret/rotate`));
}

/** `POST /actions/{id}/test`: a dry run or a live call of the saved action. */
export async function testAction(client: ApiClient, id: string, body: TestRequestBody): Promise<TestOutcome> {
  return toTestOutcome(await client.request('POST', `${actionPath(id)}/test`, { body }));
}
