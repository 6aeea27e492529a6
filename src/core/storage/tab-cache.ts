import { sharedName, tabStorage as storage } from './keys.js';

/** How long a fetched provider document is kept in the tab: enough for a sign-in's round trip. */
const tabCacheLifetime = 10 * 60_000;

/**
 * A provider document this tab fetched less than {@link tabCacheLifetime} ago, so that the page a
 * redirect brings back does not fetch discovery and the JWKS again. Nothing secret is kept here.
 */
export function fromTab<T>(key: string): T | undefined {
  try {
    const entry = JSON.parse(storage()?.getItem(sharedName(key)) ?? 'null') as { at: number; value: T } | null;
    return entry && typeof entry.at === 'number' && Date.now() - entry.at < tabCacheLifetime ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a provider document for {@link fromTab}; a full or missing sessionStorage keeps nothing. */
export function toTab(key: string, value: unknown): void {
  try {
    storage()?.setItem(sharedName(key), JSON.stringify({ at: Date.now(), value }));
  } catch {
    // Only a cache: without it the next page fetches again.
  }
}
