import type { GraphEntity } from '../descriptor';
import { deviceLimitRestriction } from './device-limit-restriction';
import { isTenantDefault, platformRestriction, type PlatformRestrictionSpec } from './platform-restriction';
import { isOfType } from './target-only-assignments';

/** The tenant's default enrollment restrictions (priority 0, all users and all devices). */
export interface TenantDefaults {
  /** The iOS part of the default platform restriction. */
  readonly platformRestriction: PlatformRestrictionSpec;
  /** The default device limit. */
  readonly deviceLimit: number;
}

/** Intune's defaults in a new tenant: every platform allowed, 5 devices per user. */
export const INTUNE_DEFAULTS: TenantDefaults = {
  platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: false },
  deviceLimit: 5,
};

const ALL_PLATFORMS = '#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration';

/**
 * The tenant's defaults among entities of the enrollment configurations collection (others are
 * ignored); Intune's own defaults where the tenant's are not among them.
 */
export function tenantDefaultsOf(entities: readonly GraphEntity[]): TenantDefaults {
  const restrictions = entities.find((e) => isOfType(e, ALL_PLATFORMS) && isTenantDefault(e));
  const limit = entities.find((e) => deviceLimitRestriction.matches(e) && isTenantDefault(e));
  return {
    platformRestriction: restrictions
      ? platformRestriction.fromGraph({ id: restrictions.id, platformRestriction: restrictions.iosRestriction })
      : INTUNE_DEFAULTS.platformRestriction,
    deviceLimit: limit ? deviceLimitRestriction.fromGraph(limit).limit : INTUNE_DEFAULTS.deviceLimit,
  };
}
