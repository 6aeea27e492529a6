/** A claim's value as text: a string, or a number (some providers send numeric ids); otherwise nothing. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
