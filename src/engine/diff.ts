import type { Assignment } from '../model';
import { canonicalJson } from './canonical-json';

/** One property that differs between desired and actual state. */
export interface FieldChange {
  /** Dotted path of the property (`platformRestriction.osMinimumVersion`). */
  readonly field: string;
  /** The tenant's value (absent when the property is not set). */
  readonly before?: unknown;
  /** The desired value (absent when it is to be unset). */
  readonly after?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The field-by-field differences of two canonical values. Objects are compared key by key;
 * arrays and scalars as a whole (canonical specs keep order-insensitive collections sorted).
 */
export function diffValues(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  return [{ field: prefix, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

/** The identity of an assignment: its target and intent (settings are compared separately). */
export function assignmentKey(assignment: Assignment): string {
  return canonicalJson({ target: assignment.target, intent: assignment.intent ?? null });
}

/** What to add and remove to turn the actual assignment set into the desired one. */
export interface AssignmentDiff {
  /** Desired assignments missing from the tenant, or whose settings differ. */
  readonly add: readonly Assignment[];
  /** Indexes (into the actual list) of assignments to remove. */
  readonly remove: readonly number[];
}

/**
 * Compares assignment sets regardless of order. Settings the desired assignment does not state
 * are left to Graph's defaults and not compared.
 */
export function diffAssignments(desired: readonly Assignment[], actual: readonly Assignment[]): AssignmentDiff {
  const actualByKey = new Map<string, number>();
  actual.forEach((a, i) => actualByKey.set(assignmentKey(a), i));
  const kept = new Set<number>();
  const add: Assignment[] = [];
  for (const want of desired) {
    const index = actualByKey.get(assignmentKey(want));
    const have = index === undefined ? undefined : actual[index];
    const settingsMatch =
      have !== undefined &&
      Object.entries(want.settings ?? {}).every(([k, v]) => (have.settings as Record<string, unknown> | undefined)?.[k] === v);
    if (index !== undefined && settingsMatch) kept.add(index);
    else add.push(want);
  }
  const remove = actual.map((_, i) => i).filter((i) => !kept.has(i));
  return { add, remove };
}
