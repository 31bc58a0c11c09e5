import { useCallback, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { ErrorAlert } from '../components/error-alert';
import { InputField } from '../components/fields';
import { LoadingStatus } from '../components/loading-status';
import { useResource } from '../hooks/use-resource';
import {
  createMcpServer,
  deleteMcpServer,
  listMcpServers,
  type McpServerRow,
  type RemoteToolsResult,
  refreshMcpServer,
} from './mcp-servers-api';

/**
 * The agent's remote MCP servers: their tools are offered to the agent beside its actions, as
 * `<name>__<tool>`. Add one (URL and an optional auth header), list its tools, remove it.
 */
export function McpServersSection(props: { client: ApiClient; agentId: string; canManage: boolean }) {
  const { client, agentId, canManage } = props;
  const load = useCallback(() => listMcpServers(client, agentId), [client, agentId]);
  const { resource: servers, reload } = useResource(load);
  const [tools, setTools] = useState<Record<string, RemoteToolsResult | 'loading'>>({});
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [headerName, setHeaderName] = useState('Authorization');
  const [headerValue, setHeaderValue] = useState('');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const act = async (work: () => Promise<string>) => {
    setFailure(null);
    setNotice('');
    try {
      setNotice(await work());
      reload();
    } catch (error) {
      setFailure(error);
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

  const add = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const auth =
        headerValue === ''
          ? { type: 'none' as const }
          : { type: 'header' as const, name: headerName.trim(), value: headerValue };
      const created = await createMcpServer(client, agentId, { name: name.trim(), url: url.trim(), auth });
      setName('');
      setUrl('');
      setHeaderValue('');
      return `MCP server ${created.name} is added: its tools are named ${created.name}__<tool>.`;
    });
  };

  return (
    <section class="form-section" aria-labelledby="mcp-servers-title">
      <h2 id="mcp-servers-title">Remote MCP servers</h2>
      <p class="section-intro">
        The tools of these servers are offered to the agent beside its actions (LLM models only), named{' '}
        <code>name__tool</code>. Every connection goes through the outbound policy and every call is in the
        log.
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
      {canManage && (
        <form class="channel-form" onSubmit={add}>
          <h3>Add an MCP server</h3>
          <InputField id="mcp-name" label="Name (tool prefix)" value={name} onValue={setName} required mono />
          <InputField
            id="mcp-url"
            label="Streamable HTTP URL"
            type="url"
            value={url}
            onValue={setUrl}
            required
            mono
          />
          <InputField
            id="mcp-header-name"
            label="Auth header"
            value={headerName}
            onValue={setHeaderName}
            mono
          />
          <InputField
            id="mcp-header-value"
            label="Auth header value (write-only; empty: no auth)"
            type="password"
            value={headerValue}
            onValue={setHeaderValue}
          />
          <button type="submit" class="button">
            Add MCP server
          </button>
        </form>
      )}
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
          </li>
        ))}
      </ul>
      {result.skipped.map((reason) => (
        <p key={reason}>Skipped: {reason}</p>
      ))}
    </>
  );
}
