import type { LogoutResult, OAuthError, Session } from '../core/index.js';

const options = { bubbles: true, composed: true } as const;

/** A sign-in finished: `session` is the new session. */
export class OAuthLoginEvent extends Event {
  static readonly type = 'oauth-login';
  constructor(readonly session: Session) {
    super(OAuthLoginEvent.type, options);
  }
}

/**
 * The user signed out here; `result.providerSession` says whether the provider's session is `ending`
 * (the page is on its way to its logout endpoint) or still `alive`.
 */
export class OAuthLogoutEvent extends Event {
  static readonly type = 'oauth-logout';
  constructor(readonly result: LogoutResult = { revoked: false, providerSession: 'unknown', canEndSession: false }) {
    super(OAuthLogoutEvent.type, options);
  }
}

/** The user closed the sign-in window before finishing; the button is ready again. */
export class OAuthLoginCancelEvent extends Event {
  static readonly type = 'oauth-login-cancel';
  constructor() {
    super(OAuthLoginCancelEvent.type, options);
  }
}

/** The client's session changed, here or in another tab. */
export class OAuthTokenChangeEvent extends Event {
  static readonly type = 'oauth-token-change';
  constructor(readonly session: Session | null) {
    super(OAuthTokenChangeEvent.type, options);
  }
}

/** A sign-in, callback or sign-out failed; `error.code` says how. */
export class OAuthErrorEvent extends Event {
  static readonly type = 'oauth-error';
  constructor(readonly error: OAuthError) {
    super(OAuthErrorEvent.type, options);
  }
}

/** The user approved or denied on a consent dialog, granting `scopes`; cancel it to keep the dialog's form from posting. */
export class OAuthConsentEvent extends Event {
  static readonly type = 'oauth-consent';
  constructor(
    readonly decision: 'approve' | 'deny',
    readonly scopes: string[] = [],
  ) {
    super(OAuthConsentEvent.type, { ...options, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oauth-login': OAuthLoginEvent;
    'oauth-logout': OAuthLogoutEvent;
    'oauth-login-cancel': OAuthLoginCancelEvent;
    'oauth-token-change': OAuthTokenChangeEvent;
    'oauth-error': OAuthErrorEvent;
    'oauth-consent': OAuthConsentEvent;
  }
}
