import type { BuiltinTool, BuiltinToolResult, ToolDefinition } from '@toolgate/core';
import { createSecretScrubber, type SecretScrubber } from '@toolgate/core';
import type { Logger } from 'pino';
import type { CallStore } from '../stores/call-store.js';
import type { OpenedRemoteMcpServer, RemoteMcpStore } from '../stores/remote-mcp-store.js';
import { checkRemoteArguments } from './check-remote-arguments.js';
import { capText, loggedResult, resultText } from './remote-call-result.js';
import { callRemoteTool, type RemoteConnectionDeps } from './remote-connection.js';
import { RemoteMcpError, type RemoteMcpFailure } from './remote-mcp-error.js';
import type { OfferedRemoteTool, RemoteToolCatalog } from './remote-tool-catalog.js';

/** Whose turn the tools are for, and where its calls are recorded. */
export interface RemoteTurn {
  tenantId: string;
  agentId: string;
  conversationId: string;
  contactId?: string;
  /** Names already taken (the agent's actions and built-in tools): a remote tool never shadows one. */
  takenNames: ReadonlySet<string>;
  /** Characters of a result the model may read (the agent's `maxResultChars`). */
  maxResultChars: number;
}

/** The server's secret in every spelling, and its credential without a scheme word (`Bearer x`: `x`). */
export function scrubberOf(server: OpenedRemoteMcpServer): SecretScrubber {
  if (server.secret === null) return createSecretScrubber([]);
  const credential = /^\S+\s+(\S.*)$/.exec(server.secret)?.[1];
  return createSecretScrubber(credential ? [server.secret, credential] : [server.secret]);
}

/**
 * The remote MCP tools of an agent's turn, as built-in tools of core's loop (limited and counted
 * like calls there): arguments checked against the tool's `inputSchema`, the call made in its own
 * session through the policy fetch within the server's timeout, the text capped at the agent's
 * `maxResultChars`, and every call written to the execution log with trigger `remote_mcp`. A
 * failure is the tool's result (`ok: false` with its kind), never an exception.
 */
export function createRemoteTurnTools(deps: {
  servers: RemoteMcpStore;
  catalog: RemoteToolCatalog;
  connection: RemoteConnectionDeps;
  calls: CallStore;
  logger: Logger;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  function toolOf(
    turn: RemoteTurn,
    server: OpenedRemoteMcpServer,
    offered: OfferedRemoteTool,
    records: Array<Promise<unknown>>,
  ): BuiltinTool {
    const definition = {
      name: offered.name,
      description: offered.description,
      parameters: offered.inputSchema,
    } as unknown as ToolDefinition;
    const scrubber = scrubberOf(server);
    return {
      definition,
      async run(args, callId): Promise<BuiltinToolResult> {
        const issues = checkRemoteArguments(offered.inputSchema, args);
        if (issues.length > 0) {
          return {
            ok: false,
            message: `Not called: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
          };
        }
        const started = performance.now();
        let outcome: Parameters<typeof loggedResult>[0]['outcome'];
        try {
          const result = await callRemoteTool(deps.connection, server, offered.remoteName, args);
          const text = scrubber.text(resultText(result));
          outcome = result.isError
            ? {
                ok: false,
                text,
                failure: {
                  kind: 'endpoint_error',
                  message: `the tool answered with an error: ${capText(text, turn.maxResultChars).text}`,
                },
              }
            : { ok: true, ...capText(text, turn.maxResultChars) };
        } catch (error) {
          const failure: RemoteMcpFailure =
            error instanceof RemoteMcpError
              ? { kind: error.kind, message: error.message }
              : { kind: 'connect_failed', message: 'the MCP server could not be used' };
          outcome = { ok: false, failure };
        }
        const result = loggedResult({
          callId,
          name: offered.name,
          server,
          remoteName: offered.remoteName,
          args,
          durationMs: Math.round(performance.now() - started),
          scrub: (text) => scrubber.text(text),
          outcome,
        });
        records.push(
          deps.calls
            .record({
              tenantId: turn.tenantId,
              actionId: null,
              trigger: 'remote_mcp',
              conversationId: turn.conversationId,
              contactId: turn.contactId,
              agentId: turn.agentId,
              result,
              at: now(),
            })
            .catch((error: unknown) =>
              deps.logger.error({ err: error, callId }, 'could not record a remote MCP call'),
            ),
        );
        deps.logger.info(
          {
            callId,
            tenantId: turn.tenantId,
            server: server.name,
            tool: offered.remoteName,
            trigger: 'remote_mcp',
            outcome: outcome.ok ? 'ok' : 'failed',
            durationMs: result.durationMs,
          },
          'remote MCP call',
        );
        if (!outcome.ok) return { ok: false, kind: outcome.failure.kind, message: outcome.failure.message };
        return {
          ok: true,
          content: { text: outcome.text, ...(outcome.cut ? { truncated: true } : {}) },
        };
      },
    };
  }

  return {
    /**
     * The tools of the agent's enabled servers for one turn, and a promise of their log records.
     * A server that cannot be listed is left out (and logged); its tools come back when it answers.
     */
    async forTurn(turn: RemoteTurn): Promise<{ tools: BuiltinTool[]; recorded(): Promise<void> }> {
      const records: Array<Promise<unknown>> = [];
      let servers: OpenedRemoteMcpServer[];
      try {
        servers = await deps.servers.enabledFor(turn.tenantId, turn.agentId);
      } catch (error) {
        // A server whose secret does not open (a retired key) must not stop the agent's turns.
        deps.logger.error({ err: error, tenantId: turn.tenantId }, 'could not read the remote MCP servers');
        servers = [];
      }
      const lists = await Promise.all(servers.map((server) => deps.catalog.toolsOf(server)));
      const tools: BuiltinTool[] = [];
      servers.forEach((server, index) => {
        const list = lists[index];
        if (!list) return;
        if (!list.ok) {
          deps.logger.warn(
            {
              tenantId: turn.tenantId,
              server: server.name,
              kind: list.failure.kind,
              reason: list.failure.message,
            },
            'remote MCP server left out of the turn',
          );
          return;
        }
        for (const offered of list.tools) {
          if (!turn.takenNames.has(offered.name)) tools.push(toolOf(turn, server, offered, records));
        }
      });
      return {
        tools,
        async recorded() {
          await Promise.all(records);
        },
      };
    },
  };
}

export type RemoteTurnTools = ReturnType<typeof createRemoteTurnTools>;
