import { type ActionDefinition, checkCodeSource, type TargetCheck, ValidationError } from '@toolgate/core';

/**
 * The outbound policy at save time, for the action's URL and an OAuth2 token URL, each refusal at
 * its own pointer (`/url`, `/auth/tokenUrl`); a name that does not resolve yet is accepted (every
 * request re-checks).
 *
 * @example
 * await assertUrlsAllowed(definition, (url) => checkTarget(url)); // throws a ValidationError
 */
export async function assertUrlsAllowed(
  definition: ActionDefinition,
  checkUrl: (url: string) => Promise<TargetCheck>,
): Promise<void> {
  const targets = [{ url: definition.url, path: '/url', what: 'the URL' }];
  if (definition.auth?.type === 'oauth2_client_credentials') {
    targets.push({ url: definition.auth.tokenUrl, path: '/auth/tokenUrl', what: 'the token URL' });
  }
  const checks = await Promise.all(targets.map((target) => checkUrl(target.url)));
  const refused = targets.flatMap((target, index) => {
    const check = checks[index] as TargetCheck;
    return !check.allowed && check.code !== 'unresolvable' ? [{ target, check }] : [];
  });
  const first = refused[0];
  if (!first) return;
  throw new ValidationError(
    `${first.target.what} is not allowed: ${first.check.reason}`,
    refused.map(({ target, check }) => ({ path: target.path, message: `${check.reason} (${check.code})` })),
  );
}

/** A code action's source must compile: the syntax error is shown at save, at `/code/source`. */
export async function assertCodeCompiles(definition: ActionDefinition, enabled: boolean): Promise<void> {
  if (!definition.code) return;
  if (!enabled)
    throw new ValidationError('code actions are off on this server', [
      {
        path: '/code',
        message:
          'code actions are off on this server (TOOLGATE_CODE_ACTIONS=off): an operator turns them back on by removing the setting or with TOOLGATE_CODE_ACTIONS=on (docs/architecture/code-actions.md)',
      },
    ]);
  const issues = await checkCodeSource(definition.code.source, '/code/source');
  if (issues.length > 0) throw new ValidationError('the code does not compile', issues);
}
