import { DESCRIPTORS, type KindDescriptor } from '../model';
import type { BackendIdentity } from './backend';
import type { ChangeAction, Plan } from './plan-types';

const GROUP_WRITE = ['Group.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'];

/** Changes that create the object or PATCH its properties. */
const WRITES_OBJECT: ReadonlySet<ChangeAction> = new Set(['create', 'replace', 'adopt', 'update']);

/**
 * The writes the service will refuse to these credentials, one blocker per object: those named by
 * an unsuppressed EK018 finding (app-only credentials and platform restrictions) that the plan
 * creates or whose properties it changes. Assignment-only changes go through `assign` and pass.
 */
export function refusedWrites(plan: Plan): string[] {
  const refused = new Set(plan.findings.filter((f) => f.rule === 'EK018' && f.suppressed === undefined).map((f) => f.path));
  return plan.changes
    .filter((c) => c.path !== undefined && refused.has(c.path) && WRITES_OBJECT.has(c.action) && (c.action !== 'update' || c.fields.length > 0))
    .map(
      (c) =>
        `${c.path ?? c.logicalId}: EK018 the credentials are application-only, and Graph answers their ${c.action === 'create' ? 'create' : 'update'} of a platform restriction with 403 "Tenant is not Global Admin or Intune Service Admin. Operation is restricted." Fix: apply with delegated credentials of an Intune Administrator (e.g. --backend graph with Azure CLI sign-in), or suppress EK018 where the restriction is managed elsewhere.`,
    );
}

/**
 * The permissions a plan's writes need that the token does not hold, one message per missing
 * grant; empty when the backend cannot tell (the reference server's opaque tokens).
 */
export function missingPermissions(plan: Plan, identity: BackendIdentity): string[] {
  const held = identity.permissions;
  if (!held) return [];
  const needs: { what: string; anyOf: readonly string[] }[] = [];
  const written = new Set(plan.steps.filter((s) => s.request.version === 'beta').map((s) => s.request.path.split('/').slice(0, 3).join('/')));
  for (const collection of written) {
    const kinds = (DESCRIPTORS as readonly KindDescriptor[]).filter((d) => d.graph.collection === collection);
    if (kinds[0]) needs.push({ what: `writing ${kinds.map((d) => `${d.title}s`).join(' or ')}`, anyOf: kinds[0].permissions.write });
  }
  if (plan.steps.some((s) => s.request.version === 'v1.0' && s.request.method === 'POST')) needs.push({ what: 'creating groups', anyOf: GROUP_WRITE });
  const have = new Set(held);
  return needs
    .filter((n) => !n.anyOf.some((p) => have.has(p)))
    .map((n) => `the credentials lack a permission for ${n.what}: grant one of ${n.anyOf.join(', ')} (held: ${held.join(', ') || 'none'}).`);
}
