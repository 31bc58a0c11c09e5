/** Why a destination was refused. */
export type TargetDenialCode =
  | 'invalid_url'
  | 'scheme_not_allowed'
  | 'credentials_in_url'
  | 'host_denied'
  | 'address_denied'
  | 'unresolvable';

/** The verdict on a destination URL: `code` is stable, `reason` is for people. */
export type TargetCheck =
  | { allowed: true; code: 'allowed'; reason: string; addresses?: string[] }
  | { allowed: false; code: TargetDenialCode; reason: string };

/** A refusal. */
export type TargetDenial = Extract<TargetCheck, { allowed: false }>;

export function deny(code: TargetDenialCode, reason: string): TargetDenial {
  return { allowed: false, code, reason };
}
