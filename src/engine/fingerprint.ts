import { descriptorOf } from '../model';
import type { ActualObject, ActualState } from './actual-state';
import { fingerprintOf } from './canonical-json';

function groupBy(objects: readonly ActualObject[], keyOf: (o: ActualObject) => string | undefined): Map<string, ActualObject[]> {
  const groups = new Map<string, ActualObject[]>();
  for (const o of objects) {
    const key = keyOf(o);
    if (key === undefined) continue;
    const members = groups.get(key);
    if (members) members.push(o);
    else groups.set(key, [o]);
  }
  return groups;
}

/**
 * The fingerprints of the parts of the tenant a plan depends on: an object (by Graph ID), the
 * groups of a display name (`group:NAME`), the display names of a kind (`names:KIND`, for creates
 * that must not duplicate) or the members and priorities of a priority class (`class:CLASS`, for
 * moves). Each index is built once, on first use, so any number of parts costs one pass.
 */
class StateParts {
  private byId?: Map<string, ActualObject>;
  private byKind?: Map<string, ActualObject[]>;
  private byClass?: Map<string, ActualObject[]>;

  constructor(private readonly state: ActualState) {}

  /** The fingerprint of one part; undefined when the object is gone. */
  part(key: string): string | undefined {
    const colon = key.indexOf(':');
    const [prefix, rest] = [key.slice(0, colon), key.slice(colon + 1)];
    switch (prefix) {
      case 'group':
        return fingerprintOf(this.state.groupsByName.get(rest)?.map((g) => g.id) ?? []);
      case 'names':
        this.byKind ??= groupBy(this.state.objects, (o) => (o.builtIn ? undefined : o.kind));
        return fingerprintOf((this.byKind.get(rest) ?? []).map((o) => [o.displayName, o.id]).sort());
      case 'class':
        this.byClass ??= groupBy(this.state.objects, (o) => (o.priority !== undefined && !o.builtIn ? descriptorOf(o.kind).priorityClass : undefined));
        return fingerprintOf((this.byClass.get(rest) ?? []).map((o) => [o.id, o.priority]).sort());
      default:
        this.byId ??= new Map(this.state.objects.map((o) => [o.id, o]));
        return this.byId.get(key)?.fingerprint;
    }
  }
}

/** Fingerprints of the given parts of the tenant (see {@link StateParts}); `gone` for a missing object. */
export function fingerprintParts(state: ActualState, keys: Iterable<string>): Record<string, string> {
  const parts = new StateParts(state);
  const prints: Record<string, string> = {};
  for (const key of [...new Set(keys)].sort()) prints[key] = parts.part(key) ?? 'gone';
  return prints;
}

/** The parts of a plan's fingerprint that no longer match the tenant. */
export function changedParts(fingerprint: Readonly<Record<string, string>>, state: ActualState): string[] {
  const parts = new StateParts(state);
  return Object.entries(fingerprint)
    .filter(([key, print]) => (parts.part(key) ?? 'gone') !== print)
    .map(([key]) => key);
}
