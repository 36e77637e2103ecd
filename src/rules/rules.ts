import { ek001Ios15Fallback } from './ek001-ios15-fallback';
import { ek002DeviceRegistrationValue } from './ek002-device-registration-value';
import { ek003SsoWhitespace } from './ek003-sso-whitespace';
import { ek004BrowserSso } from './ek004-browser-sso';
import { ek005MicrosoftBundleIds } from './ek005-microsoft-bundle-ids';
import { ek006AuthenticatorRequired } from './ek006-authenticator-required';
import { ek007UserEnrollmentTargetsUsers } from './ek007-user-enrollment-targets-users';
import { ek008ProfilesTargetUsers } from './ek008-profiles-target-users';
import { ek009WebBasedWithoutJit } from './ek009-web-based-without-jit';
import { ek010PreferWebBased } from './ek010-prefer-web-based';
import { ek011ServiceDiscovery } from './ek011-service-discovery';
import { ek012OsBuildNumber } from './ek012-os-build-number';
import { ek013ProfilePriorities } from './ek013-profile-priorities';
import { ek014DeviceLimitRange } from './ek014-device-limit-range';
import { ek015CompanyPortalWebClip } from './ek015-company-portal-web-clip';
import { ek016Prerequisites } from './ek016-prerequisites';
import { ek017AdeUserAffinity } from './ek017-ade-user-affinity';
import { ek018AppOnlyRestrictions } from './ek018-app-only-restrictions';
import { ek019CompanyPortalVpp } from './ek019-company-portal-vpp';
import { ek020ModernAuthentication } from './ek020-modern-authentication';
import { ek021CompanyPortalFromAppStore } from './ek021-company-portal-from-app-store';
import { ek022DemWithCorporateDevices } from './ek022-dem-with-corporate-devices';
import { ek023OrganizationOwnedDevices } from './ek023-organization-owned-devices';
import type { Rule } from './rule';

/** Every rule of domain.md, in ID order. */
export const RULES: readonly Rule[] = [
  ek001Ios15Fallback,
  ek002DeviceRegistrationValue,
  ek003SsoWhitespace,
  ek004BrowserSso,
  ek005MicrosoftBundleIds,
  ek006AuthenticatorRequired,
  ek007UserEnrollmentTargetsUsers,
  ek008ProfilesTargetUsers,
  ek009WebBasedWithoutJit,
  ek010PreferWebBased,
  ek011ServiceDiscovery,
  ek012OsBuildNumber,
  ek013ProfilePriorities,
  ek014DeviceLimitRange,
  ek015CompanyPortalWebClip,
  ek016Prerequisites,
  ek017AdeUserAffinity,
  ek018AppOnlyRestrictions,
  ek019CompanyPortalVpp,
  ek020ModernAuthentication,
  ek021CompanyPortalFromAppStore,
  ek022DemWithCorporateDevices,
  ek023OrganizationOwnedDevices,
];

/** The rule with this ID, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
