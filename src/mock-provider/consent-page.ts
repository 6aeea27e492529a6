import { isImageIcon } from '../elements/consent-popup/image-icon.js';
import { fill } from '../elements/text.js';
import { escapeHtml } from './responses.js';
import type { ConsentStep } from './control.js';
import type { Interaction, MockClient, MockUser } from './state.js';

/** How a scope is shown to the user on the consent page. */
export interface ScopeDisplay {
  id: string;
  name: string;
  description: string;
  icon?: string;
  /** Cannot be left out of a partial grant. */
  required?: boolean;
}

/** The standard OpenID scopes, described. */
const oidcScopes: Record<string, Omit<ScopeDisplay, 'id'>> = {
  openid: { name: 'Sign-in', description: 'Let {client_name} know that you are {user}', icon: 'person' },
  profile: { name: 'Profile', description: 'Read your name and picture', icon: 'id-card' },
  email: { name: 'Email', description: 'Read your email address', icon: 'envelope' },
  offline_access: { name: 'Stay signed in', description: 'Keep access while you are away', icon: 'clock' },
};

/**
 * The consent page: `<oauth-consent-popup>` over a plain form that also works without script. With script the
 * user may leave scopes out (`partial`, posted as one `scope` field); without, the plain form grants all or nothing.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#Consent
 */
export function consentPage(options: {
  action: string;
  interaction: Interaction;
  client: MockClient;
  users: MockUser[];
  consentScript: string | undefined;
  /** The provider's own scope definitions (panel, redguy), before the OpenID ones. */
  scopes?: ScopeDisplay[] | undefined;
  /** A scripted user: the page answers (as the first account) or closes itself after `after` ms. */
  autoStep?: { step: ConsentStep; after: number };
}): string {
  const { action, interaction, client, users, consentScript } = options;
  const scopes: ScopeDisplay[] = interaction.scope
    .split(' ')
    .filter(Boolean)
    .map((id) => {
      const defined = options.scopes?.find((scope) => scope.id === id);
      const required = (defined as { default?: boolean } | undefined)?.default ? { required: true } : {};
      return defined
        ? {
            id,
            name: defined.name,
            description: defined.description,
            ...(defined.icon ? { icon: defined.icon } : {}),
            ...required,
          }
        : { id, ...(oidcScopes[id] ?? { name: id, description: id }) };
    });
  const icon = (scope: ScopeDisplay): string =>
    scope.icon && isImageIcon(scope.icon) ? `<img src="${escapeHtml(scope.icon)}" alt="" width="20" height="20"> ` : '';
  const attr = (name: string, value: string | undefined): string => (value ? ` ${name}="${escapeHtml(value)}"` : '');
  const accounts = users
    .map(
      (user, index) =>
        `<label><input type="radio" name="user" value="${escapeHtml(user.sub)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(user.name)}</label>`,
    )
    .join('\n        ');
  const scopeItems = scopes
    .map(
      (scope) =>
        `<li>${icon(scope)}<strong>${escapeHtml(scope.name)}</strong>: ${escapeHtml(fill(scope.description, { user: users[0]?.name ?? 'you', client_name: client.client_name }))}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in to ${escapeHtml(client.client_name)}</title>
  ${consentScript ? `<script type="module" src="${escapeHtml(consentScript)}"></script>` : ''}
  <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}fieldset{border:0;padding:0}</style>
</head>
<body>
  <form method="post" action="${escapeHtml(action)}">
    <input type="hidden" name="interaction" value="${escapeHtml(interaction.id)}">
    <oauth-consent-popup name="decision" open partial${attr('client-name', client.client_name)}${attr('client-uri', client.client_uri)}${attr('logo-uri', client.logo_uri)}${attr('user', users[0]?.name)} scopes="${escapeHtml(JSON.stringify(scopes))}">
      <fieldset slot="account">
        <legend>Sign in as</legend>
        ${accounts}
      </fieldset>
      <div class="no-script">
        <h1>${escapeHtml(client.client_name)} asks to</h1>
        <ul>${scopeItems}</ul>
        <button name="decision" value="approve">Allow</button>
        <button name="decision" value="deny">Deny</button>
      </div>
    </oauth-consent-popup>
  </form>${options.autoStep ? autoStepScript(action, interaction.id, options.autoStep) : ''}
</body>
</html>`;
}

function autoStepScript(
  action: string,
  interaction: string,
  { step, after }: { step: ConsentStep; after: number },
): string {
  const answer =
    step === 'close'
      ? 'window.close()'
      : `const f = Object.assign(document.createElement('form'), { method: 'post', action: ${JSON.stringify(action)} });
    for (const [name, value] of [['interaction', ${JSON.stringify(interaction)}], ['decision', ${JSON.stringify(step)}]]) f.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
    document.body.append(f);
    f.submit();`;
  return `\n  <script>setTimeout(() => {\n    ${answer}\n  }, ${Number(after)});</script>`;
}

/** A page for an authorization request that must not be redirected (unknown client or redirect URI). */
export function errorPage(error: string, description: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
<body><h1>Sign-in error</h1><p><code>${escapeHtml(error)}</code>: ${escapeHtml(description)}</p></body></html>`;
}
