/**
 * Signing secrets waiting to be shown once. Creating an action answers with its secret, then the
 * app moves to the action's page: the secret is handed over here, in memory only (never in
 * storage or the URL), and `take` gives it out a single time.
 */
export interface OneTimeSecrets {
  put(actionId: string, secret: string): void;
  /** The secret for the action, once; `undefined` afterwards. */
  take(actionId: string): string | undefined;
}

export function createOneTimeSecrets(): OneTimeSecrets {
  const waiting = new Map<string, string>();
  return {
    put(actionId, secret) {
      waiting.set(actionId, secret);
    },
    take(actionId) {
      const secret = waiting.get(actionId);
      waiting.delete(actionId);
      return secret;
    },
  };
}

/** The app's one store. */
export const newActionSecrets = createOneTimeSecrets();
