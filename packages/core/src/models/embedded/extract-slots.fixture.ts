import type { ParameterSchema, ParametersSchema } from '../../actions/action-definition.js';
import type { ExtractSlotsOptions } from './extract-slots.js';

/**
 * Friday 2026-03-20, 06:00 in New York (EDT, -04:00, since 2026-03-08): the reference the tests of
 * {@link extractSlots} read relative dates against.
 *
 * @example
 * extractSlots('tomorrow', schemaOf({ day: { type: 'string', format: 'date' } }), NEW_YORK);
 */
export const NEW_YORK: ExtractSlotsOptions = {
  referenceDate: new Date('2026-03-20T10:00:00Z'),
  timezone: 'America/New_York',
  defaultRegion: 'US',
};

/**
 * A parameters schema with these properties.
 *
 * @example
 * schemaOf({ email: { type: 'string', format: 'email' } }); // { type: 'object', properties: { email: ... } }
 */
export function schemaOf(properties: Record<string, ParameterSchema>): ParametersSchema {
  return { type: 'object', properties };
}
