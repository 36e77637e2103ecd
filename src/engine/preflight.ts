import { DESCRIPTORS, descriptorOf, GROUP_WRITE_PERMISSIONS, type Blocker } from '../model';
import type { BackendIdentity } from './backend';
import type { Plan } from './plan-types';

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
