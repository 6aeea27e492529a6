// Window focus as a user's browser moves it: to a popup window when it opens, back to the page when it closes.
import { executeServerCommand } from '@web/test-runner-commands';

/** The user is back on the test page, as after closing a popup window: its window takes focus. */
export async function returnToPage(): Promise<void> {
  await executeServerCommand('bring-to-front');
}

/**
 * Headless Chromium keeps every window focused, so opening a popup takes no focus from the page: move
 * it out of the app's frame, as the popup window would take it. Also where this window has no focus
 * now (another test page's has, in a parallel run): when it gets it back, it goes to the input, not the frame.
 */
export function leavePage(): void {
  const elsewhere = document.body.appendChild(
    Object.assign(document.createElement('input'), { ariaLabel: 'elsewhere' }),
  );
  elsewhere.focus();
}

/** Back on the page after `leavePage`: its window and then `target` take focus. */
export async function backToPage(page: Document, target: HTMLElement): Promise<void> {
  document.querySelectorAll('input[aria-label="elsewhere"]').forEach((input) => input.remove());
  await returnToPage();
  if (!page.hasFocus()) target.focus();
}

/**
 * Back on the page (`backToPage`) until `settled()`: in a parallel run another test page may take the
 * window's focus again before the client has seen it here, so the user comes back each time it is gone.
 */
export async function backUntil(
  page: Document,
  target: HTMLElement,
  settled: () => boolean,
  what: string,
  timeout = 10_000,
): Promise<void> {
  const until = Date.now() + timeout;
  while (!settled()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    if (!page.hasFocus()) await backToPage(page, target);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
