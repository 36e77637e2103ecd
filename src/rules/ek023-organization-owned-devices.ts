import { resourcesOfKind, stateResources } from './resources';
import type { Rule, Violation } from './rule';

/** EK023: ADE is for organization-owned devices; a restriction that blocks iOS/iPadOS refuses them too. */
export const ek023OrganizationOwnedDevices: Rule = {
  id: 'EK023',
  severity: 'error',
  title: 'ADE enrolls organization-owned devices: do not block iOS/iPadOS in a platform restriction that reaches their users; block personally owned devices instead',
  message: 'a platform restriction that blocks iOS/iPadOS also refuses ADE devices, which then fail with "Invalid Profile"',
  fix: 'allow iOS/iPadOS and block personally owned devices (personalDeviceEnrollmentBlocked) to keep personal devices out while ADE devices enroll',
  sources: ['003', 'ade'],
  check: (context) => {
    const profiles = resourcesOfKind(stateResources(context), 'adeProfile');
    const fromTenant = context.facts.adeProfiles ?? [];
    if (profiles.length === 0 && fromTenant.length === 0) return [];
    const violations: Violation[] = [];
    if (context.facts.tenantDefaults?.platformRestriction.platformBlocked) {
      violations.push({
        path: 'tenant/deviceEnrollmentConfigurations/All users',
        field: 'platformBlocked',
        value: true,
        message: 'the tenant default platform restriction ("All users") blocks iOS/iPadOS, so every ADE device without a restriction of its own fails with "Invalid Profile"',
      });
    }
    const withUsers = profiles.some((p) => p.spec.userAffinity) || fromTenant.some((p) => p.userAffinity);
    if (!withUsers) return violations;
    for (const restriction of resourcesOfKind(context.manifest.resources, 'platformRestriction')) {
      if (!restriction.spec.platformBlocked || restriction.assignments.every((a) => a.target.type === 'exclusionGroup')) continue;
      violations.push({
        path: restriction.path,
        field: 'platformBlocked',
        value: true,
        severity: 'warning',
        message: `"${restriction.displayName}" blocks iOS/iPadOS for its users: ADE devices they set up with user affinity fail with "Invalid Profile"`,
      });
    }
    return violations;
  },
};
