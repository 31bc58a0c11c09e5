/** Longest action or parameter name (the name rule's 64 characters). */
const MAX_NAME_LENGTH = 64;

/**
 * An identifier as snake_case that fits the action and parameter name rule
 * (`^[a-z][a-z0-9_]{0,63}$`): camelCase split, other characters become `_`, runs collapsed, a
 * leading digit prefixed. Returns `fallback` when nothing usable is left.
 *
 * @example
 * toSnakeName('getPetById'); // 'get_pet_by_id'
 * toSnakeName('X-Request-ID'); // 'x_request_id'
 * toSnakeName('2fa-code'); // 'n_2fa_code'
 */
export function toSnakeName(text: string, fallback = 'value'): string {
  const snake = text
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (snake === '') return fallback;
  const started = /^[a-z]/.test(snake) ? snake : `n_${snake}`;
  return started.slice(0, MAX_NAME_LENGTH).replace(/_+$/, '');
}

/** Hands out names unique within one set: the second `list_items` becomes `list_items_2`. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(name: string): string {
    let candidate = name;
    for (let suffix = 2; this.taken.has(candidate); suffix += 1) {
      const tail = `_${suffix}`;
      candidate = `${name.slice(0, MAX_NAME_LENGTH - tail.length)}${tail}`;
    }
    this.taken.add(candidate);
    return candidate;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/** The action name of an operation: its `operationId`, else its method and path. */
export function operationName(method: string, path: string, operationId: string | undefined): string {
  if (operationId !== undefined) return toSnakeName(operationId, `${method}_operation`);
  const fromPath = path.replace(/\{([^}]*)\}/g, 'by_$1');
  return toSnakeName(`${method}_${fromPath}`, `${method}_operation`);
}
