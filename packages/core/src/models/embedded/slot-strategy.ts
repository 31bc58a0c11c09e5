/**
 * How a parameter's value is looked for in a reply.
 *
 * @example
 * const strategy: SlotStrategy = 'example-shape'; // ids shaped like the examples, `ORD-12345`
 */
export type SlotStrategy =
  | 'email'
  | 'phone'
  | 'time'
  | 'date-time'
  | 'date'
  | 'pattern'
  | 'example-shape'
  | 'id'
  | 'enum'
  | 'number'
  | 'person-name'
  | 'organization'
  | 'consent'
  | 'boolean'
  | 'free-text';
