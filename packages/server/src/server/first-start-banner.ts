import { DEMO_AGENT_NAME } from '../demo/seed-demo.js';

/**
 * The first start's credentials, printed once (never a log record): the admin API key, the
 * operator's sign-in and, when the demo was seeded, how to chat with it.
 */
export function firstStartBanner(options: {
  adminKey: string;
  operator: { email: string; password: string };
  url: string;
  demoEndpointUrl: string | undefined;
}): string {
  const { adminKey, operator, url, demoEndpointUrl } = options;
  return [
    '',
    'First start: created the default tenant. These are shown ONCE; store them now.',
    `  API key (all scopes):  ${adminKey}`,
    `  Operator sign-in:      ${operator.email} / ${operator.password}`,
    `  Try: curl -H "Authorization: Bearer ${adminKey}" ${url}/api/v1/actions`,
    ...(demoEndpointUrl === undefined
      ? []
      : [
          `  Demo: the agent "${DEMO_AGENT_NAME}" looks orders up at ${demoEndpointUrl}, a demo endpoint`,
          `        this server runs (TOOLGATE_DEMO=off to disable). Chat: TOOLGATE_API_KEY=<key> npx toolgate chat --agent "${DEMO_AGENT_NAME}"`,
        ]),
    '  Lost them? With the server stopped: toolgate operators reset-password admin@localhost,',
    '  toolgate keys create-admin.',
    '',
  ].join('\n');
}
