import type { WebhookEvent } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import type { CallRunner } from '../calls/call-runner.js';
import { createBackgroundWork } from './background-work.js';
import { webhookTriggerTool } from './webhook-trigger-tool.js';

describe('the webhook trigger tells of each event it sends (lead.captured)', () => {
  it('calls onSent with the checked event and the call id, and not for an invalid one', async () => {
    const sent: Array<{ event: WebhookEvent; callId: string }> = [];
    const delivered: string[] = [];
    const runner = {
      deliver: async (_tenant: string, call: { event: WebhookEvent }) => {
        delivered.push(call.event.event);
        return {} as never;
      },
    } as unknown as CallRunner;
    const background = createBackgroundWork();
    const tool = webhookTriggerTool({
      tenantId: 'tenant_a',
      url: 'https://hooks.example.com/',
      signingSecrets: [],
      origin: { trigger: 'ai_intent' },
      runner,
      background,
      onFailure: (error) => {
        throw error;
      },
      onSent: async (event, callId) => {
        sent.push({ event, callId });
      },
    });
    const result = await tool.run({ event: 'lead_captured', data: { name: 'Ada' } }, 'call_1');
    expect(result).toMatchObject({ ok: true });
    const refused = await tool.run({ event: 'bad name!' }, 'call_2');
    expect(refused).toMatchObject({ ok: false });
    await background.settled();
    expect(delivered).toEqual(['lead_captured']);
    expect(sent).toEqual([{ event: { event: 'lead_captured', data: { name: 'Ada' } }, callId: 'call_1' }]);
  });
});
