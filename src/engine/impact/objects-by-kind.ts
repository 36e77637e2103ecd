import type { KindName, Resource } from '../../model';
import { addTo } from './add-to';

/** The objects of a kind in a list of objects, in list order. */
export type ObjectsByKind = (kind: KindName) => readonly Resource[];

/** Indexes objects by kind in one pass. */
export function objectsByKind(resources: readonly Resource[]): ObjectsByKind {
  const byKind = new Map<KindName, Resource[]>();
  for (const r of resources) addTo(byKind, r.kind, r);
  return (kind) => byKind.get(kind) ?? [];
}
