import { z } from 'zod';
import type { GraphEntity, KindDescriptor, KindParent, PlannedAction } from '../descriptor';

/** Where a user with affinity authenticates during ADE or Apple Configurator enrollment (seed 003). */
export const AdeAuthenticationSchema = z.enum(['companyPortal', 'setupAssistantLegacy', 'setupAssistantModern']);

/** Where a user with affinity authenticates. */
export type AdeAuthenticationMethod = z.infer<typeof AdeAuthenticationSchema>;

/** An Apple serial number, as Apple Business Manager and Apple Configurator list devices. */
export const SerialNumberSchema = z.string().regex(/^[A-Z0-9]{8,14}$/, { message: 'expected an Apple serial number such as "DMPXK0A1JF8J"' });

/**
 * The three Graph booleans of the portal's authentication choices (reference graph-ade-api.md §3):
 * `requiresUserAuthentication`, `enableAuthenticationViaCompanyPortal` (true means Company Portal,
 * whatever the Graph docs say) and `requireCompanyPortalOnSetupAssistantEnrolledDevices` (modern authentication).
 */
export function authenticationFlags(userAffinity: boolean, authentication: AdeAuthenticationMethod | undefined): Record<string, boolean> {
  return {
    requiresUserAuthentication: userAffinity,
    enableAuthenticationViaCompanyPortal: authentication === 'companyPortal',
    requireCompanyPortalOnSetupAssistantEnrolledDevices: authentication === 'setupAssistantModern',
  };
}

/** The authentication method of a profile entity, from its three booleans. */
export function authenticationOf(entity: GraphEntity): AdeAuthenticationMethod | undefined {
  if (entity.enableAuthenticationViaCompanyPortal === true) return 'companyPortal';
  if (entity.requiresUserAuthentication !== true) return undefined;
  return entity.requireCompanyPortalOnSetupAssistantEnrolledDevices === true ? 'setupAssistantModern' : 'setupAssistantLegacy';
}

/** The constant of an authentication method in generated code (`AdeAuthentication.…`). */
export const AUTHENTICATION_CODE: Readonly<Record<AdeAuthenticationMethod, string>> = {
  companyPortal: 'AdeAuthentication.COMPANY_PORTAL',
  setupAssistantLegacy: 'AdeAuthentication.SETUP_ASSISTANT_LEGACY',
  setupAssistantModern: 'AdeAuthentication.SETUP_ASSISTANT_MODERN_AUTHENTICATION',
};

/** The guid part of a composite profile ID `{tokenId}_{guid}`, which device records name. */
export function bareProfileId(id: string): string {
  return id.includes('_') ? id.slice(id.lastIndexOf('_') + 1) : id;
}

/** The list of ADE tokens and the Apple Configurator pseudo-token. */
export const DEP_ONBOARDING_SETTINGS = '/deviceManagement/depOnboardingSettings';

/** The collection of enrollment profiles under a token (ADE) or the account (Apple Configurator). */
export const ENROLLMENT_PROFILES = `${DEP_ONBOARDING_SETTINGS}/{parent}/enrollmentProfiles`;

/** The property read-state folds a profile's assigned serial numbers into. */
const SERIALS = 'serialNumbers';

/** The serial numbers folded into an entity by {@link profileDevices}. */
export function serialsOf(entity: GraphEntity): string[] {
  return Array.isArray(entity[SERIALS]) ? (entity[SERIALS] as unknown[]).map(String) : [];
}

/**
 * The parent of a profile kind, the token of `lookup`, read with the token's devices: each profile
 * gets the serial numbers of the devices assigned to it (by the bare guid of its ID).
 */
export function profileDevices(lookup: string): KindParent {
  return {
    lookup,
    attach: {
      request: (tokenId) => ({ method: 'GET', version: 'beta', path: `${DEP_ONBOARDING_SETTINGS}/${tokenId}/importedAppleDeviceIdentities` }),
      apply: (entity, devices) => ({
        ...entity,
        [SERIALS]: devices.filter((d) => d.requestedEnrollmentProfileId === bareProfileId(entity.id)).map((d) => String(d.serialNumber)),
      }),
    },
  };
}

/** The assignment of the serial numbers `desired` has and `actual` lacks (`updateDeviceProfileAssignment` adds devices). */
export function assignSerials(desired: readonly string[], actual: readonly string[] | undefined): PlannedAction[] {
  const added = desired.filter((s) => !(actual ?? []).includes(s));
  if (added.length === 0) return [];
  return [{ operation: 'assign', body: { deviceIds: added }, title: `assign ${added.length} device${added.length === 1 ? '' : 's'} (${added.join(', ')})` }];
}

/** Permissions of ADE and Apple Configurator profiles (either family; reference graph-ade-api.md §1.1). */
export const ENROLLMENT_PROFILE_PERMISSIONS: KindDescriptor['permissions'] = {
  read: ['DeviceManagementServiceConfig.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
  write: ['DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All'],
};

/** The authentication rule of both profile kinds: with user affinity, a method; without, none (Company Portal is left to `withoutAffinity`). */
export function authenticationIssue(
  spec: { readonly userAffinity: boolean; readonly authentication?: AdeAuthenticationMethod | undefined },
  allowedWithoutAffinity: readonly AdeAuthenticationMethod[],
): string | undefined {
  if (spec.userAffinity) return spec.authentication === undefined ? 'a profile with user affinity needs an authentication method' : undefined;
  return spec.authentication !== undefined && !allowedWithoutAffinity.includes(spec.authentication) ? 'a profile without user affinity has no Setup Assistant authentication' : undefined;
}
