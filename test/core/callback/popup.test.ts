// What the popup's BroadcastChannel path believes, and what it does not (SECURITY.md, popups; issue 14, item 10).
import { expect } from 'chai';
import { waitForCallback } from '../../../src/core/callback/popup.js';
import { waitFor } from '../../_mock.js';

/** A same-origin frame standing in for the popup: open while it is in the page, closed once removed. */
function framedWindow(): { window: Window; close(): void } {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return { window: frame.contentWindow!, close: () => frame.remove() };
}

describe('popup callbacks over the BroadcastChannel', () => {
  it('believes any script of our origin that knows the pending state, once the popup reads as closed; nothing else', async () => {
    const popup = framedWindow();
    const waiting = waitForCallback(
      popup.window,
      { state: 'pending-state', redirectUri: 'https://app.example/cb' },
      10_000,
    );
    // Another page of this origin (here: this page's own channel object, not the popup).
    const elsewhere = new BroadcastChannel('oauth-elements:popup');
    const receipts: unknown[] = [];
    elsewhere.onmessage = (event) => receipts.push(event.data);
    const callback = (state: unknown, href: unknown, type = 'oauth-elements:callback') =>
      elsewhere.postMessage({ type, state, href });
    // While the popup is open and reachable, its answer comes by postMessage: the channel is not heard.
    // A channel opened after the waiting one hears each message after it (HTML: in order of creation).
    const heard: unknown[] = [];
    const observer = new BroadcastChannel('oauth-elements:popup');
    observer.onmessage = (event) => heard.push(event.data);
    callback('pending-state', 'https://app.example/cb?while-open');
    await waitFor(() => heard.length > 0, 'the message to be delivered');
    observer.close();
    popup.close();
    expect(popup.window.closed).to.equal(true);
    callback('another-state', 'https://app.example/cb?wrong-state');
    callback(undefined, 'https://app.example/cb?no-state');
    callback('pending-state', 42);
    callback('pending-state', 'https://app.example/cb?wrong-type', 'oauth-elements:received');
    // A callback without state in its URL (a stateless provider's) is believed only from the popup itself.
    callback('pending-state', 'https://app.example/cb?code=stateless');
    callback('pending-state', 'https://app.example/cb?code=believed&state=pending-state');
    const heardFrom = await waiting;
    expect([heardFrom.code, heardFrom.state]).to.deep.equal(['believed', 'pending-state']);
    await waitFor(() => receipts.length > 0, 'the receipt');
    expect(receipts).to.deep.equal([{ type: 'oauth-elements:received', state: 'pending-state' }]);
    elsewhere.close();
  });
});
