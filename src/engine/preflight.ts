import { DESCRIPTORS, type KindDescriptor } from '../model';
import type { BackendIdentity } from './backend';
import type { Plan } from './plan-types';

const GROUP_WRITE = ['Group.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'];

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
