import { Ajv, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { ToolgateError } from '../errors.js';
import type { ParametersSchema } from './action-definition.js';
import { isE164PhoneNumber } from './normalize-phone.js';
import { ajvRegExpEngine, patternProblem } from './safe-pattern.js';

// ajv-formats is CommonJS; under NodeNext its plugin is the module itself or sits on `.default`.
type AddFormats = (instance: Ajv, formats: string[]) => Ajv;
const addFormats = ((ajvFormats as unknown as { default?: AddFormats }).default ?? ajvFormats) as AddFormats;

/**
 * Distinct parameter schemas kept compiled. A server with more live actions than this recompiles
 * the least recently used ones (about a millisecond each) instead of growing without bound.
 */
export const MAX_COMPILED_VALIDATORS = 1000;

const ajv = new Ajv({
  allErrors: true,
  // Scalars are coerced by normalizeArgument, more strictly than Ajv's coerceTypes would.
  coerceTypes: false,
  // NaN and Infinity are not JSON: refuse them as numbers.
  strictNumbers: true,
  strict: false,
  useDefaults: false,
  // Operators' patterns run with RE2 semantics (linear time), never with the backtracking RegExp.
  code: { regExp: ajvRegExpEngine },
});
addFormats(ajv, ['email', 'date', 'date-time']);
ajv.addFormat('phone', { type: 'string', validate: isE164PhoneNumber });

/** By the caller's schema object: the common case, an action validated once and called often. */
const bySchema = new WeakMap<object, ValidateFunction>();
/** By JSON text, least recently used first; holds what Ajv was given so it can be forgotten. */
const byText = new Map<string, { validate: ValidateFunction; compiled: object }>();

/**
 * An action stored before patterns were checked may hold one RE2 cannot run: it is never handed to
 * a backtracking engine; the call fails naming the pattern, until the action is edited.
 */
function refuseUnsupportedPatterns(schema: ParametersSchema): void {
  for (const [name, property] of Object.entries(schema.properties)) {
    const problem = property.pattern === undefined ? undefined : patternProblem(property.pattern);
    if (problem) {
      throw new ToolgateError(
        'unsupported_pattern',
        `the action's pattern at /parameters/properties/${name}/pattern ${problem}; edit the action to fix it`,
        { details: [{ path: `/parameters/properties/${name}/pattern`, message: problem }] },
      );
    }
  }
}

/**
 * The Ajv validator for an action's arguments, compiled once per schema: looked up by the schema
 * object, then by its JSON text (a bounded cache, so a schema rebuilt per call still hits). The
 * compiled copy omits `required` (missing arguments are found before validation) and is closed
 * with `additionalProperties: false`; the caller's schema is never modified. Schemas are
 * treated as immutable: change one by making a new object. Throws when the schema does not
 * compile (validate definitions with `validateActionDefinition` first), and a `ToolgateError`
 * (`unsupported_pattern`) naming a pattern RE2 cannot run.
 *
 * @example
 * const validate = compileArgumentsValidator(action.parameters);
 * validate({ order_number: 'ORD-1' }); // true
 */
export function compileArgumentsValidator(schema: ParametersSchema): ValidateFunction {
  const known = bySchema.get(schema);
  if (known) return known;
  const text = JSON.stringify(schema);
  let entry = byText.get(text);
  if (entry) byText.delete(text);
  else {
    refuseUnsupportedPatterns(schema);
    const { required: _required, ...rest } = JSON.parse(text) as ParametersSchema;
    const compiled = { ...rest, additionalProperties: false };
    entry = { validate: ajv.compile(compiled), compiled };
    if (byText.size >= MAX_COMPILED_VALIDATORS) {
      const [oldestText, oldest] = byText.entries().next().value as [string, { compiled: object }];
      byText.delete(oldestText);
      // Ajv keeps every compiled schema in its own cache, keyed by object: release it there too.
      ajv.removeSchema(oldest.compiled);
    }
  }
  byText.set(text, entry);
  bySchema.set(schema, entry.validate);
  return entry.validate;
}

/**
 * How many schemas the text cache holds; for tests of its bound.
 *
 * @example
 * compiledValidatorCount(); // 12
 */
export function compiledValidatorCount(): number {
  return byText.size;
}
