import { expect } from 'chai';
import { challengeOf, createVerifier } from '../../src/core/sign-in/pkce.js';
import { authorize, callback, mockOf, register, tokenRequest, waitFor, type Registration } from '../_mock.js';

const at = mockOf('panel');
const confidential = { token_endpoint_auth_method: 'client_secret_post', scope: undefined };

const fragmentOf = (url: URL): URLSearchParams => new URLSearchParams(url.hash.slice(1));
const user = (accessToken: string) =>
  fetch(`${at.issuer}/api/user?${new URLSearchParams({ access_token: accessToken })}`);
const authorizeUrl = (params: Record<string, string>) => `${at.issuer}/oauth/authorize?${new URLSearchParams(params)}`;

async function signIn(
  client: Registration,
  params: Record<string, string> = {},
): Promise<Record<string, unknown> & { access_token: string; refresh_token?: string; scope?: string }> {
  const url = await authorize(
    { response_type: 'code', client_id: client.client_id, redirect_uri: callback, state: 'ps', ...params },
    'approve',
    at,
  );
  const code = url.searchParams.get('code') ?? '';
  const response = await tokenRequest(
    {
      grant_type: 'authorization_code',
      code,
      client_id: client.client_id,
      client_secret: client.client_secret ?? '',
      redirect_uri: callback,
    },
    at,
  );
  return response.json();
}

describe('mock provider: panel profile', () => {
  let client: Registration;
  before(async () => {
    client = await register(['/test/_callback.html'], { ...confidential, scope: 'user.read user.email repo.read' }, at);
  });

  it('registers name, description, icon, homepage and the client settings as RFC 7591 extension fields, with a generated id and secret', async () => {
    const created = await register(
      ['/test/_callback.html'],
      {
        ...confidential,
        client_name: 'Panel app',
        description: 'reads your profile',
        logo_uri: `${location.origin}/logo.png`,
        client_uri: `${location.origin}/`,
        allow_implicit_grant: true,
        enforce_state_validation: true,
        require_exact_redirect_uri: false,
        access_token_lifetime: 120,
      },
      at,
    );
    expect(created.client_id).to.be.a('string');
    expect(created.client_secret).to.be.a('string');
    expect(created).to.include({
      client_name: 'Panel app',
      description: 'reads your profile',
      scope: 'user.read',
      allow_implicit_grant: true,
      enforce_state_validation: true,
      require_exact_redirect_uri: false,
      access_token_lifetime: 120,
    });
    expect(created['grant_types']).to.include.members(['authorization_code', 'refresh_token', 'implicit']);
  });

  it('takes redirect_uris as one space-separated string, as the panel form does', async () => {
    const created = await register(
      [],
      { ...confidential, redirect_uris: `${callback} ${location.origin}/test/other.html` },
      at,
    );
    expect(created['redirect_uris']).to.deep.equal([callback, `${location.origin}/test/other.html`]);
  });

  it('refuses a scope panel does not define and a setting that is not a boolean', async () => {
    const refused = async (extra: Record<string, unknown>) =>
      (
        await fetch(`${at.issuer}/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ redirect_uris: [callback], ...extra }),
        })
      ).json();
    expect((await refused({ scope: 'admin' })).error).to.equal('invalid_client_metadata');
    expect((await refused({ enforce_state_validation: 'yes' })).error).to.equal('invalid_client_metadata');
  });

  it('adds the default scope user.read even when the request does not name it', async () => {
    expect((await signIn(client)).scope).to.equal('user.read');
    expect(String((await signIn(client, { scope: 'user.email' })).scope).split(' ')).to.have.members([
      'user.email',
      'user.read',
    ]);
  });

  it('exchanges a code at /oauth/token only with client_secret and the redirect_uri, issuing a refresh token, no-store', async () => {
    const url = await authorize(
      { response_type: 'code', client_id: client.client_id, redirect_uri: callback, state: 's' },
      'approve',
      at,
    );
    const code = url.searchParams.get('code') ?? '';
    const base = { grant_type: 'authorization_code', code, client_id: client.client_id };
    expect((await tokenRequest({ ...base, redirect_uri: callback }, at)).status).to.equal(401);
    expect(
      (await (await tokenRequest({ ...base, client_secret: client.client_secret ?? '' }, at)).json()).error,
    ).to.equal('invalid_grant');
  });

  it('issues tokens and rotates refresh tokens; a reused refresh token revokes the sign-in', async () => {
    const first = await signIn(client);
    expect(first.refresh_token).to.be.a('string');
    const refresh = (refreshToken: string) =>
      tokenRequest(
        {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: client.client_id,
          client_secret: client.client_secret ?? '',
        },
        at,
      );
    const rotated = await (await refresh(first.refresh_token ?? '')).json();
    expect(rotated.refresh_token).to.be.a('string').and.not.equal(first.refresh_token);
    expect((await (await refresh(first.refresh_token ?? '')).json()).error).to.equal('invalid_grant');
    expect((await user(rotated.access_token)).status).to.equal(401);
  });

  it('lets a public client with PKCE use /oauth/token, and requires PKCE of it', async () => {
    const spa = await register(['/test/_callback.html'], { token_endpoint_auth_method: 'none', scope: undefined }, at);
    const verifier = createVerifier();
    const url = await authorize(
      {
        response_type: 'code',
        client_id: spa.client_id,
        redirect_uri: callback,
        state: 's',
        code_challenge: await challengeOf(verifier),
        code_challenge_method: 'S256',
      },
      'approve',
      at,
    );
    const response = await tokenRequest(
      {
        grant_type: 'authorization_code',
        code: url.searchParams.get('code') ?? '',
        client_id: spa.client_id,
        code_verifier: verifier,
        redirect_uri: callback,
      },
      at,
    );
    expect(response.status).to.equal(200);
    const bare = await authorize(
      { response_type: 'code', client_id: spa.client_id, redirect_uri: callback, state: 's' },
      'approve',
      at,
    );
    expect(bare.searchParams.get('error')).to.equal('invalid_request');
  });

  it('serves /api/user with the token in the access_token query; email only with user.email', async () => {
    const readOnly = await signIn(client);
    const body = await (await user(readOnly.access_token)).json();
    expect(body).to.deep.equal({ id: 'alice', username: 'alice', name: 'Alice Liddell' });
    const withEmail = await signIn(client, { scope: 'user.email' });
    expect((await (await user(withEmail.access_token)).json()).email).to.equal('alice@example.com');
  });

  it('refuses /api/user without the query token, even with an Authorization header, and a forged one', async () => {
    const { access_token: accessToken } = await signIn(client);
    expect(
      (await fetch(`${at.issuer}/api/user`, { headers: { authorization: `Bearer ${accessToken}` } })).status,
    ).to.equal(401);
    const forged = await user('forged');
    expect(forged.status).to.equal(401);
    expect((await forged.json()).error).to.equal('invalid_token');
  });

  it('honours a client’s access_token_lifetime', async () => {
    const short = await register(['/test/_callback.html'], { ...confidential, access_token_lifetime: 42 }, at);
    expect((await signIn(short)).expires_in).to.equal(42);
  });

  it('with exact matching off, takes a redirect URI under a registered one and nothing else', async () => {
    const loose = await register(['/test/'], { ...confidential, require_exact_redirect_uri: false }, at);
    const url = await authorize(
      { response_type: 'code', client_id: loose.client_id, redirect_uri: callback, state: 's' },
      'approve',
      at,
    );
    expect(url.href.startsWith(callback)).to.equal(true);
    expect(url.searchParams.get('code')).to.be.a('string');
    for (const elsewhere of [
      `${location.origin}/tests/_callback.html`,
      `${location.origin}/other/`,
      'https://evil.example/test/',
    ]) {
      expect(
        (
          await fetch(
            authorizeUrl({ response_type: 'code', client_id: loose.client_id, redirect_uri: elsewhere, state: 's' }),
          )
        ).status,
      ).to.equal(400);
    }
  });

  it('with exact matching on (the default), refuses any redirect URI but the registered one', async () => {
    const strict = await register(['/test/'], confidential, at);
    expect(strict['require_exact_redirect_uri']).to.equal(true);
    expect(
      (
        await fetch(
          authorizeUrl({ response_type: 'code', client_id: strict.client_id, redirect_uri: callback, state: 's' }),
        )
      ).status,
    ).to.equal(400);
    expect(
      (
        await fetch(
          authorizeUrl({
            response_type: 'code',
            client_id: strict.client_id,
            redirect_uri: `${location.origin}/test/?x=1`,
            state: 's',
          }),
        )
      ).status,
    ).to.equal(400);
  });

  it('with enforce_state_validation on, refuses a request without state', async () => {
    const enforcing = await register(['/test/_callback.html'], { ...confidential, enforce_state_validation: true }, at);
    const url = await authorize(
      { response_type: 'code', client_id: enforcing.client_id, redirect_uri: callback },
      'approve',
      at,
    );
    expect(url.searchParams.get('error')).to.equal('invalid_request');
    const relaxed = await authorize(
      { response_type: 'code', client_id: client.client_id, redirect_uri: callback },
      'approve',
      at,
    );
    expect(relaxed.searchParams.get('code')).to.be.a('string');
  });

  it('grants implicit only to a client that allows it, the token in the fragment with state', async () => {
    const implicit = await register(['/test/_callback.html'], { ...confidential, allow_implicit_grant: true }, at);
    const url = await authorize(
      { response_type: 'token', client_id: implicit.client_id, redirect_uri: callback, state: 'pi' },
      'approve',
      at,
    );
    expect(fragmentOf(url).get('access_token')).to.be.a('string');
    expect(fragmentOf(url).get('state')).to.equal('pi');
    expect((await user(fragmentOf(url).get('access_token') ?? '')).status).to.equal(200);
    const refused = await authorize(
      { response_type: 'token', client_id: client.client_id, redirect_uri: callback, state: 'pi' },
      'approve',
      at,
    );
    expect(fragmentOf(refused).get('error')).to.equal('unsupported_response_type');
  });

  it('shows scope names, descriptions with the user’s and client’s names, and icons on the consent page', async () => {
    const named = await register(
      ['/test/_callback.html'],
      { ...confidential, client_name: 'Panel app', scope: 'user.read repo.read' },
      at,
    );
    const page = await (
      await fetch(
        authorizeUrl({
          response_type: 'code',
          client_id: named.client_id,
          redirect_uri: callback,
          state: 's',
          scope: 'repo.read',
        }),
      )
    ).text();
    expect(page).to.include('Read your profile').and.include('Let Panel app see the name and id of Alice Liddell');
    expect(page)
      .to.include('Panel app may list the repositories of Alice Liddell')
      .and.include('<img src="/favicon.ico"');
    const frame = document.createElement('iframe');
    frame.src = authorizeUrl({
      response_type: 'code',
      client_id: named.client_id,
      redirect_uri: callback,
      state: 's',
      scope: 'repo.read',
    });
    document.body.append(frame);
    try {
      const shown = await waitFor(() => {
        const root = frame.contentDocument?.querySelector('oauth-consent-popup')?.shadowRoot;
        return root?.textContent?.includes('Let Panel app see the name and id of Alice Liddell') && root;
      }, 'the consent dialog');
      expect(shown.textContent).to.include('Repositories');
      expect(shown.querySelector('img[src="/favicon.ico"]')).to.not.equal(null);
    } finally {
      frame.remove();
    }
  });

  it('never redirects to an unregistered redirect URI or for an unknown client', async () => {
    expect(
      (
        await fetch(
          authorizeUrl({ response_type: 'code', client_id: client.client_id, redirect_uri: 'https://evil.example/cb' }),
        )
      ).status,
    ).to.equal(400);
    expect(
      (await fetch(authorizeUrl({ response_type: 'code', client_id: 'nobody', redirect_uri: callback }))).status,
    ).to.equal(400);
  });
});
