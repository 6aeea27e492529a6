// Apart from the waiting in popup.ts: the window opens inside the user's click, before the sign-in code loads.

/**
 * Opens an empty popup; call it synchronously inside the user's click so it is not blocked.
 * @see https://html.spec.whatwg.org/multipage/interaction.html#tracking-user-activation
 */
export function openPopup(name = 'oauth-elements'): Window | null {
  const width = 480;
  const height = 640;
  const left = Math.max(0, (screen.width - width) / 2);
  const top = Math.max(0, (screen.height - height) / 2);
  return window.open('about:blank', name, `popup,width=${width},height=${height},left=${left},top=${top}`);
}
