import type { ActualState } from '../actual-state';
import type { Backend, GraphRequest, GraphResponse } from '../backend';
import { isSuccess } from '../graph-errors';
import type { Plan } from '../plan-types';
import type { PlanImpact } from './plan-impact';

/** Directory counts need Graph's advanced query mode. */
const EVENTUAL: Readonly<Record<string, string>> = { ConsistencyLevel: 'eventual' };

/** The path that counts all users. */
const USERS_COUNT = '/users/$count';

/** The path that counts a group's members. */
function groupCountPath(id: string): string {
  return `/groups/${encodeURIComponent(id)}/members/$count`;
}

/** The count requests of these paths (on beta, like the plan's other reads, so they can share a `$batch`). */
export function countRequests(paths: readonly string[]): GraphRequest[] {
  return paths.map((path) => ({ method: 'GET', version: 'beta', path, headers: EVENTUAL }));
}

/** The paths that count all users and the members of each of these groups (by ID). */
export function countPaths(groupIds: readonly string[]): string[] {
  return [USERS_COUNT, ...new Set(groupIds)].map((id) => (id === USERS_COUNT ? id : groupCountPath(id)));
}

/** The counts the backend answered, by path; a refused or malformed count is left out. */
export function countsOf(paths: readonly string[], responses: readonly GraphResponse[]): Map<string, number> {
  const counts = new Map<string, number>();
  responses.forEach((response, i) => {
    const body = response.body;
    const count = typeof body === 'number' ? body : typeof body === 'string' && /^\s*\d+\s*$/.test(body) ? Number(body) : undefined;
    if (isSuccess(response) && count !== undefined && Number.isInteger(count) && count >= 0) counts.set(paths[i]!, count);
  });
  return counts;
}

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
 * Adds member counts to the audiences the backend can count: a single group's members
 * (`/groups/{id}/members/$count`) and all users (`/users/$count`), both with
 * `ConsistencyLevel: eventual` (a group by the ID the plan uses). Counts read with the state
 * (`state.memberCounts`) are used as they are; the rest are asked for in one round of requests. A
 * group the plan creates, a pair of groups, or a count the backend refuses (e.g. without permission
 * to read members) stays without a count.
 */
export async function withMemberCounts(impact: PlanImpact, backend: Backend, plan: Plan, state: ActualState): Promise<PlanImpact> {
  const paths = impact.affected.map((a) => {
    if (a.groups.length === 0) return USERS_COUNT;
    const id = a.groups.length === 1 ? groupId(plan, state, a.groups[0]!) : undefined;
    return id === undefined ? undefined : groupCountPath(id);
  });
  const known = state.memberCounts ?? new Map<string, number>();
  const unique = [...new Set(paths.filter((p): p is string => p !== undefined && !known.has(p)))];
  const counts = unique.length === 0 ? known : new Map([...known, ...countsOf(unique, await backend.send(countRequests(unique)))]);
  return {
    ...impact,
    affected: impact.affected.map((a, i) => {
      const members = paths[i] === undefined ? undefined : counts.get(paths[i]!);
      return members === undefined ? a : { ...a, members };
    }),
  };
}
