// What sealing at rest gives, and what it does not (SECURITY.md, threat model; issue 14, item 1).
import { expect } from 'chai';
import { authorize, issuer, registerClient, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, startSignIn, type App } from './_harness.js';

/** Every record of the kit's database, read as any script of the origin (or DevTools) reads IndexedDB: structured values. */
async function everyRecord(): Promise<Map<string, unknown>> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('oauth-elements');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const store = database.transaction('kv', 'readonly').objectStore('kv');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (request) =>
          new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    return new Map(keys!.map((key, index) => [String(key), values![index]]));
  } finally {
    database.close();
  }
}

/** A record as text, a CryptoKey as its description (it has no enumerable fields). */
const asText = (value: unknown): string =>
  JSON.stringify(value, (_name, field: unknown) =>
    field instanceof CryptoKey
      ? `CryptoKey(${field.type}, ${field.algorithm.name}, extractable: ${field.extractable})`
      : field,
  );

async function signedIn(): Promise<App> {
  const clientId = await registerClient([appPath], {
    grant_types: ['authorization_code', 'refresh_token'],
    scope: 'openid profile email offline_access',
  });
  const app = await openApp({ fromScript: true, dpop: true, clientId, scope: 'openid profile email offline_access' });
  const request = await startSignIn(app);
  await deliver(app, (await authorize(Object.fromEntries(request.searchParams))).href);
  await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
  return app;
}

describe('sealing at rest: what a read of IndexedDB sees, and what it does not stop', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('shows no token text in any IndexedDB value, sessionStorage or localStorage: only ciphertext', async () => {
    const app = await signedIn();
    const session = app.window.appClient.session!;
    const secrets = [session.accessToken, session.refreshToken, session.idToken].filter(
      (token): token is string => typeof token === 'string',
    );
    expect(secrets.length, 'an access, a refresh and an ID token').to.equal(3);
    const records = await everyRecord();
    const mine = [...records].find(([key]) => key.startsWith(`session:${issuer} ${app.clientId} `));
    expect(mine, 'the session is stored').to.not.equal(undefined);
    expect(Object.keys(mine![1] as object).sort()).to.deep.equal(['data', 'iv', 'sealed']);
    const dumps = [
      ...[...records.values()].map(asText),
      JSON.stringify({ ...app.window.sessionStorage }),
      JSON.stringify({ ...app.window.localStorage }),
    ];
    for (const secret of secrets) {
      // The whole token, and its signature alone (a JWT's header is the same for every token).
      for (const piece of [secret, secret.split('.').at(-1)!])
        expect(dumps.some((dump) => dump.includes(piece))).to.equal(false);
    }
  });

  it('keeps every key non-extractable: exportKey fails for the seal key and the DPoP private key, in every format', async () => {
    await signedIn();
    const records = await everyRecord();
    const seal = records.get('key:seal') as CryptoKey;
    const dpop = records.get('key:dpop') as CryptoKeyPair;
    for (const [key, formats] of [
      [seal, ['raw', 'jwk']],
      [dpop.privateKey, ['pkcs8', 'jwk']],
    ] as const) {
      expect(key.extractable).to.equal(false);
      for (const format of formats) {
        const exported = await crypto.subtle.exportKey(format, key).then(
          () => 'exported',
          (error: Error) => error.name,
        );
        expect(exported, `${key.algorithm.name} as ${format}`).to.equal('InvalidAccessError');
      }
    }
  });

  it('does not stop the origin’s script, nor a copy of the profile: the seal key lies in the same database as the session, and opens it', async () => {
    const app = await signedIn();
    const records = await everyRecord();
    const sealed = [...records].find(([key]) => key.startsWith(`session:${issuer} ${app.clientId} `))![1] as {
      iv: string;
      data: string;
    };
    const bytes = (text: string) =>
      Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes(sealed.iv) },
      records.get('key:seal') as CryptoKey,
      bytes(sealed.data),
    );
    expect(new TextDecoder().decode(opened)).to.include(app.window.appClient.session!.accessToken);
  });
});
