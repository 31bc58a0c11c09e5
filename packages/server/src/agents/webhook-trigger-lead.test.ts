import type { WebhookEvent } from '@toolgate/core';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../deliveries/delivery-types.js';
import { webhookTriggerTool } from './webhook-trigger-tool.js';

describe('the webhook trigger tells of each event it queues (lead.captured)', () => {
  it('queues the delivery and calls onSent with the checked event and the call id, not for an invalid one', async () => {
    const sent: Array<{ event: WebhookEvent; callId: string }> = [];
    const queued: NewDelivery[] = [];
    const tool = webhookTriggerTool({
      tenantId: 'tenant_a',
      origin: { agentId: 'agt_1', conversationId: 'cnv_1' },
      queue: (delivery) => queued.push(delivery),
      onSent: (event, callId) => {
        sent.push({ event, callId });
      },
    });
    const result = await tool.run({ event: 'lead_captured', data: { name: 'Ada' } }, 'call_1');
    expect(result).toMatchObject({ ok: true });
    const refused = await tool.run({ event: 'bad name!' }, 'call_2');
    expect(refused).toMatchObject({ ok: false });
    expect(queued.map((delivery) => [delivery.kind, delivery.id])).toEqual([['webhook_trigger', 'call_1']]);
    expect(sent).toEqual([{ event: { event: 'lead_captured', data: { name: 'Ada' } }, callId: 'call_1' }]);
  });
});
