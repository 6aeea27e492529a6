import { invalidConfig } from '../core/errors.js';

// A server helper's option mistakes are OAuthErrors (`invalid_config`), found where they are made, as the core's are.

/** Refuses a missing or empty string option (`invalid_config`). */
export function required(options: object, ...names: string[]): void {
  for (const name of names) {
    const value = (options as Record<string, unknown>)[name];
    if (typeof value !== 'string' || value === '') throw invalidConfig(`${name} is required`);
  }
}

/**
 * An absolute URL option, normalised; anything else is refused (`invalid_config`).
 * @see https://url.spec.whatwg.org/#concept-absolute-url-with-fragment-string
 */
export function urlOption(value: string, name: string): URL {
  if (!URL.canParse(value)) throw invalidConfig(`${name} must be an absolute URL`);
  return new URL(value);
}
