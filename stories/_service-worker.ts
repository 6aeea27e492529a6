// The mock provider in a Service Worker, for a story that signs in for real with no server at all:
// the worker, the drop-in bundle (the consent page's element) and the popup's callback page are served
// beside Storybook's iframe.html (see .storybook/vite.config.ts), in `storybook dev` and in the static build.
const here = new URL('.', location.href);

/** The worker's issuer. */
export const workerIssuer = new URL('./sw-mock/oidc', here).href;

/** Where the popup returns: a page that hands the response to this one. */
export const workerCallback = new URL('./sign-in-callback.html', here).href;

/** Starts the worker (once), waits until it controls this page, and registers a public client (RFC 7591); resolves to its id. */
export async function startMockWorker(): Promise<string> {
  const script = new URL('./mock-provider-sw.js', here);
  script.search = new URLSearchParams({
    basePath: new URL('./sw-mock', here).pathname,
    consentScript: new URL('./oauth-elements.js', here).pathname,
  }).toString();
  await navigator.serviceWorker.register(script, { scope: here.pathname });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  }
  const response = await fetch(`${workerIssuer}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Storybook',
      client_uri: 'https://storybook.js.org',
      redirect_uris: [workerCallback],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid profile email offline_access',
    }),
  });
  if (response.status !== 201) throw new Error(`the mock provider refused the registration (${response.status})`);
  return ((await response.json()) as { client_id: string }).client_id;
}
