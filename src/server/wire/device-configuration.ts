import { z } from 'zod';
import { derivedType, f, type Fields, oneOf } from './fields';
import { entityType } from './entity-type';

const keyTypedValuePair = oneOf([
  derivedType('keyStringValuePair', { key: f.string(), value: f.string() }),
  derivedType('keyIntegerValuePair', { key: f.string(), value: f.int32() }),
  derivedType('keyBooleanValuePair', { key: f.string(), value: f.boolean() }),
  derivedType('keyRealValuePair', { key: f.string(), value: f.double() }),
]);

const configurations = f.of(z.array(keyTypedValuePair).max(500).nullable(), []);

const redirect: Fields = { extensionIdentifier: f.string(), teamIdentifier: f.string(), urlPrefixes: f.strings(), configurations };
const credential: Fields = { extensionIdentifier: f.string(), teamIdentifier: f.string(), domains: f.strings(), realm: f.string(), configurations };
const kerberos: Fields = {
  realm: f.string(),
  domains: f.strings(),
  blockAutomaticLogin: f.boolean(false),
  cacheName: f.string(),
  credentialBundleIdAccessControlList: f.strings(),
  domainRealms: f.strings(),
  isDefaultRealm: f.boolean(false),
  passwordBlockModification: f.boolean(false),
  passwordChangeUrl: f.string(),
  passwordEnableLocalSync: f.boolean(false),
  passwordExpirationDays: f.int32(),
  passwordExpirationNotificationDays: f.int32(),
  passwordMinimumAgeDays: f.int32(),
  passwordMinimumLength: f.int32(),
  passwordPreviousPasswordBlockCount: f.int32(),
  passwordRequireActiveDirectoryComplexity: f.boolean(false),
  passwordRequirementsDescription: f.string(),
  requireUserPresence: f.boolean(false),
  userPrincipalName: f.string(),
  activeDirectorySiteCode: f.string(),
  blockActiveDirectorySiteAutoDiscovery: f.boolean(false),
  managedAppsInBundleIdACLIncluded: f.boolean(false),
  signInHelpText: f.string(),
};

const iosExtensions = [
  derivedType('iosAzureAdSingleSignOnExtension', {
    bundleIdAccessControlList: f.strings(),
    configurations,
    enableSharedDeviceMode: f.boolean(false, false),
  }),
  derivedType('iosRedirectSingleSignOnExtension', redirect),
  derivedType('iosCredentialSingleSignOnExtension', credential),
  derivedType('iosKerberosSingleSignOnExtension', kerberos),
] as const;

/** `iosSingleSignOnExtension` and its derived types. */
export const iosSingleSignOnExtension = oneOf(iosExtensions);

/** `singleSignOnExtension` (deprecated property type): the iOS types plus the platform-neutral legacy ones. */
export const singleSignOnExtension = oneOf([
  ...iosExtensions,
  derivedType('redirectSingleSignOnExtension', redirect),
  derivedType('credentialSingleSignOnExtension', credential),
  derivedType('kerberosSingleSignOnExtension', kerberos),
]);

const base: Fields = {
  id: f.string(),
  lastModifiedDateTime: f.string(),
  roleScopeTagIds: f.strings(['0']),
  supportsScopeTags: f.boolean(true, false),
  deviceManagementApplicabilityRuleOsEdition: f.opaque(),
  deviceManagementApplicabilityRuleOsVersion: f.opaque(),
  deviceManagementApplicabilityRuleDeviceMode: f.opaque(),
  createdDateTime: f.string(),
  description: f.string(),
  displayName: f.string(),
  version: f.int32(1, false),
};

/** `iosDeviceFeaturesConfiguration`: iOS device features, home of the SSO app extension. */
export const iosDeviceFeaturesConfiguration = entityType({
  name: 'iosDeviceFeaturesConfiguration',
  ancestors: ['appleDeviceFeaturesConfigurationBase', 'deviceConfiguration'],
  fields: {
    ...base,
    airPrintDestinations: f.opaqueList(),
    assetTagTemplate: f.string(),
    contentFilterSettings: f.opaque(),
    lockScreenFootnote: f.string(),
    homeScreenDockIcons: f.opaqueList(),
    homeScreenPages: f.opaqueList(),
    homeScreenGridWidth: f.int32(),
    homeScreenGridHeight: f.int32(),
    notificationSettings: f.opaqueList(),
    singleSignOnSettings: f.opaque(),
    wallpaperDisplayLocation: f.enum(['notConfigured', 'lockScreen', 'homeScreen', 'lockAndHomeScreens'], 'notConfigured', false),
    wallpaperImage: f.opaque(),
    iosSingleSignOnExtension: f.of(iosSingleSignOnExtension.nullable(), null),
    singleSignOnExtension: f.of(singleSignOnExtension.nullable(), null),
  },
  required: ['displayName'],
  readOnly: ['version', 'supportsScopeTags'],
});
