// Microsoft Entra ID's multi-tenant metadata: one document for every tenant, its `issuer` a template.

const placeholder = '{tenantid}';
const multiTenant = new Set(['common', 'organizations', 'consumers']);
const tenantId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const split = (template: string): [string, string] | undefined => {
  const at = template.indexOf(placeholder);
  if (at < 0 || template.includes(placeholder, at + 1)) return undefined;
  return [template.slice(0, at), template.slice(at + placeholder.length)];
};

/**
 * Whether a metadata `issuer` holding `{tenantid}` is the one of a configured multi-tenant issuer:
 * the same string with `common`, `organizations` or `consumers` where the placeholder is.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri
 */
export function isTenantTemplateOf(template: unknown, issuer: string): boolean {
  const parts = typeof template === 'string' ? split(template) : undefined;
  if (!parts || !issuer.startsWith(parts[0]) || !issuer.endsWith(parts[1])) return false;
  return multiTenant.has(issuer.slice(parts[0].length, issuer.length - parts[1].length));
}

/**
 * The issuer an id_token must name: the metadata's as it is, or, where it holds `{tenantid}`, with
 * the token's own `tid` claim (a tenant GUID) in its place; `undefined` when that `tid` is missing.
 * @see https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference#payload-claims
 */
export function tenantIssuerOf(issuer: string, tid: unknown): string | undefined {
  const parts = split(issuer);
  if (!parts) return issuer;
  return typeof tid === 'string' && tenantId.test(tid) ? `${parts[0]}${tid.toLowerCase()}${parts[1]}` : undefined;
}
