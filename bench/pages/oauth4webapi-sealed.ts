import { createStore, del, get, getMany, promisifyRequest, set } from 'idb-keyval';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthorizationServer } from 'oauth4webapi';
import { handWritten, type Pending, type Tokens } from './_oauth4webapi.js';

// The same hand-written flow under the kit's house rules: the pending sign-in and the tokens in
// IndexedDB, the tokens sealed with AES-GCM under a non-extractable key kept beside them, the
// id_token's signature checked with jose against the provider's JWKS. Tuned as the kit is, so that
// it is the floor of those rules and not a straw man: one IndexedDB transaction per read, the key
// made before the page leaves, discovery kept in sessionStorage across the redirect, the JWKS fetched
// beside the token request. Not shipped: beside the kit it shows what the rules cost any library.
const db = createStore('o4w-sealed', 'kv');
const clientId = (JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string }).clientId;
const tokensKey = `tokens:${clientId}`;
const pendingKey = `pending:${clientId}`;
interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const newKey = async (): Promise<CryptoKey> => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await set('key', key, db);
  return key;
};
let sealKey: Promise<CryptoKey> | undefined;

handWritten(
  {
    prepare: async () => {
      const key = await get<CryptoKey>('key', db);
      sealKey = key ? Promise.resolve(key) : newKey();
      await sealKey;
    },
    putPending: (pending) => set(pendingKey, pending, db),
    // Read and deleted in one readwrite transaction, with the seal key beside it.
    takePending: () =>
      db('readwrite', async (store) => {
        const [key, pending] = [store.get('key'), store.get(pendingKey)];
        store.delete(pendingKey);
        await promisifyRequest(store.transaction);
        sealKey = Promise.resolve((key.result as CryptoKey | undefined) ?? newKey());
        return pending.result as Pending | undefined;
      }),
    putTokens: async (tokens) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        await (sealKey ??= newKey()),
        new TextEncoder().encode(JSON.stringify(tokens)),
      );
      await set(tokensKey, { iv, data } satisfies Sealed, db);
    },
    tokens: async () => {
      const [key, sealed] = await getMany<CryptoKey | Sealed | undefined>(['key', tokensKey], db);
      if (!(key instanceof CryptoKey) || !sealed || sealed instanceof CryptoKey) return undefined;
      sealKey = Promise.resolve(key);
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
      return JSON.parse(new TextDecoder().decode(plain)) as Tokens;
    },
    clear: () => del(tokensKey, db),
  },
  {
    discovery: {
      get: () =>
        (JSON.parse(sessionStorage.getItem('o4w-discovery') ?? 'null') as AuthorizationServer | null) ?? undefined,
      put: (as) => sessionStorage.setItem('o4w-discovery', JSON.stringify(as)),
    },
    idTokenCheck: (as) => {
      const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));
      jwks.reload().catch(() => undefined);
      return async (idToken, audience) => void (await jwtVerify(idToken, jwks, { issuer: as.issuer, audience }));
    },
  },
);
