import { expect } from 'chai';
import { tenantIssuerOf, isTenantTemplateOf } from '../../../src/core/provider/tenant-issuer.js';

// https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri:
// the common and organizations documents name the issuer https://login.microsoftonline.com/{tenantid}/v2.0.
describe('Entra ID’s multi-tenant issuer template', () => {
  const template = 'https://login.microsoftonline.com/{tenantid}/v2.0';
  const tid = '9122040d-6c67-4c5b-b112-36a304b66dad';

  it('takes the template for a configured common, organizations or consumers issuer, and for nothing else', () => {
    expect(isTenantTemplateOf(template, 'https://login.microsoftonline.com/common/v2.0')).to.equal(true);
    expect(isTenantTemplateOf(template, 'https://login.microsoftonline.com/organizations/v2.0')).to.equal(true);
    expect(isTenantTemplateOf(template, 'https://login.microsoftonline.com/consumers/v2.0')).to.equal(true);
    expect(isTenantTemplateOf(template, `https://login.microsoftonline.com/${tid}/v2.0`)).to.equal(false);
    expect(isTenantTemplateOf(template, 'https://evil.example/common/v2.0')).to.equal(false);
    expect(
      isTenantTemplateOf(
        'https://login.microsoftonline.com/{tenantid}/{tenantid}/v2.0',
        'https://login.microsoftonline.com/common/common/v2.0',
      ),
    ).to.equal(false);
  });

  it('expects the id_token’s iss with its own tid in place, and only a tenant GUID there', () => {
    expect(tenantIssuerOf(template, tid)).to.equal(`https://login.microsoftonline.com/${tid}/v2.0`);
    expect(tenantIssuerOf(template, undefined)).to.equal(undefined);
    expect(tenantIssuerOf(template, 'evil.example/x')).to.equal(undefined);
    expect(
      tenantIssuerOf('https://id.example.com', 'anything'),
      'an issuer without the placeholder stays as it is',
    ).to.equal('https://id.example.com');
  });
});
