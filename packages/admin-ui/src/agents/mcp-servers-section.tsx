import { useCallback, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import { useResource } from '../hooks/use-resource';
import { McpServerAddForm } from './mcp-server-add-form';
import { MCP_CONFIRMATION_OPTIONS } from './mcp-server-form';
import {
  createMcpServer,
  deleteMcpServer,
  listMcpServers,
  type McpServerBody,
  type McpServerRow,
  type RemoteToolsResult,
  refreshMcpServer,
  setMcpServerConfirmation,
} from './mcp-servers-api';

/**
 * The agent's remote MCP servers: their tools are offered to the agent beside its actions, as
 * `<name>__<tool>`. Add one (URL, auth: a header or OAuth2 client credentials, confirmation), list
 * its tools, change whether the customer confirms calls, remove it.
 */
export function McpServersSection(props: { client: ApiClient; agentId: string; canManage: boolean }) {
  const { client, agentId, canManage } = props;
  const load = useCallback(() => listMcpServers(client, agentId), [client, agentId]);
  const { resource: servers, reload } = useResource(load);
  const [tools, setTools] = useState<Record<string, RemoteToolsResult | 'loading'>>({});
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const act = async (work: () => Promise<string>): Promise<boolean> => {
    setFailure(null);
    setNotice('');
    try {
      setNotice(await work());
      reload();
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    }
  };

  const showTools = async (row: McpServerRow) => {
    setTools((current) => ({ ...current, [row.name]: 'loading' }));
    try {
      const result = await refreshMcpServer(client, agentId, row.name);
      setTools((current) => ({ ...current, [row.name]: result }));
    } catch (error) {
      setTools(({ [row.name]: _dropped, ...rest }) => rest);
      setFailure(error);
    }
  };

  const add = (body: McpServerBody) =>
    act(async () => {
      const created = await createMcpServer(client, agentId, body);
      return `MCP server ${created.name} is added: its tools are named ${created.name}__<tool>.`;
    });

  return (
    <section class="form-section" aria-labelledby="mcp-servers-title">
      <h2 id="mcp-servers-title">Remote MCP servers</h2>
      <p class="section-intro">
        The tools of these servers are offered to the agent beside its actions, named <code>name__tool</code>{' '}
        (the embedded model uses the tools whose parameters are plain values). Every connection goes through
        the outbound policy and every call is in the log.
      </p>
      <p class="form-status" role="status">
        {notice}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}
      {servers.status === 'loading' && <LoadingStatus label="Loading MCP servers…" />}
      {servers.status === 'failed' && <ErrorAlert error={servers.error} onRetry={reload} />}
      {servers.status === 'ready' && servers.data.length === 0 && <p>No MCP server yet.</p>}
      {servers.status === 'ready' &&
        servers.data.map((row) => {
          const listed = tools[row.name];
          return (
            <div key={row.id} class="mcp-server">
              <h3>
                {row.name} {row.enabled ? '' : '(disabled)'}
              </h3>
              <p>
                <code>{row.url}</code> · auth: {row.authType}
              </p>
              <SelectField
                id={`mcp-confirmation-${row.id}`}
                label="Customer confirmation"
                options={MCP_CONFIRMATION_OPTIONS}
                value={row.confirmation}
                disabled={!canManage}
                onValue={(confirmation) =>
                  void act(async () => {
                    await setMcpServerConfirmation(client, agentId, row.name, confirmation);
                    setTools(({ [row.name]: _dropped, ...rest }) => rest);
                    return `MCP server ${row.name}: confirmation is ${confirmation}.`;
                  })
                }
              />
              <div class="button-row">
                <button type="button" class="button button-secondary" onClick={() => void showTools(row)}>
                  {listed === undefined ? 'Show tools' : 'Refresh tools'}
                </button>
                {canManage && (
                  <button
                    type="button"
                    class="button button-danger"
                    onClick={() =>
                      window.confirm(`Remove the MCP server ${row.name} from this agent?`) &&
                      act(async () => {
                        await deleteMcpServer(client, agentId, row.name);
                        return `MCP server ${row.name} is removed.`;
                      })
                    }
                  >
                    Remove
                  </button>
                )}
              </div>
              {listed === 'loading' && <LoadingStatus label={`Connecting to ${row.name}…`} />}
              {listed !== undefined && listed !== 'loading' && <ToolList result={listed} />}
            </div>
          );
        })}
      {canManage && <McpServerAddForm onAdd={add} />}
    </section>
  );
}

function ToolList({ result }: { result: RemoteToolsResult }) {
  if (!result.ok) {
    return (
      <p class="alert alert-error" role="alert">
        Could not list the tools ({result.kind}): {result.message}
      </p>
    );
  }
  return (
    <>
      {result.tools.length === 0 && <p>The server lists no tool the agent may use.</p>}
      <ul>
        {result.tools.map((tool) => (
          <li key={tool.name}>
            <code>{tool.name}</code>: {tool.description}
            {tool.confirm ? ' (asks the customer first)' : ''}
          </li>
        ))}
      </ul>
      {result.skipped.map((reason) => (
        <p key={reason}>Skipped: {reason}</p>
      ))}
    </>
  );
}
