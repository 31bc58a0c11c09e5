import { ToolgateError } from '../../errors.js';
import type { TargetDenial } from '../policy/target-verdict.js';

/**
 * Raised inside the connector when a destination fails the policy at connect time. The executor
 * turns it into a `blocked` result; it never reaches callers as an exception.
 */
export class TargetBlockedError extends ToolgateError {
  readonly check: TargetDenial;

  constructor(check: TargetDenial) {
    super('target_blocked', check.reason);
    this.name = 'TargetBlockedError';
    this.check = check;
  }
}
