import { BackendError, WrongTenantError, type TenantRef } from '../model';
import type { Backend, BackendIdentity, GraphRequest, GraphResponse } from './backend';
import { isSuccess, responseError } from './graph-errors';

export type { TenantRef } from '../model';

const ORGANIZATION: GraphRequest = { method: 'GET', version: 'v1.0', path: '/organization' };

/** `GET /organization` on beta, to ride in the first `$batch` of a plan's reads (a `$batch` holds one version). */
export const ORGANIZATION_BETA: GraphRequest = { ...ORGANIZATION, version: 'beta' };

/**
 * The tenant a backend's credentials open, from the token's `tid` claim and the backend's answer to
 * `GET /organization` (`request`): the organization's name, and its ID when the token has no claim
 * (an opaque reference-server token). When the organization cannot be read (a token without
 * `Organization.Read.All`), the claim alone names the tenant.
 */
export function tenantOf(backend: Pick<Backend, 'description'>, identity: BackendIdentity, request: GraphRequest, response: GraphResponse | undefined): TenantRef {
  const organization = response && isSuccess(response) ? ((response.body as { value?: { id?: unknown; displayName?: unknown }[] } | undefined)?.value?.[0] ?? undefined) : undefined;
  const id = identity.tenantId ?? (typeof organization?.id === 'string' ? organization.id : undefined);
  if (id === undefined) {
    if (response && !isSuccess(response)) throw responseError(request, response);
    throw new BackendError(`${backend.description} did not say which tenant its credentials open (no tid claim in the token, no organization). Fix: use credentials of an Entra tenant.`);
  }
  const displayName = organization && organization.id === id && typeof organization.displayName === 'string' ? organization.displayName : undefined;
  return { id: id.toLowerCase(), ...(displayName ? { displayName } : {}) };
}

/**
 * The tenant a backend's credentials open ({@link tenantOf}), read on its own: one request, before
 * anything else is read.
 */
export async function readTenant(backend: Backend): Promise<TenantRef> {
  const [identity, [response]] = await Promise.all([backend.identity(), backend.send([ORGANIZATION])]);
  return tenantOf(backend, identity, ORGANIZATION, response);
}

/**
 * Two tenants as a message names them: by display name, with the ID only where the names cannot
 * tell them apart (a name missing, or both the same).
 */
export function tenantNames(a: TenantRef, b: TenantRef): [string, string] {
  const clear = a.displayName !== undefined && b.displayName !== undefined && a.displayName !== b.displayName;
  const name = (t: TenantRef) => (clear ? `'${t.displayName}'` : t.displayName ? `'${t.displayName}' (${t.id})` : t.id);
  return [name(a), name(b)];
}

/** A tenant as a message names it: `'Contoso' (ID)`, or the ID alone when it has no name. */
export function tenantName(t: TenantRef): string {
  return t.displayName ? `'${t.displayName}' (${t.id})` : t.id;
}

/** True when two references name one tenant. */
export function sameTenant(a: TenantRef, b: TenantRef): boolean {
  return a.id.toLowerCase() === b.id.toLowerCase();
}

/**
 * Throws a {@link WrongTenantError} naming both tenants when the backend opens another tenant than
 * `expected`; `what` says whose tenant it is (`stack prod`, `the plan in plan.json`) and `fix` what to do.
 */
export function checkTenant(expected: TenantRef, actual: TenantRef, what: string, fix: string): void {
  if (sameTenant(expected, actual)) return;
  const [want, got] = tenantNames(expected, actual);
  throw new WrongTenantError(`${what} belongs to tenant ${want}, but the credentials open tenant ${got}; nothing was planned or written. Fix: ${fix}`, expected, actual);
}
