/** What each bench page offers the driver, on `window.bench`. */
export interface Bench {
  start(): void;
  /** A sign-in in a popup window, where the library has one; resolves with the token. */
  popup?(): Promise<string>;
  /** Finishes a callback if the page is one; the token, or null when signed out. */
  finish(): Promise<string | null>;
  token(): Promise<string>;
  signOut(): Promise<void>;
  changes: Array<{ at: number; signedIn: boolean }>;
}

/** When the page's one script had arrived (ms since navigation start): what is left after it is the library's own. */
export const scriptArrived = (): number | undefined =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.endsWith('.js'))
    ?.responseEnd;

/** Runs `finish` at load and records when the first token was there (ms since navigation start). */
export function exposeBench(bench: Bench): void {
  const state: {
    ready?: boolean;
    token?: string | null;
    at?: number;
    script?: number | undefined;
    wall?: number;
    error?: string;
  } = {};
  Object.assign(globalThis, { bench, benchState: state });
  bench.finish().then(
    (token) =>
      Object.assign(state, { token, at: performance.now(), script: scriptArrived(), wall: Date.now(), ready: true }),
    (error: unknown) => Object.assign(state, { error: String(error), ready: true }),
  );
}
