import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { type DemoEndpoint, startDemoEndpoint } from './demo-endpoint.js';
import { generateDemoCertificate, readDemoFiles, writeDemoFiles } from './demo-files.js';

/** The demo as this start runs it. */
export interface RunningDemo {
  endpoint: DemoEndpoint;
  /** The certificate the executor must trust for the demo endpoint only. */
  cert: string;
  /** The one exemption the outbound policy gets for it: `127.0.0.1:<port>`. */
  allowEndpoint: string;
  /** A fresh installation: seed the demo action and agent. */
  seed: boolean;
}

/**
 * Starts the demo endpoint when this data folder has (or, being brand new, gets) a demo. Embedded
 * mode only; `TOOLGATE_DEMO=off` turns it off. The port is kept between starts; if it is taken,
 * another is used and the demo action is re-pointed.
 */
export async function prepareDemo(
  db: Kysely<Database>,
  options: { dataDir: string; enabled: boolean },
): Promise<RunningDemo | undefined> {
  if (!options.enabled) return undefined;
  let files = await readDemoFiles(options.dataDir);
  let seed = false;
  if (!files) {
    const anyTenant = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
    if (anyTenant) return undefined;
    files = { port: 0, ...(await generateDemoCertificate()) };
    seed = true;
  }
  const endpoint = await startDemoEndpoint({ ...files, port: files.port }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      return startDemoEndpoint({ ...files, port: 0 });
    },
  );
  if (endpoint.port !== files.port) await writeDemoFiles(options.dataDir, { ...files, port: endpoint.port });
  return { endpoint, cert: files.cert, allowEndpoint: `127.0.0.1:${endpoint.port}`, seed };
}
