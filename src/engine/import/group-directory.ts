import type { ActualState } from '../actual-state';

/** The display names of the groups an import names, and which of them are ambiguous. */
export interface GroupDirectory {
  /** The display name of the group with this ID; undefined when the tenant does not have it. */
  nameOf(groupId: string): string | undefined;
  /** IDs of every group known to carry this display name (more than one: ambiguous). */
  idsNamed(displayName: string): readonly string[];
}

/** The group directory of a state read: `groupNames`, plus the groups found by name. */
export function groupDirectoryOf(state: ActualState): GroupDirectory {
  const byName = new Map<string, Set<string>>();
  const add = (name: string, id: string): void => void byName.set(name, (byName.get(name) ?? new Set<string>()).add(id));
  for (const [id, name] of state.groupNames) add(name, id);
  for (const [name, groups] of state.groupsByName) for (const g of groups) add(name, g.id);
  return {
    nameOf: (groupId) => state.groupNames.get(groupId),
    idsNamed: (displayName) => [...(byName.get(displayName) ?? [])].sort(),
  };
}
