import { createHash, randomUUID } from 'node:crypto';
import type { EntityRecord, Store } from './store';
import { graphTimestamp, type Clock } from './timestamps';
import { COMPANY_PORTAL } from '../model';
import { depOnboardingSetting, importedAppleDeviceIdentity, vppToken } from './wire/dep-enrollment';
import { iosVppApp } from './wire/mobile-app';

/** Store collection of a tenant's ADE tokens (and the Apple Configurator pseudo-token). */
export const DEP_TOKENS = 'depOnboardingSettings';
/** Store collection of the VPP tokens. */
export const VPP_TOKENS = 'vppTokens';

/** Store collection of one token's enrollment profiles. */
export function profilesOf(tokenId: string): string {
  return `enrollmentProfiles:${tokenId}`;
}

/** Store collection of one token's device serial numbers. */
export function devicesOf(tokenId: string): string {
  return `importedAppleDeviceIdentities:${tokenId}`;
}

/** The Intune account ID of a tenant: the ID of its Apple Configurator pseudo-token (a stable GUID derived from the tenant). */
export function intuneAccountIdOf(tenantId: string): string {
  const hex = createHash('sha256').update(`intune-account:${tenantId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The serial numbers every new tenant's ADE token has synced from Apple Business Manager. */
export const SEEDED_ADE_SERIALS = ['DMPXK0A1JF8J', 'DMPXK0A2JF8J', 'DMPXK0A3JF8J', 'DMPXK0A4JF8J', 'DMPXK0A5JF8J', 'F9FXQ1B1HG7K', 'F9FXQ1B2HG7K', 'F9FXQ1B3HG7K'];

const DAY = 24 * 60 * 60 * 1000;

function record(tenantId: string, collection: string, type: string, data: Record<string, unknown>): EntityRecord {
  return { tenantId, collection, id: String(data['id']), type, data, priorityClass: null, priority: null, lookupKey: null };
}

/**
 * What a new tenant holds for corporate devices: one ADE token ("Contoso ABM", valid for a year)
 * with its synced serial numbers, the Apple Configurator pseudo-token (ID = the Intune account ID,
 * token type `none`), one VPP token ("Contoso VPP") and the Company Portal app its licenses synced
 * (an `iosVppApp` with device licensing).
 */
export function adeTenantDefaults(tenantId: string, clock: Clock): EntityRecord[] {
  const now = clock();
  const tokenId = randomUUID();
  const token = {
    ...depOnboardingSetting.initial(),
    id: tokenId,
    tokenName: 'Contoso ABM',
    appleIdentifier: 'abm-admin@contoso.com',
    tokenType: 'dep',
    tokenExpirationDateTime: graphTimestamp(new Date(now.getTime() + 365 * DAY)),
    lastModifiedDateTime: graphTimestamp(now),
    lastSuccessfulSyncDateTime: graphTimestamp(now),
    syncedDeviceCount: SEEDED_ADE_SERIALS.length,
  };
  const configurator = {
    ...depOnboardingSetting.initial(),
    id: intuneAccountIdOf(tenantId),
    tokenName: 'Apple Configurator',
    tokenType: 'none',
    lastModifiedDateTime: graphTimestamp(now),
  };
  const devices = SEEDED_ADE_SERIALS.map((serialNumber) =>
    record(tenantId, devicesOf(tokenId), importedAppleDeviceIdentity.name, {
      ...importedAppleDeviceIdentity.initial(),
      id: randomUUID(),
      serialNumber,
      discoverySource: 'deviceEnrollmentProgram',
      isSupervised: true,
      createdDateTime: graphTimestamp(now),
    }),
  );
  const vpp = {
    ...vppToken.initial(),
    id: randomUUID(),
    organizationName: 'Contoso',
    appleId: 'vpp-admin@contoso.com',
    displayName: 'Contoso VPP',
    locationName: 'Contoso',
    expirationDateTime: graphTimestamp(new Date(now.getTime() + 365 * DAY)),
    lastSyncDateTime: graphTimestamp(now),
    lastModifiedDateTime: graphTimestamp(now),
  };
  const companyPortal = {
    ...iosVppApp.initial(),
    id: randomUUID(),
    displayName: COMPANY_PORTAL.displayName,
    publisher: COMPANY_PORTAL.publisher,
    bundleId: COMPANY_PORTAL.bundleId,
    appStoreUrl: COMPANY_PORTAL.appStoreUrl,
    applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
    licensingType: { supportUserLicensing: true, supportDeviceLicensing: true, supportsUserLicensing: true, supportsDeviceLicensing: true },
    totalLicenseCount: 100,
    vppTokenId: vpp.id,
    vppTokenDisplayName: vpp.displayName,
    vppTokenOrganizationName: vpp.organizationName,
    vppTokenAppleId: vpp.appleId,
    createdDateTime: graphTimestamp(now),
    lastModifiedDateTime: graphTimestamp(now),
  };
  return [
    record(tenantId, DEP_TOKENS, depOnboardingSetting.name, token),
    record(tenantId, DEP_TOKENS, depOnboardingSetting.name, configurator),
    ...devices,
    record(tenantId, VPP_TOKENS, vppToken.name, vpp),
    record(tenantId, 'mobileApps', iosVppApp.name, companyPortal),
  ];
}

/** A tenant's ADE token (or pseudo-token) by ID. */
export function depTokenOf(store: Store, tenantId: string, id: string): EntityRecord | undefined {
  return store.getEntity(tenantId, DEP_TOKENS, id);
}
