import { descriptorOf } from '../model';
import type { ActualState } from './actual-state';
import { fingerprintOf } from './canonical-json';

/**
 * The fingerprint of one part of the tenant a plan depends on: an object (by Graph ID), the groups
 * of a display name (`group:NAME`), the display names of a kind (`names:KIND`, for creates that
 * must not duplicate) or the members and priorities of a priority class (`class:CLASS`, for moves).
 * Undefined when the object is gone.
 */
export function fingerprintPart(state: ActualState, key: string): string | undefined {
  const [prefix, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  switch (prefix) {
    case 'group':
      return fingerprintOf(state.groupsByName.get(rest)?.map((g) => g.id) ?? []);
    case 'names':
      return fingerprintOf(
        state.objects
          .filter((o) => o.kind === rest && !o.builtIn)
          .map((o) => [o.displayName, o.id])
          .sort(),
      );
    case 'class':
      return fingerprintOf(
        state.objects
          .filter((o) => o.priority !== undefined && !o.builtIn && descriptorOf(o.kind).priorityClass === rest)
          .map((o) => [o.id, o.priority])
          .sort(),
      );
    default:
      return state.objects.find((o) => o.id === key)?.fingerprint;
  }
}

/** Fingerprints of the given parts of the tenant. */
export function fingerprintParts(state: ActualState, keys: Iterable<string>): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const key of [...new Set(keys)].sort()) parts[key] = fingerprintPart(state, key) ?? 'gone';
  return parts;
}

/** The parts of a plan's fingerprint that no longer match the tenant. */
export function changedParts(fingerprint: Readonly<Record<string, string>>, state: ActualState): string[] {
  return Object.entries(fingerprint)
    .filter(([key, print]) => (fingerprintPart(state, key) ?? 'gone') !== print)
    .map(([key]) => key);
}
