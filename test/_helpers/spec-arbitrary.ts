import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of a zod schema's definition the derivation reads. */
interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
  readonly entries?: Readonly<Record<string, string>>;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly checks?: readonly { readonly _zod: { readonly def: Def & { readonly check?: string; readonly minimum?: number; readonly maximum?: number; readonly value?: number } } }[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const regex = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern ?? def.pattern;
  if (regex) return fc.stringMatching(regex);
  if (def.format === 'url' || checks.some((c) => c.format === 'url')) return fc.constantFrom('https://contoso.com/', 'https://portal.manage.microsoft.com/');
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 16;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 16)) });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const min = checks.find((c) => c.check === 'greater_than')?.value ?? -1000;
  const max = checks.find((c) => c.check === 'less_than')?.value ?? 1000;
  return fc.integer({ min, max });
}

function candidates(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const entries = Object.entries(def.shape ?? {});
      const required = entries.filter(([, s]) => defOf(s).type !== 'optional').map(([k]) => k);
      return fc.record(Object.fromEntries(entries.map(([k, s]) => [k, candidates(defOf(s).type === 'optional' ? defOf(s).innerType! : s)])), { requiredKeys: required });
    }
    case 'optional':
      return fc.option(candidates(def.innerType!), { nil: undefined });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'array':
      return fc.array(candidates(def.element!), { maxLength: 3 });
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'pipe':
      return candidates(def.in!);
    default:
      throw new Error(`no arbitrary for a zod '${def.type}'; give the kind a hand-written one in test/model/descriptors.test.ts`);
  }
}

/**
 * Values a kind's spec schema accepts, derived from the schema itself (objects, optional fields,
 * booleans, enums, literals, arrays, strings with their pattern or length, bounded numbers), kept
 * only when the schema's refinements accept them too.
 */
export function arbitraryOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  return candidates(schema).filter((value) => schema.safeParse(value).success);
}
