// The kit under the strict policy SECURITY.md and README give (issue 14, item 11): every sign-in, the token status
// and the consent element on a page with no 'unsafe-inline' and Trusted Types required, with no violation reported.
// Firefox enforces the CSP but knows no Trusted Types.
import { expect } from 'chai';
import { registerClient, waitFor } from '../_mock.js';
import { cspAppPath, cspReportPath } from './_csp.js';
import { decideConsent, openApp, pressForPopup, type App } from './_harness.js';

interface CspWindow extends Window {
  cspViolations: { directive: string; blocked: string; sample: string }[];
}

const reports = async (): Promise<
  { 'csp-report'?: { 'blocked-uri'?: string; 'violated-directive'?: string; 'document-uri'?: string } }[]
> => (await fetch(cspReportPath)).json();

/**
 * Sets off one known violation in the page (an image from a host the policy does not allow), waits for it both in the
 * page's `securitypolicyviolation` events and at the report endpoint, and answers everything else either saw.
 */
async function violationsBesidesCanary(app: App, reportsBefore: number): Promise<unknown[]> {
  const canary = `canary-${crypto.randomUUID()}.invalid`;
  const image = app.document.createElement('img');
  image.src = `https://${canary}/x.png`;
  app.document.body.append(image);
  const page = app.window as unknown as CspWindow;
  await waitFor(() => page.cspViolations.some((entry) => entry.blocked.includes(canary)), 'the canary in the page');
  const sent = await (async () => {
    for (;;) {
      const all = (await reports()).slice(reportsBefore);
      if (all.some((report) => report['csp-report']?.['blocked-uri']?.includes(canary))) return all;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return [
    ...page.cspViolations.filter((entry) => !entry.blocked.includes(canary)),
    ...sent.filter((report) => !report['csp-report']?.['blocked-uri']?.includes(canary)),
  ];
}

async function expectSignedIn(app: App): Promise<void> {
  await waitFor(() => app.events().includes('oauth-login'), 'oauth-login');
  await waitFor(() => app.statusText().includes('Signed in as Alice Liddell'), 'the status to show the user');
}

describe('the kit under a strict Content-Security-Policy with Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('serves the test page with the policy, which blocks what it should', async () => {
    const policy = (await fetch(cspAppPath)).headers.get('content-security-policy') ?? '';
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ])
      expect(policy).to.include(directive);
    expect(policy).not.to.include('unsafe');
  });

  it('signs in by redirect with the drop-in bundle, shows the token status and a consent element: no violation', async () => {
    const before = (await reports()).length;
    const app = await openApp({ clientId: await registerClient([cspAppPath]), page: cspAppPath, mode: 'redirect' });
    app.button().shadowRoot.querySelector('button')?.click();
    await decideConsent(() => app.window);
    await expectSignedIn(app);
    const consent = app.document.createElement('oauth-consent-popup');
    consent.setAttribute('client-name', 'Photo app');
    consent.setAttribute('client-uri', 'https://photos.example/');
    consent.setAttribute(
      'scopes',
      JSON.stringify([
        { id: 'openid', name: 'Sign-in', icon: 'person' },
        { id: 'photos', name: 'Photos', description: 'See the photos of {user}' },
      ]),
    );
    consent.toggleAttribute('open', true);
    app.document.body.append(consent);
    await waitFor(() => consent.shadowRoot?.querySelector('dialog[open] [part="approve"]'), 'the consent dialog');
    expect(await violationsBesidesCanary(app, before)).to.deep.equal([]);
  });

  it('signs in through a popup, whose callback page has the policy too: no violation', async () => {
    const before = (await reports()).length;
    const app = await openApp({ clientId: await registerClient([cspAppPath]), page: cspAppPath, mode: 'popup' });
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await expectSignedIn(app);
    await waitFor(() => popup.closed, 'the popup to close');
    expect(await violationsBesidesCanary(app, before)).to.deep.equal([]);
  });
});
