import { expect } from 'chai';
import * as core from '../../../src/core/index.js';
import { discover } from '../../../src/core/provider/discovery.js';
import { issuer } from '../../_mock.js';

describe('discovery', () => {
  it("the core index's discover (which loads discovery on first call) reads the issuer's metadata", async () => {
    expect(core.discover).not.to.equal(discover);
    const metadata = await core.discover(issuer);
    expect(metadata.issuer).to.equal(issuer);
    expect(metadata.token_endpoint).to.equal(`${issuer}/token`);
    expect(await core.discover(issuer)).to.equal(await discover(issuer));
  });

  it("the core index's discover refuses a document that names another issuer", async () => {
    // /op-liar serves oidc-provider's discovery document, which names the issuer /op/ (test/e2e/_real-provider.ts).
    const error = await core.discover(`${location.origin}/op-liar`).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(core.OAuthError);
    expect((error as core.OAuthError).code).to.equal('invalid_discovery');
  });
});
