import type { z } from 'zod';
import { unknownPropertyMessage } from './fields';

/** What {@link StrictProperties.safeParse} finds: the parsed properties, or the first problem. */
export type PropertiesResult = { readonly success: true; readonly data: Record<string, unknown> } | { readonly success: false; readonly issue: z.core.$ZodIssue };

/** A strict object schema of a type's properties, checked one carried property at a time (see {@link strictProperties}). */
export interface StrictProperties {
  /** Schemas of the properties, in wire order. */
  readonly shape: Readonly<Record<string, z.ZodType>>;
  /** Parses an object as `z.strictObject(shape)` would: the same output and the same first issue. */
  safeParse(input: Record<string, unknown>): PropertiesResult;
}

/**
 * The schema of an entity type's request body. It answers as a zod strict object of the shape
 * does (properties in shape order; the first issue is that of the first bad property in shape
 * order, else the unknown properties, named in Intune's words) but parses only the properties the
 * body carries: a body sets a few of a type's dozens of properties, and a zod object runs the schema
 * of every property of its shape on every parse.
 */
export function strictProperties(typeName: string, shape: Readonly<Record<string, z.ZodType>>): StrictProperties {
  const positions = new Map(Object.keys(shape).map((name, position) => [name, position]));
  return {
    shape,
    safeParse(input) {
      const present: [number, string, unknown][] = [];
      const unknown: string[] = [];
      let issue: z.core.$ZodIssue | undefined;
      let issuePosition = Number.POSITIVE_INFINITY;
      for (const name of Object.keys(input)) {
        const position = positions.get(name);
        if (position === undefined) {
          unknown.push(name);
          continue;
        }
        const parsed = shape[name]!.safeParse(input[name]);
        if (parsed.success) present.push([position, name, parsed.data]);
        else if (position < issuePosition) {
          const [first] = parsed.error.issues;
          issue = first ? { ...first, path: [name, ...first.path] } : { code: 'custom', path: [name], message: `Invalid value of '${name}'.`, input: input[name] };
          issuePosition = position;
        }
      }
      if (issue) return { success: false, issue };
      if (unknown.length > 0) {
        return { success: false, issue: { code: 'unrecognized_keys', keys: unknown, path: [], message: unknownPropertyMessage(unknown[0]!, typeName), input } };
      }
      const data: Record<string, unknown> = {};
      for (const [, name, value] of present.sort((a, b) => a[0] - b[0])) data[name] = value;
      return { success: true, data };
    },
  };
}
