import type { AssignmentDeclaration, PropIssue } from './enrollment-resource';
import { checkProps, type PropShape } from './prop-check';
import { ASSIGNMENT_TARGET } from './targeted-resource';

const ASSIGNMENT: PropShape<AssignmentDeclaration> = { target: true, intent: true, settings: true };

/**
 * Problems of assignments given as `{ target, intent, settings }`: each must be an object with a
 * target from `AssignmentTarget`'s factories and no unknown keys; fields are named `assignments.N…`
 * and messages call one assignment `what`.
 */
export function assignmentDeclarationIssues(assignments: readonly unknown[], what: string): PropIssue[] {
  return assignments.flatMap((assignment, i) => {
    const field = `assignments.${i}`;
    const { issues } = checkProps(assignment, ASSIGNMENT, what);
    const target = typeof assignment === 'object' && assignment !== null ? ASSIGNMENT_TARGET.issues((assignment as AssignmentDeclaration).target, `${field}.target`) : [];
    return [...issues.map((issue) => ({ ...issue, field: issue.field === 'props' ? field : `${field}.${issue.field}` })), ...target];
  });
}
