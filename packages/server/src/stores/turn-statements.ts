import { CompiledQuery } from 'kysely';
import type { CallRow } from './call-record.js';

/**
 * The statements every conversation turn runs, written out once: Kysely's query building showed
 * in CPU profiles of the chat benchmark, and these have no optional parts worth building per
 * call. Each works on both engines (PGlite and PostgreSQL); `$n` may repeat, with one type.
 */

const BEGIN_TURN = (onlyAgent: boolean) => `
  update conversations
  set busy_until = $1, lease_id = $2
  where tenant_id = $3 and id = $4 and (busy_until is null or busy_until < $5)${onlyAgent ? ' and agent_id = $7' : ''}
  returning id, agent_id, contact_id, metadata, message_count, created_at, updated_at, state,
    (select coalesce(jsonb_agg(latest.content order by latest.seq), '[]'::jsonb)
     from (
       select seq, content from messages
       where conversation_id = $4 and role <> 'event'
       order by seq desc limit $6
     ) latest) as history`;
const BEGIN_ANY_AGENT = BEGIN_TURN(false);
const BEGIN_ONE_AGENT = BEGIN_TURN(true);

/** Takes the conversation's lease (when free or expired) and reads its state and latest messages. */
export function beginTurnQuery(input: {
  tenantId: string;
  id: string;
  leaseId: string;
  at: Date;
  busyUntil: Date;
  historyMessages: number;
  agentId: string | undefined;
}): CompiledQuery {
  const parameters: unknown[] = [
    input.busyUntil,
    input.leaseId,
    input.tenantId,
    input.id,
    input.at,
    input.historyMessages,
  ];
  if (input.agentId === undefined) return CompiledQuery.raw(BEGIN_ANY_AGENT, parameters);
  parameters.push(input.agentId);
  return CompiledQuery.raw(BEGIN_ONE_AGENT, parameters);
}

const WRITE_TURN_CTES = `
  with updated as (
    update conversations
    set state = $1::jsonb,
        message_count = message_count + $2::int,
        busy_until = null,
        lease_id = null,
        updated_at = $3
    where tenant_id = $4 and id = $5 and lease_id = $6
    returning message_count, updated_at, agent_id
  ), inserted as (
    insert into messages (conversation_id, seq, role, content, call_id, created_at)
    select $5, updated.message_count - $2::int + m.i, m.role, m.content, m.call_id, updated.updated_at
    from updated, jsonb_to_recordset($7::jsonb) as m(i int, role text, content jsonb, call_id text)
    returning 1
  )`;
const WRITE_TURN_COUNTS = `
  select (select count(*) from updated) as updated, (select count(*) from inserted) as inserted,
         (select agent_id from updated) as agent_id, (select message_count from updated) as message_count`;
const WRITE_TURN = WRITE_TURN_CTES + WRITE_TURN_COUNTS;

/**
 * Saves the state, frees the conversation and appends the messages (`rows`, JSON of
 * `{ i, role, content, call_id }`) with the next sequence numbers, only under this lease.
 */
export function writeTurnQuery(input: {
  tenantId: string;
  id: string;
  leaseId: string;
  at: Date;
  stateJson: string;
  rowCount: number;
  rowsJson: string;
  /** The turn's calls' log records (`callRowsJson`), written whether or not the lease held. */
  callRowsJson?: string;
}): CompiledQuery {
  const parameters: unknown[] = [
    input.stateJson,
    input.rowCount,
    input.at,
    input.tenantId,
    input.id,
    input.leaseId,
    input.rowsJson,
  ];
  if (input.callRowsJson === undefined) return CompiledQuery.raw(WRITE_TURN, parameters);
  parameters.push(input.callRowsJson);
  return CompiledQuery.raw(WRITE_TURN_WITH_CALLS, parameters);
}

type CallColumn = keyof CallRow;
/**
 * Every column of a call's row (`toCallRow`) with its SQL type: a column added there and not
 * here fails the type check, so no statement below can leave one out.
 */
const CALL_COLUMN_TYPES: Record<CallColumn, string> = {
  id: 'text',
  tenant_id: 'text',
  action_id: 'text',
  action_name: 'text',
  conversation_id: 'text',
  contact_id: 'text',
  actor: 'text',
  mcp_session_id: 'text',
  trigger: 'text',
  idempotency_key: 'text',
  request: 'jsonb',
  status: 'int',
  response: 'jsonb',
  result: 'jsonb',
  outcome: 'text',
  failure_kind: 'text',
  duration_ms: 'double precision',
  created_at: 'timestamptz',
};
const CALL_COLUMNS = Object.keys(CALL_COLUMN_TYPES) as CallColumn[];

/**
 * A delivery's retry reuses its call id (the `webhook-id`): the log keeps its latest attempt.
 * Never across tenants: a conflicting id of another tenant changes nothing.
 */
const RECORD_CALL = `
  insert into calls (${CALL_COLUMNS.join(', ')})
  values (${CALL_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
  on conflict (id) do update set ${CALL_COLUMNS.filter((column) => column !== 'id' && column !== 'tenant_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}
  where calls.tenant_id = excluded.tenant_id`;

/** Records one call in the execution log (the row of `toCallRow`). */
export function recordCallQuery(row: CallRow): CompiledQuery {
  return CompiledQuery.raw(
    RECORD_CALL,
    CALL_COLUMNS.map((column) => row[column]),
  );
}

/** JSON's null in a jsonb column stays the jsonb null a single insert stores, not SQL NULL. */
const JSON_NULL_COLUMNS = new Set<CallColumn>(['request', 'response']);

/**
 * The turn's statement with its calls' records: a data-modifying CTE runs whatever the others
 * find, so the records are written even when the lease was lost (and the turn is refused).
 */
const WRITE_TURN_WITH_CALLS = `${WRITE_TURN_CTES}, recorded as (
    insert into calls (${CALL_COLUMNS.join(', ')})
    select ${CALL_COLUMNS.map((column) => (JSON_NULL_COLUMNS.has(column) ? `coalesce(c.${column}, 'null'::jsonb)` : `c.${column}`)).join(', ')}
    from jsonb_to_recordset($8::jsonb) as c(${CALL_COLUMNS.map((column) => `${column} ${CALL_COLUMN_TYPES[column]}`).join(', ')})
    on conflict (id) do update set ${CALL_COLUMNS.filter(
      (column) => column !== 'id' && column !== 'tenant_id',
    )
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')}
    where calls.tenant_id = excluded.tenant_id
    returning 1
  )${WRITE_TURN_COUNTS}`;

/** Rows of `toCallRow` as one JSON array for `writeTurnQuery` (their JSON columns spliced in as they are). */
export function callRowsJson(rows: readonly CallRow[]): string {
  const json = (column: CallColumn, value: unknown) =>
    CALL_COLUMN_TYPES[column] === 'jsonb' ? String(value) : JSON.stringify(value ?? null);
  return `[${rows
    .map((row) => `{${CALL_COLUMNS.map((column) => `"${column}":${json(column, row[column])}`).join(',')}}`)
    .join(',')}]`;
}
