import type { z } from 'zod';
import type { ValidationIssue } from '../model';

/** How zod's paths become the fields an issue names. */
export interface ZodIssueNaming {
  /** Maps the first path segment (a manifest field) to the prop the user wrote. */
  readonly rename?: (field: string) => string;
  /** Put before every field, e.g. `suppressions.0`. */
  readonly prefix?: string;
}

const UNITS: Readonly<Record<string, readonly [string, string]>> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes'],
};

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  url: 'an absolute URL such as "https://contoso.com"',
  uuid: 'a GUID such as "3f2504e0-4f89-41d3-9a0c-0305e82c3301"',
  guid: 'a GUID such as "3f2504e0-4f89-41d3-9a0c-0305e82c3301"',
  email: 'an e-mail address such as "admin@contoso.com"',
  datetime: 'an ISO 8601 date and time such as "2025-01-31T12:00:00Z"',
  date: 'an ISO 8601 date such as "2025-01-31"',
};

/** A bound of a too_big or too_small issue with its unit: "15", "256 characters", "1 item". */
function bound(limit: number | bigint, origin: string): string {
  if (origin === 'date') return new Date(Number(limit)).toISOString();
  const unit = UNITS[origin];
  return unit ? `${String(limit)} ${unit[Number(limit) === 1 ? 0 : 1]}` : String(limit);
}

/** A fix that lists the values allowed. */
function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? `use ${JSON.stringify(values[0])}` : `use one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** The fix for a value that matches none of a union's options: what each option accepts. */
function unionFix(issue: z.core.$ZodIssueInvalidUnion, field: string): string {
  if ('matches' in issue) return `change ${field} so that it matches only one of its allowed forms`;
  if (issue.options?.length) return oneOf(issue.options);
  const firsts = issue.errors.map((option) => option[0]).filter((i): i is z.core.$ZodIssue => i !== undefined);
  if (firsts.length > 0 && firsts.every((i) => i.code === 'invalid_value')) return oneOf(firsts.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])));
  const fixes = [...new Set(firsts.map((i) => fixFor(i, field)))];
  return fixes.length > 0 ? fixes.join(', or ') : `change ${field} to one of its allowed forms`;
}

/** The fix for a string of the wrong format: the pattern or affix it must have, or an example. */
function formatFix(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if ('prefix' in issue && typeof issue.prefix === 'string') return `use a value that starts with ${JSON.stringify(issue.prefix)}`;
  if ('suffix' in issue && typeof issue.suffix === 'string') return `use a value that ends with ${JSON.stringify(issue.suffix)}`;
  if ('includes' in issue && typeof issue.includes === 'string') return `use a value that contains ${JSON.stringify(issue.includes)}`;
  const example = FORMAT_EXAMPLES[issue.format];
  if (example) return `use ${example}`;
  if (issue.format === 'regex' && issue.pattern) return `use a value that matches ${issue.pattern}`;
  return `use a valid ${issue.format} value`;
}

/** Turns zod's issue into the fix a user can act on: what a valid value looks like. */
function fixFor(issue: z.core.$ZodIssue, field: string): string {
  if (issue.message.startsWith('expected ')) return `use ${issue.message.slice('expected '.length)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `set ${field} to a value of type ${issue.expected}`;
    case 'too_big':
      if (issue.exact) return `use exactly ${bound(issue.maximum, issue.origin)}`;
      return `use ${issue.inclusive === false ? 'less than' : 'at most'} ${bound(issue.maximum, issue.origin)}`;
    case 'too_small':
      if (issue.exact) return `use exactly ${bound(issue.minimum, issue.origin)}`;
      return `use ${issue.inclusive === false ? 'more than' : 'at least'} ${bound(issue.minimum, issue.origin)}`;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      return formatFix(issue);
    case 'not_multiple_of':
      return `use a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return unionFix(issue, field);
    case 'invalid_key':
      return `rename the key: ${issue.issues.map((i) => fixFor(i, field)).join('; ')}`;
    case 'invalid_element':
      return `for the entry ${JSON.stringify(issue.key)}: ${issue.issues.map((i) => fixFor(i, field)).join('; ')}`;
    case 'custom':
      return `change ${field} so that this holds: ${issue.message}`;
  }
}

/**
 * Maps zod's issues (parsed with `reportInput: true`) to validation issues: the field path, the
 * bad value, zod's message and a fix.
 */
export function zodIssues(issues: readonly z.core.$ZodIssue[], path: string, naming: ZodIssueNaming = {}): ValidationIssue[] {
  return issues.map((issue) => {
    const [first, ...rest] = issue.path.map(String);
    const segments = first === undefined ? [] : [naming.rename ? naming.rename(first) : first, ...rest];
    const field = [naming.prefix ?? '', ...segments].filter((s) => s !== '').join('.') || '(props)';
    const value = issue.code === 'unrecognized_keys' ? undefined : issue.input;
    return { path, field, ...(value === undefined ? {} : { value }), message: issue.message, fix: fixFor(issue, field) };
  });
}
