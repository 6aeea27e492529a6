import 'oauth-elements';

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
