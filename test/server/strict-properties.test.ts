import fc from 'fast-check';
import { ENTITY_TYPES } from '../../src/server/wire/entity-types';
import { strictType } from '../../src/server/wire/fields';

const TYPES = [...ENTITY_TYPES.values()];

/** A request body of one of the server's types: some of its properties, valid or not, and maybe unknown ones. */
const body = fc.constantFrom(...TYPES).chain((type) => {
  const names = Object.keys(type.schema.shape);
  const value = (name: string) =>
    fc.oneof(
      { arbitrary: fc.constant(type.fields[name]?.initial ?? null), weight: 6 },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 8 }),
      fc.constant([]),
      fc.jsonValue({ maxDepth: 2 }),
    );
  const known = fc.subarray(names, { maxLength: Math.min(6, names.length) }).chain((picked) => fc.tuple(...picked.map((name) => value(name).map((v) => [name, v] as const))));
  const unknown = fc.uniqueArray(fc.constantFrom('notAProperty', 'colour', '__proto__', 'id@odata.bind', 'DisplayName'), { maxLength: 2 });
  return fc.tuple(fc.constant(type), known, unknown, fc.boolean()).map(([t, pairs, extra, unknownFirst]) => {
    const entries: [string, unknown][] = [...pairs.map(([name, v]): [string, unknown] => [name, v]), ...extra.map((name): [string, unknown] => [name, 1])];
    if (unknownFirst) entries.reverse();
    return { type: t, input: Object.fromEntries(entries) as Record<string, unknown> };
  });
});

describe('the schema of a request body', () => {
  it('answers 2,000 seeded random bodies of every type as a zod strict object of the same shape does: the same output, in the same order, or the same first issue', () => {
    let compared = 0;
    fc.assert(
      fc.property(body, ({ type, input }) => {
        const expected = strictType(type.name, type.schema.shape).safeParse(input);
        const actual = type.schema.safeParse(input);
        compared++;
        expect(actual.success).toBe(expected.success);
        if (actual.success && expected.success) {
          expect(Object.keys(actual.data)).toEqual(Object.keys(expected.data));
          expect(actual.data).toEqual(expected.data);
        } else if (!actual.success && !expected.success) {
          const first = expected.error.issues[0]!;
          expect({ code: actual.issue.code, path: actual.issue.path, message: actual.issue.message }).toEqual({ code: first.code, path: first.path, message: first.message });
        }
      }),
      { seed: 20261207, numRuns: 2000 },
    );
    expect(compared).toBe(2000);
  });
});
