import { createClient } from 'oauth-elements';
import { seeds, seedConfig, type SeedId } from './seeds.js';

// The seed providers' callback page: the popup hands its response to the page that opened it.
const via = new URLSearchParams(location.search).get('via');
const status = document.querySelector('#status');
if (via && via in seeds) {
  createClient(seedConfig(via as SeedId))
    .handleRedirect()
    .catch((error: Error & { code?: string }) => {
      if (status) status.textContent = `${error.code ?? 'error'}: ${error.message}`;
    });
} else if (status) {
  status.textContent = 'This page finishes sign-ins of the demo’s other providers.';
}
