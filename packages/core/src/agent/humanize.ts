/** Short words said as letters: `sku` -> `SKU`. */
const ACRONYMS = new Set([
  'sku',
  'id',
  'url',
  'vin',
  'pin',
  'iban',
  'vat',
  'otp',
  'upc',
  'isbn',
  'po',
  'rma',
]);

/** `order_number` -> `order number`; `sku` -> `SKU`; `orderId` -> `order ID`. */
export function humanize(name: string): string {
  return name
    .replaceAll('_', ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
}
