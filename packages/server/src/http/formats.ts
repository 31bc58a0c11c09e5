import { FormatRegistry } from '@sinclair/typebox';

/**
 * Formats the API's schemas use. Deliberately shallow: they catch obvious typing mistakes; the
 * domain validators (action URLs, the outbound policy) make the real decisions.
 */
const FORMATS: Record<string, (value: string) => boolean> = {
  uri: (value) => URL.canParse(value),
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  'date-time': (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value)),
};

for (const [name, check] of Object.entries(FORMATS)) {
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
}
