import { z } from 'zod';
import { zodIssues } from '../../src/constructs/zod-issues';

/** The fix of the single issue zod finds when `schema` parses `input`. */
function fixOf(schema: z.ZodType, input: unknown): string {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('expected zod to find an issue');
  const [issue, ...rest] = zodIssues(parsed.error.issues, 'test/X');
  if (!issue || rest.length > 0) throw new Error(`expected one issue, got ${parsed.error.issues.length}`);
  return issue.fix;
}

describe('zodIssues', () => {
  it('names the field, quotes the value and keeps the message', () => {
    const parsed = z.strictObject({ limit: z.number() }).safeParse({ limit: 'five' }, { reportInput: true });
    expect(zodIssues(parsed.error?.issues ?? [], 'test/L', { prefix: 'spec' })).toEqual([
      { path: 'test/L', field: 'spec.limit', value: 'five', message: expect.stringContaining('expected number'), fix: 'set spec.limit to a value of type number' },
    ]);
  });

  it.each([
    ['a custom "expected" message', z.string().regex(/^EK\d{3}$/, { message: 'expected a rule ID such as "EK009"' }), 'EK9', 'use a rule ID such as "EK009"'],
    ['an inclusive maximum', z.number().max(15), 16, 'use at most 15'],
    ['an exclusive minimum', z.number().gt(3), 2, 'use more than 3'],
    ['an exclusive maximum', z.number().lt(3), 4, 'use less than 3'],
    ['an exact length', z.string().length(3), 'ab', 'use exactly 3 characters'],
    ['one character at least', z.string().min(1), '', 'use at least 1 character'],
    ['an array too long', z.array(z.number()).max(2), [1, 2, 3], 'use at most 2 items'],
    ['allowed values', z.enum(['a', 'b']), 'c', 'use one of "a", "b"'],
    ['a regex', z.string().regex(/^a+$/), 'b', 'use a value that matches /^a+$/'],
    ['a prefix', z.string().startsWith('com.'), 'org.x', 'use a value that starts with "com."'],
    ['a URL', z.url(), 'intranet', 'use an absolute URL such as "https://contoso.com"'],
    ['a GUID', z.uuid(), '42', 'use a GUID such as "3f2504e0-4f89-41d3-9a0c-0305e82c3301"'],
    ['a multiple', z.number().multipleOf(5), 3, 'use a multiple of 5'],
    ['a union of literals', z.union([z.enum(['web', 'account']), z.literal('userChoice')]), 'other', 'use one of "web", "account", "userChoice"'],
    ['a union of types', z.union([z.string(), z.number()]), true, 'set (props) to a value of type string, or set (props) to a value of type number'],
    ['a discriminator', z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]), { type: 'c' }, 'use one of "a", "b"'],
    ['a record key', z.record(z.string().max(2), z.number()), { long: 1 }, 'rename the key: use at most 2 characters'],
    ['a refinement', z.string().refine((s) => s === s.trim(), 'the value must not start or end with white space'), ' x', 'change (props) so that this holds: the value must not start or end with white space'],
  ])('says what a valid value looks like for %s', (_case, schema, input, fix) => {
    expect(fixOf(schema, input)).toBe(fix);
  });
});
