// Apart from the waiting in popup.ts: the window opens inside the user's click, before the sign-in code loads.

/**
 * Opens an empty popup; call it synchronously inside the user's click so it is not blocked. A
 * new window every time: a named one would be found and taken over by another tab's sign-in.
 * @see https://html.spec.whatwg.org/multipage/interaction.html#tracking-user-activation
 */
export function openPopup(): Window | null {
  const width = 480;
  const height = 640;
  const left = Math.max(0, (screen.width - width) / 2);
  const top = Math.max(0, (screen.height - height) / 2);
  return window.open('about:blank', '_blank', `popup,width=${width},height=${height},left=${left},top=${top}`);
}
