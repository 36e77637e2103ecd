import { DESCRIPTORS, descriptorOf, GROUP_WRITE_PERMISSIONS, type Blocker } from '../model';
import type { BackendIdentity } from './backend';
import type { ChangeAction, Plan } from './plan-types';

/** Changes that create the object or PATCH its properties. */
const WRITES_OBJECT: ReadonlySet<ChangeAction> = new Set(['create', 'replace', 'adopt', 'update']);

/**
 * The writes the service will refuse to these credentials, one blocker per object: those named by
 * an unsuppressed EK018 finding (app-only credentials and platform restrictions) that the plan
 * creates or whose properties it changes. Assignment-only changes go through `assign` and pass.
 */
export function refusedWrites(plan: Plan): Blocker[] {
  const refused = new Set(plan.findings.filter((f) => f.code === 'EK018' && f.suppressed === undefined).map((f) => f.path));
  return plan.changes
    .filter((c) => c.path !== undefined && refused.has(c.path) && WRITES_OBJECT.has(c.action) && (c.action !== 'update' || c.fields.length > 0))
    .map((c) => ({
      code: 'EK018',
      path: c.path ?? c.logicalId,
      message: `the credentials are application-only, and Graph answers their ${c.action === 'create' ? 'create' : 'update'} of a platform restriction with 403 "Tenant is not Global Admin or Intune Service Admin. Operation is restricted."`,
      fix: 'apply with delegated credentials of an Intune Administrator (e.g. --backend graph with Azure CLI sign-in), or suppress EK018 where the restriction is managed elsewhere',
    }));
}

/**
 * The permissions a plan's writes need that the token does not hold, one blocker per missing
 * grant; empty when the backend cannot tell (the reference server's opaque tokens). Kinds that
 * share a collection share their permissions, so one grant covers them.
 */
export function missingPermissions(plan: Plan, identity: BackendIdentity): Blocker[] {
  const held = identity.permissions;
  if (!held) return [];
  const needs: { what: string; anyOf: readonly string[] }[] = [];
  const written = new Set(plan.steps.flatMap((s) => (s.kind === 'group' ? [] : [descriptorOf(s.kind).graph.collection])));
  for (const collection of written) {
    const kinds = DESCRIPTORS.filter((d) => d.graph.collection === collection);
    needs.push({ what: `writing ${kinds.map((d) => `${d.title}s`).join(' or ')}`, anyOf: kinds[0]!.permissions.write });
  }
  if (plan.steps.some((s) => s.kind === 'group' && s.operation === 'create')) needs.push({ what: 'creating groups', anyOf: GROUP_WRITE_PERMISSIONS });
  const have = new Set(held);
  return needs
    .filter((n) => !n.anyOf.some((p) => have.has(p)))
    .map((n) => ({
      code: 'permission-missing',
      path: plan.stack,
      message: `the credentials lack a permission for ${n.what} (held: ${held.join(', ') || 'none'})`,
      fix: `grant one of ${n.anyOf.join(', ')}`,
    }));
}
