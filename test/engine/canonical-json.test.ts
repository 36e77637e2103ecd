import fc from 'fast-check';
import { canonicalJson } from '../../src/engine/canonical-json';

/** The definition: JSON.stringify with every object's keys sorted. */
function sortedStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

describe('canonical JSON', () => {
  it('writes what JSON.stringify writes with every object key sorted, for any JSON value and undefined members', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('any'), { maxKeys: 4 })),
    })).any;
    fc.assert(fc.property(value, (v) => expect(canonicalJson(v)).toBe(sortedStringify(v))), { numRuns: 1000 });
  });

  it('sorts keys at every depth, so equal values give equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ when: new Date(0) })).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
  });
});
