/**
 * Reading what a parameter is from its name: `orderNumber`, `order_number` and `order-number`
 * all say the same words.
 */

/**
 * The words of a parameter name, lower case: snake, kebab and camel case split.
 *
 * @example
 * nameWords('trackingNumber'); // ['tracking', 'number']
 * nameWords('booking_reference'); // ['booking', 'reference']
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/**
 * The words of a description, lower case, for looking up cue words ("the order number").
 *
 * @example
 * descriptionWords('The order number.'); // ['the', 'order', 'number']
 */
export function descriptionWords(description: string | undefined): string[] {
  return (description ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
