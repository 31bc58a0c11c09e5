import type { ParameterSchema } from '../../actions/action-definition.js';
import { deriveExampleShape } from './derive-example-shape.js';
import { isConsentParameter } from './find-consent.js';
import { isIdParameter } from './id-parameter.js';
import { inferStringStrategy, patternAccepts } from './infer-string-strategy.js';
import type { SlotStrategy } from './slot-strategy.js';

export type { SlotStrategy } from './slot-strategy.js';

/**
 * The order parameters are searched in: the most specific readings first, so that text taken by
 * one (an email, a phone number, a date) is not read again by a looser one (an id shape, a
 * quantity, free text).
 *
 * @example
 * STRATEGY_ORDER.indexOf('email') < STRATEGY_ORDER.indexOf('free-text'); // true
 */
export const STRATEGY_ORDER: readonly SlotStrategy[] = [
  'email',
  'phone',
  'time',
  'date-time',
  'date',
  'pattern',
  'example-shape',
  'id',
  'enum',
  'number',
  'person-name',
  'organization',
  'consent',
  'boolean',
  'free-text',
];

/**
 * How to look for one parameter, or `undefined` when it is not looked for. A string is read by
 * its format, else its enum, what its `name` or description says it holds (a time, a phone
 * number, an email, a date, a person's name: {@link inferStringStrategy}) when its pattern, if
 * any, accepts such values, else its pattern, the shape of
 * its examples, or as an identifier when its name or description says it is one (`order_id`,
 * `sku`, "the booking reference"); with none of these it is free text, taken only when the agent
 * just asked for it (`asked`). A boolean is only read when
 * asked too: a lone "yes" or "no" says nothing about which question it answers; a consent
 * (`consent`, "agrees to receive marketing") is also read unasked from words that say what is
 * agreed to ("I agree", "no marketing"). Numbers and
 * integers are always looked for (their enum, if any, is checked on the numbers found).
 *
 * @example
 * chooseSlotStrategy({ type: 'string', format: 'email' }, false); // 'email'
 * chooseSlotStrategy({ type: 'string', examples: ['ORD-1'] }, false); // 'example-shape'
 * chooseSlotStrategy({ type: 'string' }, false); // undefined
 * chooseSlotStrategy({ type: 'string' }, true); // 'free-text'
 * chooseSlotStrategy({ type: 'string' }, false, 'order_id'); // 'id'
 */
export function chooseSlotStrategy(
  schema: ParameterSchema,
  asked: boolean,
  name = '',
): SlotStrategy | undefined {
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return asked ? 'boolean' : isConsentParameter(name, schema) ? 'consent' : undefined;
    case 'string':
      return stringStrategy(schema, asked, name);
    default:
      return undefined;
  }
}

function stringStrategy(schema: ParameterSchema, asked: boolean, name: string): SlotStrategy | undefined {
  if (schema.format !== undefined) return schema.format;
  if (schema.enum !== undefined && schema.enum.length > 0) return 'enum';
  const inferred = inferStringStrategy(name, schema);
  if (inferred !== undefined && patternAccepts(inferred, schema)) return inferred;
  if (schema.pattern !== undefined) return 'pattern';
  if (deriveExampleShape(schema.examples) !== undefined) return 'example-shape';
  if (isIdParameter(name, schema)) return 'id';
  return asked ? 'free-text' : undefined;
}
