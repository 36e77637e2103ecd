import { z } from 'zod';
import { CLOUD_NAMES } from './clouds';

/** The form of an environment's name: it becomes the prefix of its variables (`prod` gives `PROD_`). */
export const ENVIRONMENT_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The form of an Entra tenant ID. */
export const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant a stack belongs to, as its manifest records it: an Entra tenant ID and cloud, a named
 * environment that configuration resolves (`environments` in `cdktf.json`), or both.
 */
export const StackEnvironmentSchema = z
  .strictObject({
    /** A named environment: configuration gives its tenant, and its credentials come from variables prefixed with the name. */
    name: z.string().regex(ENVIRONMENT_NAME, { message: 'expected a name of letters, digits, "_" or "-", starting with a letter' }).optional(),
    /** The Entra tenant ID (a GUID). */
    tenantId: z.string().regex(TENANT_ID, { message: 'expected the Entra tenant ID, a GUID such as "3f2504e0-4f89-41d3-9a0c-0305e82c3301"' }).optional(),
    /** The Microsoft cloud of the tenant. */
    cloud: z.enum(CLOUD_NAMES).optional(),
  })
  .refine((env) => env.name !== undefined || env.tenantId !== undefined, { message: 'name the environment, or give the tenant ID' });

/** The tenant a stack belongs to. */
export type StackEnvironment = z.infer<typeof StackEnvironmentSchema>;

/** The variable prefix of a named environment: its name in capitals, `-` as `_`, and `_` (`prod` gives `PROD_`). */
export function variablePrefixOf(name: string): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_`;
}
