// The one way the sign-in's code loads sign-in-extras.ts (what only some configurations need).

/**
 * Starts loading sign-in-extras.ts. A sign-in that will need it starts early, beside its requests; a
 * failure to load then shows where the module is awaited, not as an unhandled rejection before.
 */
export function loadExtras(): Promise<typeof import('./sign-in-extras.js')> {
  const loading = import('./sign-in-extras.js');
  loading.catch(() => undefined);
  return loading;
}
