import type { z } from 'zod';
import type { KindDescriptor } from '../descriptor';
import { adeProfile } from './ade-profile';
import { companyPortalConfiguration } from './company-portal-configuration';
import { configuratorProfile } from './configurator-profile';
import { deviceLimitRestriction } from './device-limit-restriction';
import { enrollmentTypeProfile } from './enrollment-type-profile';
import { iosApp } from './ios-app';
import { platformRestriction } from './platform-restriction';
import { ssoExtensionPolicy } from './sso-extension-policy';
import { webClip } from './web-clip';

/**
 * Every kind enrollkit manages, by name, in dependency order (what others depend on first). The
 * kind names, the manifest's resource schema, the descriptors and the construct declarations all
 * derive from this one object: a kind is added here, once.
 */
export const KINDS = {
  iosApp,
  webClip,
  ssoExtensionPolicy,
  platformRestriction,
  deviceLimitRestriction,
  enrollmentTypeProfile,
  adeProfile,
  configuratorProfile,
  companyPortalConfiguration,
} as const;

/** Names of the kinds enrollkit manages. */
export type KindName = keyof typeof KINDS;

/** The spec type of a kind. */
export type SpecOf<K extends KindName> = (typeof KINDS)[K] extends KindDescriptor<infer Spec> ? Spec : never;

/** The schema of a kind's spec. */
export type SpecSchemaOf<K extends KindName> = (typeof KINDS)[K]['specSchema'] & z.ZodType<SpecOf<K>>;

/** A type with its literal types widened (`'device' | 'user'` to `string`), for values not yet validated. */
export type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? readonly Widened<U>[]
        : T extends object
          ? { [P in keyof T]: Widened<T[P]> }
          : T;

/**
 * A kind's spec as a construct declares it, before the kind's schema checks it at synth: the
 * kind's fields, with enumerated values as plain strings and numbers.
 */
export type DeclaredSpec<K extends KindName> = Widened<SpecOf<K>>;
