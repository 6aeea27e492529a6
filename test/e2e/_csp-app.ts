// The app of _csp-app.html: the drop-in bundle's one tag, as a page without script of its own has it, plus the
// token status; it records the policy violations the page sees. Its configuration comes from sessionStorage.
export {};

interface CspAppWindow extends Window {
  cspViolations: { directive: string; blocked: string; sample: string }[];
  appEvents: { type: string; code?: string }[];
  appClient: unknown;
}
const app = window as unknown as CspAppWindow;
app.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) =>
  app.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
);

const {
  bundle = '/dist/oauth-elements.js',
  mode = 'redirect',
  issuer,
  clientId,
} = JSON.parse(sessionStorage.getItem('oauth-test-app') ?? '{}') as Record<string, string>;
await import(bundle);
const button = document.createElement('oauth-login-button') as HTMLElement & { client: unknown };
for (const [name, value] of Object.entries({ mode, issuer: issuer ?? '', 'client-id': clientId ?? '' }))
  button.setAttribute(name, value);
app.appEvents = [];
for (const type of ['oauth-login', 'oauth-logout', 'oauth-error']) {
  document.addEventListener(type, (event) =>
    app.appEvents.push({ type, code: (event as Event & { error?: { code: string } }).error?.code }),
  );
}
document.body.append(button, document.createElement('oauth-token-status'));
app.appClient = button.client;
