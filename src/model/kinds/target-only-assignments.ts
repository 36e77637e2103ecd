import type { Assignment } from '../assignment';
import { targetFromGraph, targetToGraph } from '../assignment-target';
import type { GroupResolver, KindDescriptor } from '../descriptor';

/** Assignment mapping for kinds whose assignments are a bare target (profiles, restrictions, policies). */
export function targetOnlyAssignments(
  odataType: string,
  extra: Record<string, unknown> = {},
): Pick<KindDescriptor, 'assignmentToGraph' | 'assignmentFromGraph'> {
  return {
    assignmentToGraph(assignment: Assignment, _spec: unknown, groups: GroupResolver) {
      return { '@odata.type': odataType, ...extra, target: targetToGraph(assignment.target, (n) => groups.id(n)) };
    },
    assignmentFromGraph(raw: Record<string, unknown>, groups: GroupResolver) {
      const target = targetFromGraph(raw.target, (id) => groups.name(id));
      return target ? { target } : undefined;
    },
  };
}

/** True when an entity's `@odata.type` names the given type (with or without `#`). */
export function isOfType(entity: Record<string, unknown>, odataType: string): boolean {
  return String(entity['@odata.type'] ?? '').replace(/^#/, '') === odataType.replace(/^#/, '');
}
