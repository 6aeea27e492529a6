import { expect } from 'chai';
import { isFresh, renewalDueAt, type Session } from '../../src/core/session.js';

const issuedAt = 1_700_000_000_000;
const session = (lifetimeSeconds: number): Session => ({
  accessToken: 'a',
  tokenType: 'Bearer',
  scope: 'openid',
  issuedAt,
  expiresAt: issuedAt + lifetimeSeconds * 1000,
});

describe('session', () => {
  it('is due for renewal renewBefore seconds before expiry', () => {
    expect(renewalDueAt(session(3600), 60)).to.equal(issuedAt + 3540_000);
    expect(isFresh(session(3600), 60, issuedAt + 3539_000)).to.equal(true);
    expect(isFresh(session(3600), 60, issuedAt + 3541_000)).to.equal(false);
  });

  it('is due half-way through its life when renewBefore covers all of it, so a renewed token is not due at once', () => {
    expect(renewalDueAt(session(30), 60)).to.equal(issuedAt + 15_000);
    expect(isFresh(session(30), 60, issuedAt + 1_000)).to.equal(true);
  });

  it('never expires without a lifetime, and counts from expiry alone without an issue time', () => {
    expect(isFresh({ ...session(10), expiresAt: undefined }, 60)).to.equal(true);
    const { issuedAt: _, ...old } = session(30);
    expect(renewalDueAt(old, 60)).to.equal(issuedAt - 30_000);
  });
});
