/** The objects in priority order (1 first); objects without a priority last, in their order. */
export function byPriority<T extends { readonly priority?: number | undefined }>(objects: readonly T[]): T[] {
  return objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => (a.object.priority ?? Infinity) - (b.object.priority ?? Infinity) || a.index - b.index)
    .map(({ object }) => object);
}
