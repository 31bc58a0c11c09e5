import { toActionRows } from '../actions/action-rows';
import type { ApiClient } from '../api/api-client';
import { type ImportReport, toImportReport } from './import-report';
import type { StoredAction } from './import-rows';
import type { DocumentSource } from './import-source';

export const IMPORT_PATH = '/actions/import/openapi';

/** The credential the operator gives for one security scheme. */
export type SchemeSecret = { token: string } | { username: string; password: string } | { value: string };

/**
 * A dry run of `POST /actions/import/openapi`: every operation, the servers and the diff with
 * the stored actions; nothing is created. `baseUrl` builds the actions on a chosen server.
 */
export async function previewImport(
  client: ApiClient,
  source: DocumentSource,
  baseUrl?: string,
): Promise<ImportReport> {
  const body = { ...source, ...(baseUrl === undefined ? {} : { baseUrl }), dryRun: true };
  return toImportReport(await client.request('POST', IMPORT_PATH, { body }));
}

/** Creates the chosen operations (by action name) with the credentials asked for. */
export async function createFromImport(
  client: ApiClient,
  source: DocumentSource,
  choice: { operations: readonly string[]; secrets: Record<string, SchemeSecret>; baseUrl?: string },
): Promise<ImportReport> {
  const body = {
    ...source,
    ...(choice.baseUrl === undefined ? {} : { baseUrl: choice.baseUrl }),
    operations: [...choice.operations],
    secrets: choice.secrets,
  };
  return toImportReport(await client.request('POST', IMPORT_PATH, { body }));
}

/** The tenant's stored actions (id and name), to tell a name already taken and to link to it. */
export async function listStoredActions(client: ApiClient): Promise<StoredAction[]> {
  return toActionRows(await client.request('GET', '/actions')).map((row) => ({ id: row.id, name: row.name }));
}
