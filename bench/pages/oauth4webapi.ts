import { handWritten, type Pending, type Tokens } from './_oauth4webapi.js';

// The hand-written flow as its examples keep it: the pending sign-in in sessionStorage, the tokens
// in localStorage for every tab, unsealed; the id_token's claims checked, not its signature.
const tokensKey = `o4w-tokens:${(JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string }).clientId}`;

handWritten({
  putPending: async (pending) => sessionStorage.setItem('pkce', JSON.stringify(pending)),
  takePending: async () => {
    const pending = JSON.parse(sessionStorage.getItem('pkce') ?? 'null') as Pending | null;
    sessionStorage.removeItem('pkce');
    return pending ?? undefined;
  },
  putTokens: async (tokens) => localStorage.setItem(tokensKey, JSON.stringify(tokens)),
  tokens: async () => (JSON.parse(localStorage.getItem(tokensKey) ?? 'null') as Tokens | null) ?? undefined,
  clear: async () => localStorage.removeItem(tokensKey),
});
