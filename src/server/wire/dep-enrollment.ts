import { z } from 'zod';
import { entityType } from './entity-type';
import { complexType, f, type Fields } from './fields';
import { complexListField, enumMembers } from './graph-model';

/** Members of `depTokenType`: `none` marks the Apple Configurator pseudo-token. */
export const DEP_TOKEN_TYPES = ['none', 'dep', 'appleSchoolManager'] as const;

/** `depOnboardingSetting`: an ADE (Apple Business or School Manager) token, or the Apple Configurator pseudo-token. */
export const depOnboardingSetting = entityType({
  name: 'depOnboardingSetting',
  fields: {
    id: f.string(),
    appleIdentifier: f.string(),
    tokenExpirationDateTime: f.string(),
    lastModifiedDateTime: f.string(),
    lastSuccessfulSyncDateTime: f.string(),
    lastSyncTriggeredDateTime: f.string(),
    shareTokenWithSchoolDataSyncService: f.boolean(false, false),
    lastSyncErrorCode: f.int32(0, false),
    tokenType: f.enum(DEP_TOKEN_TYPES, 'dep', false),
    tokenName: f.string(),
    syncedDeviceCount: f.int32(0, false),
    dataSharingConsentGranted: f.boolean(false, false),
    roleScopeTagIds: f.strings(['0']),
  },
  readOnly: ['tokenExpirationDateTime', 'lastSuccessfulSyncDateTime', 'lastSyncTriggeredDateTime', 'lastSyncErrorCode', 'syncedDeviceCount', 'tokenType'],
});

/** The properties of `enrollmentProfile`, the base type (and the Apple Configurator profile). */
const enrollmentProfileFields: Fields = {
  id: f.string(),
  displayName: f.string(),
  description: f.string(),
  requiresUserAuthentication: f.boolean(false, false),
  configurationEndpointUrl: f.string(),
  enableAuthenticationViaCompanyPortal: f.boolean(false, false),
  requireCompanyPortalOnSetupAssistantEnrolledDevices: f.boolean(false, false),
};

/** `enrollmentProfile`: an Apple Configurator profile (the base type itself; no subtype). */
export const enrollmentProfile = entityType({
  name: 'enrollmentProfile',
  fields: enrollmentProfileFields,
  required: ['displayName'],
  readOnly: ['configurationEndpointUrl'],
});

/** Setup Assistant panes of `depEnrollmentBaseProfile` (true hides the pane). */
export const BASE_PANES = [
  'locationDisabled',
  'restoreBlocked',
  'appleIdDisabled',
  'termsAndConditionsDisabled',
  'touchIdDisabled',
  'applePayDisabled',
  'siriDisabled',
  'diagnosticsDisabled',
  'displayToneSetupDisabled',
  'privacyPaneDisabled',
  'screenTimeScreenDisabled',
] as const;

/** Setup Assistant panes of `depIOSEnrollmentProfile` (true hides the pane). */
export const IOS_PANES = [
  'restoreFromAndroidDisabled',
  'homeButtonScreenDisabled',
  'iMessageAndFaceTimeScreenDisabled',
  'onBoardingScreenDisabled',
  'simSetupScreenDisabled',
  'softwareUpdateScreenDisabled',
  'watchMigrationScreenDisabled',
  'appearanceScreenDisabled',
  'expressLanguageScreenDisabled',
  'preferredLanguageScreenDisabled',
  'deviceToDeviceMigrationDisabled',
  'welcomeScreenDisabled',
  'passCodeDisabled',
  'zoomDisabled',
  'restoreCompletedScreenDisabled',
  'updateCompleteScreenDisabled',
] as const;

const flags = (names: readonly string[]): Fields => Object.fromEntries(names.map((name) => [name, f.boolean(false, false)]));

const managementCertificate = complexType('managementCertificateWithThumbprint', { thumbprint: f.string(), certificate: f.string() });

/** `depIOSEnrollmentProfile`: an iOS/iPadOS ADE enrollment profile. */
export const depIOSEnrollmentProfile = entityType({
  name: 'depIOSEnrollmentProfile',
  ancestors: ['depEnrollmentBaseProfile', 'enrollmentProfile'],
  fields: {
    ...enrollmentProfileFields,
    isDefault: f.boolean(false, false),
    supervisedModeEnabled: f.boolean(false, false),
    supportDepartment: f.string(),
    isMandatory: f.boolean(false, false),
    supportPhoneNumber: f.string(),
    profileRemovalDisabled: f.boolean(false, false),
    ...flags(BASE_PANES),
    deviceNameTemplate: f.string(),
    configurationWebUrl: f.boolean(false, false),
    enabledSkipKeys: f.strings(),
    enrollmentTimeAzureAdGroupIds: f.strings(),
    waitForDeviceConfiguredConfirmation: f.boolean(false, false),
    iTunesPairingMode: f.enum(['disallow', 'allow', 'requiresCertificate'], 'allow', false),
    managementCertificates: f.of(z.array(managementCertificate).nullable(), []),
    awaitDeviceConfiguredConfirmation: f.boolean(false, false),
    sharedIPadMaximumUserCount: f.int32(0, false),
    enableSharedIPad: f.boolean(false, false),
    companyPortalVppTokenId: f.string(),
    enableSingleAppEnrollmentMode: f.boolean(false, false),
    ...flags(IOS_PANES),
    forceTemporarySession: f.boolean(false, false),
    temporarySessionTimeoutInSeconds: f.int32(0, false),
    userSessionTimeoutInSeconds: f.int32(0, false),
    passcodeLockGracePeriodInSeconds: f.int32(0, false),
    carrierActivationUrl: f.string(),
    userlessSharedAadModeEnabled: f.boolean(false, false),
  },
  required: ['displayName'],
  readOnly: ['configurationEndpointUrl', 'isDefault'],
});

/** `importedAppleDeviceIdentity`: a device serial number known to a token. */
export const importedAppleDeviceIdentity = entityType({
  name: 'importedAppleDeviceIdentity',
  fields: {
    id: f.string(),
    serialNumber: f.string(),
    requestedEnrollmentProfileId: f.string(),
    requestedEnrollmentProfileAssignmentDateTime: f.string(),
    isSupervised: f.boolean(false, false),
    discoverySource: f.enum(['unknown', 'adminImport', 'deviceEnrollmentProgram'], 'adminImport', false),
    isDeleted: f.boolean(false, false),
    createdDateTime: f.string(),
    lastContactedDateTime: f.string(),
    description: f.string(),
    enrollmentState: f.enum(['unknown', 'enrolled', 'pendingReset', 'failed', 'notContacted', 'blocked'], 'notContacted', false),
    platform: f.enum(['unknown', 'ios', 'android', 'windows', 'windowsMobile', 'macOS', 'visionOS', 'tvOS', 'tvos', 'unknownFutureValue'], 'ios', false),
  },
  required: ['serialNumber'],
});

/** `vppToken`: an Apple Volume Purchase Program location token, which install apps (Company Portal) on devices. */
export const vppToken = entityType({
  name: 'vppToken',
  fields: {
    id: f.string(),
    organizationName: f.string(),
    vppTokenAccountType: f.enum(['business', 'education'], 'business', false),
    appleId: f.string(),
    expirationDateTime: f.string(),
    lastSyncDateTime: f.string(),
    token: f.string(),
    lastModifiedDateTime: f.string(),
    state: f.enum(enumMembers('vppTokenState'), 'valid', false),
    tokenActionResults: complexListField('vppTokenActionResult'),
    lastSyncStatus: f.enum(enumMembers('vppTokenSyncStatus'), 'completed', false),
    automaticallyUpdateApps: f.boolean(false, false),
    countryOrRegion: f.string(),
    dataSharingConsentGranted: f.boolean(false, false),
    displayName: f.string(),
    locationName: f.string(),
    claimTokenManagementFromExternalMdm: f.boolean(false, false),
    roleScopeTagIds: f.strings(['0']),
    appleDeviceAppDeliveryProtocolType: f.enum(enumMembers('appleDeviceDeliveryProtocol'), 'mobileDeviceManagement', false),
  },
});
