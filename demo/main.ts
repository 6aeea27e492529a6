import { createClient } from 'oauth-elements';
import { seeds, seedConfig, type SeedId } from './seeds.js';

const log = document.querySelector<HTMLPreElement>('#log');
const write = (line: string): void => {
  if (log) log.textContent = `${new Date().toLocaleTimeString()} ${line}\n${log.textContent ?? ''}`;
};

for (const type of ['oauth-login', 'oauth-logout', 'oauth-error'] as const) {
  document.addEventListener(type, (event) => {
    const detail = 'error' in event ? `: ${event.error.code} ${event.error.message}` : '';
    write(`${type}${detail}`);
  });
}

const others = document.querySelector('#other-providers');
for (const id of Object.keys(seeds) as SeedId[]) {
  const button = document.createElement('oauth-login-button');
  button.textContent = seeds[id].label;
  button.setAttribute('client', id);
  button.setAttribute('mode', 'popup');
  button.client = createClient(seedConfig(id));
  const status = document.createElement('oauth-token-status');
  status.setAttribute('client', id);
  const row = document.createElement('div');
  row.append(button, status);
  others?.append(row);
}
