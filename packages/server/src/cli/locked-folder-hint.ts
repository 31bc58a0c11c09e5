import { hostname } from 'node:os';
import { DataDirLockedError, type LockOwner } from '../server/data-dir-lock.js';

/** The commands that open the embedded database, each with what to do while a server holds it. */
export type DatabaseCommand =
  | 'toolgate start'
  | 'toolgate tenants create'
  | 'toolgate secrets rotate'
  | 'toolgate keys create-admin'
  | 'toolgate operators reset-password';

const curlHeaders = `-H "Authorization: Bearer <an admin API key>" -H "Content-Type: application/json"`;

function whileServing(command: DatabaseCommand, url: string, stop: string): string[] {
  switch (command) {
    case 'toolgate start':
      return [
        `That server is already serving this folder at ${url}; use it, ${stop} first, or start this one with another --data folder.`,
      ];
    case 'toolgate keys create-admin':
      return [
        'Ask the running server instead (or use the admin app: API keys):',
        `  curl -X POST ${url}/api/v1/api-keys ${curlHeaders} -d '{"name":"admin","scopes":["admin"]}'`,
        `Without any admin key or sign-in: ${stop}, run this again, then start it.`,
      ];
    case 'toolgate operators reset-password':
      return [
        'Signed in as another admin, add an operator in the admin app (Operators), or:',
        `  curl -X POST ${url}/api/v1/operators ${curlHeaders} -d '{"email":"you@example.com","password":"<a new password>","scopes":["admin"]}'`,
        `Locked out entirely: ${stop}, run this again, then start it.`,
      ];
    case 'toolgate tenants create':
      return [
        `The API has no route that creates tenants: ${stop}, run this again, then start it (the new key is shown once).`,
      ];
    case 'toolgate secrets rotate':
      return [`Rotation re-encrypts the whole database: ${stop}, run this again, then start it.`];
  }
}

/**
 * The full message for a command refused because another process holds the data folder: who
 * holds it, and how to get the same done (through the running server's API, or by stopping it).
 */
export function lockedFolderMessage(error: DataDirLockedError, command: DatabaseCommand): string {
  const owner: LockOwner = error.owner;
  const stop = `stop it (Ctrl-C where it runs, or kill ${owner.pid})`;
  const advice =
    owner.command === 'toolgate start' && owner.url !== undefined
      ? whileServing(command, owner.url, stop)
      : owner.command === 'toolgate start'
        ? [`That server is still starting; ${stop} first, or wait and use its API.`]
        : [`pid ${owner.pid} runs ${owner.command}; run this again when it has finished.`];
  return [
    `${command.replace('toolgate ', '')}: ${error.message}`,
    ...advice.map((line) => `  ${line}`),
    owner.hostname === hostname() || owner.hostname === 'an unknown host'
      ? `  (If pid ${owner.pid} is not Toolgate, the lock is left over: delete ${error.lockPath}.)`
      : `  (Host ${owner.hostname} shares this folder and this host cannot check its pid. If no Toolgate runs there any more, e.g. a container replaced after a crash, the lock is left over: delete ${error.lockPath}.)`,
  ].join('\n');
}

/** Runs `use`, turning a `DataDirLockedError` into an error whose message says what to do instead. */
export async function explainLockedFolder<T>(command: DatabaseCommand, use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new Error(lockedFolderMessage(error, command));
    throw error;
  }
}
