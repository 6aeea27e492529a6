// Shared with the mock provider's consent page: a plain function, no Lit, no DOM.

/** Fills `{name}` placeholders (`{user}`, `{client_name}`, `{provider}` …); one without a value stays as it is. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
