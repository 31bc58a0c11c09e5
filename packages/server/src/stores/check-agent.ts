import {
  insecureHttpAllowed,
  type NetworkAllowlist,
  type TargetCheck,
  ValidationError,
  type ValidationIssue,
} from '@toolgate/core';
import type { ActionStore, StoredAction } from './action-store.js';
import { type AgentSettings, checkAgentSettings } from './agent-settings.js';

/** Agent ids look like this; a name that does would make `/agents/{id|name}` ambiguous. */
export const AGENT_ID = /^agt_[0-9a-f]{32}$/;

/**
 * Everything checked before an agent is saved: its settings, its name, the actions it names and
 * the outbound policy for the URLs it will call. Throws one 422 listing every problem.
 */
export function createAgentChecks(options: {
  actions: ActionStore;
  /** The outbound policy (the server's resolver and allowlist). */
  checkUrl: (url: string) => Promise<TargetCheck>;
  /** Plain-http model URLs must point at an allowlisted address or name (a local model server). */
  allowlist: NetworkAllowlist;
}) {
  async function urlProblems(settings: AgentSettings): Promise<ValidationIssue[]> {
    const issues: ValidationIssue[] = [];
    const check = async (url: string, path: string) => {
      const verdict = await options.checkUrl(url);
      if (!verdict.allowed && verdict.code !== 'unresolvable') {
        issues.push({ path, message: `${verdict.reason} (${verdict.code})` });
      }
    };
    const { baseUrl } = settings.model;
    if (baseUrl !== undefined) {
      const parsed = new URL(baseUrl);
      if (parsed.protocol === 'http:') {
        if (!insecureHttpAllowed(parsed, options.allowlist)) {
          issues.push({
            path: '/model/baseUrl',
            message:
              'must be https; plain http only to a local model server whose address the server allowlists (TOOLGATE_ALLOW_PRIVATE_NETWORKS)',
          });
        }
        // The address policy still applies to an allowlisted http server: check it as https.
        else await check(`https://${baseUrl.slice('http://'.length)}`, '/model/baseUrl');
      } else await check(baseUrl, '/model/baseUrl');
    }
    if (settings.webhookTrigger) await check(settings.webhookTrigger.url, '/webhookTrigger/url');
    return issues;
  }

  async function actionProblems(
    tenantId: string,
    refs: string[] | null,
    listed?: StoredAction[],
  ): Promise<ValidationIssue[]> {
    if (refs === null) return [];
    const known = listed ?? (await options.actions.list(tenantId));
    return refs.flatMap((ref, index) =>
      known.some((action) => action.id === ref || action.definition.name === ref)
        ? []
        : [{ path: `/actions/${index}`, message: `no action of this tenant has the id or name ${ref}` }],
    );
  }

  return async function assertValidAgent(
    tenantId: string,
    name: string,
    settings: AgentSettings,
    hasKey: boolean,
    /**
     * The tenant's actions, listed before a transaction opens: the action store reads outside
     * any transaction, and on the embedded database (one connection) a read waiting behind an
     * open transaction waits forever.
     */
    knownActions?: StoredAction[],
  ): Promise<void> {
    const issues = [
      ...(AGENT_ID.test(name)
        ? [{ path: '/name', message: 'must not look like an agent id (agt_...)' }]
        : []),
      ...checkAgentSettings(settings, hasKey),
      ...(await actionProblems(tenantId, settings.actions, knownActions)),
      ...(await urlProblems(settings)),
    ];
    if (issues.length > 0) {
      throw new ValidationError(
        `the agent has ${issues.length} problem${issues.length > 1 ? 's' : ''}`,
        issues,
      );
    }
  };
}
