import type { z } from 'zod';
import type { ValidationIssue } from '../model';

/** How zod's paths become the fields an issue names. */
export interface ZodIssueNaming {
  /** Maps the first path segment (a manifest field) to the prop the user wrote. */
  readonly rename?: (field: string) => string;
  /** Put before every field, e.g. `suppressions.0`. */
  readonly prefix?: string;
}

/** Turns zod's issue into the fix a user can act on. */
function fixFor(issue: z.core.$ZodIssue, field: string): string {
  if (issue.message.startsWith('expected ')) return `use ${issue.message.slice('expected '.length)}`;
  const unit = 'origin' in issue && (issue.origin === 'array' || issue.origin === 'string') ? (issue.origin === 'array' ? ' items' : ' characters') : '';
  switch (issue.code) {
    case 'invalid_type':
      return `set ${field} to a value of type ${issue.expected}`;
    case 'too_big':
      return `use at most ${String(issue.maximum)}${unit}`;
    case 'too_small':
      return `use at least ${String(issue.minimum)}${unit}`;
    case 'invalid_value':
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return `correct ${field}`;
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
