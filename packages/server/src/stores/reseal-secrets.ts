import type { Kysely } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Database } from '../storage/schema.js';
import { sealedPlace } from './action-secrets.js';
import { agentSecretPlace } from './agent-store.js';
import { channelSecretPlace } from './channel-store.js';
import { remoteMcpSecretPlace } from './remote-mcp-store.js';

/**
 * Re-encrypts every stored secret under the box's current key, in one transaction: after it,
 * older keys can be retired. Returns how many values were re-sealed.
 */
export async function resealSecrets(db: Kysely<Database>, box: SecretBox): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let count = 0;
    const rows = await trx
      .selectFrom('actions')
      .select(['id', 'tenant_id', 'secrets', 'signing_secret', 'previous_signing_secret'])
      .forUpdate()
      .execute();
    for (const row of rows) {
      const reseal = (sealed: string, place: string) => {
        const aad = sealedPlace(row.tenant_id, row.id, place);
        count += 1;
        return box.seal(box.open(sealed, aad), aad);
      };
      const secrets = Object.fromEntries(
        Object.entries(row.secrets).map(([place, sealed]) => [place, reseal(sealed, place)]),
      );
      await trx
        .updateTable('actions')
        .set({
          secrets: JSON.stringify(secrets),
          signing_secret: reseal(row.signing_secret, 'signing'),
          previous_signing_secret:
            row.previous_signing_secret === null
              ? null
              : reseal(row.previous_signing_secret, 'signing-previous'),
        })
        .where('id', '=', row.id)
        .execute();
    }
    const agents = await trx
      .selectFrom('agents')
      .select(['id', 'tenant_id', 'model_key', 'signing_secret', 'previous_signing_secret'])
      .forUpdate()
      .execute();
    for (const row of agents) {
      const reseal = (sealed: string, what: 'model-key' | 'signing' | 'signing-previous') => {
        const aad = agentSecretPlace(row.tenant_id, row.id, what);
        count += 1;
        return box.seal(box.open(sealed, aad), aad);
      };
      await trx
        .updateTable('agents')
        .set({
          model_key: row.model_key === null ? null : reseal(row.model_key, 'model-key'),
          signing_secret: reseal(row.signing_secret, 'signing'),
          previous_signing_secret:
            row.previous_signing_secret === null
              ? null
              : reseal(row.previous_signing_secret, 'signing-previous'),
        })
        .where('id', '=', row.id)
        .execute();
    }
    const channels = await trx
      .selectFrom('channels')
      .select(['id', 'tenant_id', 'secret', 'previous_secret'])
      .forUpdate()
      .execute();
    for (const row of channels) {
      const reseal = (sealed: string, what: 'secret' | 'secret-previous') => {
        const aad = channelSecretPlace(row.tenant_id, row.id, what);
        count += 1;
        return box.seal(box.open(sealed, aad), aad);
      };
      await trx
        .updateTable('channels')
        .set({
          secret: reseal(row.secret, 'secret'),
          previous_secret:
            row.previous_secret === null ? null : reseal(row.previous_secret, 'secret-previous'),
        })
        .where('id', '=', row.id)
        .execute();
    }
    const remote = await trx
      .selectFrom('remote_mcp_servers')
      .select(['id', 'tenant_id', 'secret'])
      .where('secret', 'is not', null)
      .forUpdate()
      .execute();
    for (const row of remote) {
      const aad = remoteMcpSecretPlace(row.tenant_id, row.id);
      count += 1;
      await trx
        .updateTable('remote_mcp_servers')
        .set({ secret: box.seal(box.open(row.secret as string, aad), aad) })
        .where('id', '=', row.id)
        .execute();
    }
    return count;
  });
}
