import { z } from 'zod';
import type { Backend } from './backend';
import type { ParentIds } from './read-nested';

/**
 * What a read of a tenant found that the next read of the same tenant can ask for in its first
 * round, rather than in a second one after the first is answered. IDs only; a read uses an answer
 * it asked for on a hint's word only where that read confirms the hint (the same token, the same
 * group ID), so a stale or made-up hint costs requests, never a wrong result.
 */
export interface ReadHints {
  /** The IDs of the parents of nested kinds (the ADE tokens, the Apple Configurator account), by lookup key. */
  readonly parents: ParentIds;
  /** The IDs of the groups found by name (one group to a name), for their member counts. */
  readonly groupIds: ReadonlyMap<string, string>;
  /** The IDs of groups that assignments name and the look-ups by name did not find, for their names. */
  readonly otherGroupIds: readonly string[];
}

/** The hints of the last read through each backend (a backend opens one tenant). */
const hintsByBackend = new WeakMap<Backend, ReadHints>();

/** The hints the last read through this backend left, or those it was given. */
export function readHintsOf(backend: Backend): ReadHints | undefined {
  return hintsByBackend.get(backend);
}

/** Gives the next read through this backend these hints, e.g. those an earlier run kept. */
export function rememberReadHints(backend: Backend, hints: ReadHints): void {
  hintsByBackend.set(backend, hints);
}

/** A Graph ID as hints carry it: it becomes part of a request path, so nothing but ID characters. */
const GraphId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Name = z.string().min(1).max(256);
/** At most this many entries of each field: hints are read from a file, input from outside. */
const MAX_ENTRIES = 5000;
const entries = <T extends z.ZodType>(record: T) => record.refine((r) => Object.keys(r as object).length <= MAX_ENTRIES, { message: `at most ${MAX_ENTRIES} entries` });

/** The JSON form of {@link ReadHints}, as a file keeps them between runs. */
export const ReadHintsJsonSchema = z.strictObject({
  parents: entries(z.record(Name, z.array(GraphId).max(MAX_ENTRIES))),
  groupIds: entries(z.record(Name, GraphId)),
  otherGroupIds: z.array(GraphId).max(MAX_ENTRIES),
});

/** The JSON form of read hints. */
export type ReadHintsJson = z.infer<typeof ReadHintsJsonSchema>;

/** Read hints in their JSON form. */
export function readHintsToJson(hints: ReadHints): ReadHintsJson {
  return { parents: Object.fromEntries([...hints.parents].map(([lookup, ids]) => [lookup, [...ids]])), groupIds: Object.fromEntries(hints.groupIds), otherGroupIds: [...hints.otherGroupIds] };
}

/** Read hints from their JSON form; undefined for anything that is not exactly that form. */
export function readHintsFromJson(json: unknown): ReadHints | undefined {
  const parsed = ReadHintsJsonSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return { parents: new Map(Object.entries(parsed.data.parents)), groupIds: new Map(Object.entries(parsed.data.groupIds)), otherGroupIds: parsed.data.otherGroupIds };
}
