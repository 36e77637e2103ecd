import type { ActualState } from '../actual-state';
import type { Backend, GraphRequest } from '../backend';
import { isSuccess } from '../graph-errors';
import type { Plan } from '../plan-types';
import type { PlanImpact } from './plan-impact';

/** Directory counts need Graph's advanced query mode. */
const EVENTUAL: Readonly<Record<string, string>> = { ConsistencyLevel: 'eventual' };

/** The ID of a group the plan names, as the plan resolved it, else as the tenant's read found it. */
function groupId(plan: Plan, state: ActualState, name: string): string | undefined {
  const lower = name.toLowerCase();
  const planned = plan.groups.find((g) => g.displayName.toLowerCase() === lower);
  if (planned) return planned.id;
  const found = state.groupsByName.get(name) ?? [];
  if (found.length === 1) return found[0]!.id;
  return [...state.groupNames].find(([, n]) => n.toLowerCase() === lower)?.[0];
}

/**
 * Adds member counts to the audiences the backend can count, in one round of requests: a single
 * group's members (`/groups/{id}/members/$count`) and all users (`/users/$count`), both with
 * `ConsistencyLevel: eventual` (a group by the ID the plan uses). A group the plan creates, a pair
 * of groups, or a count the backend refuses (e.g. without permission to read members) stays
 * without a count.
 */
export async function withMemberCounts(impact: PlanImpact, backend: Backend, plan: Plan, state: ActualState): Promise<PlanImpact> {
  const paths = impact.affected.map((a) => {
    if (a.groups.length === 0) return '/users/$count';
    const id = a.groups.length === 1 ? groupId(plan, state, a.groups[0]!) : undefined;
    return id === undefined ? undefined : `/groups/${encodeURIComponent(id)}/members/$count`;
  });
  const unique = [...new Set(paths.filter((p): p is string => p !== undefined))];
  if (unique.length === 0) return impact;
  const requests: GraphRequest[] = unique.map((path) => ({ method: 'GET', version: 'v1.0', path, headers: EVENTUAL }));
  const responses = await backend.send(requests);
  const counts = new Map<string, number>();
  responses.forEach((response, i) => {
    const body = response.body;
    const count = typeof body === 'number' ? body : typeof body === 'string' && /^\s*\d+\s*$/.test(body) ? Number(body) : undefined;
    if (isSuccess(response) && count !== undefined && Number.isInteger(count) && count >= 0) counts.set(unique[i]!, count);
  });
  return {
    ...impact,
    affected: impact.affected.map((a, i) => {
      const members = paths[i] === undefined ? undefined : counts.get(paths[i]!);
      return members === undefined ? a : { ...a, members };
    }),
  };
}
