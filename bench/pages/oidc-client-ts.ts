import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { exposeBench } from './_bench.js';

const { clientId } = JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string };
// Each tab its own UserManager, sharing the user through localStorage; renewal with the refresh token.
const manager = new UserManager({
  authority: `${location.origin}/mock/oidc`,
  client_id: clientId,
  redirect_uri: `${location.origin}${location.pathname}`,
  scope: 'openid profile',
  userStore: new WebStorageStateStore({ store: localStorage }),
  automaticSilentRenew: true,
  accessTokenExpiringNotificationTimeInSeconds: 2,
});
exposeBench({
  start: () => void manager.signinRedirect(),
  finish: async () => {
    if (!new URLSearchParams(location.search).has('code')) return (await manager.getUser())?.access_token ?? null;
    const user = await manager.signinRedirectCallback();
    history.replaceState(null, '', location.pathname);
    return user.access_token;
  },
  token: async () => (await manager.getUser())?.access_token ?? '',
  signOut: () => manager.removeUser(),
  changes: [],
});
