import { z } from 'zod';
import { derivedType, f, type Fields, oneOf } from './fields';
import { entityType } from './entity-type';
import { complexField, complexListField } from './graph-model';

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

const IOS_EXTENSIONS: Readonly<Record<string, Fields>> = {
  iosAzureAdSingleSignOnExtension: { bundleIdAccessControlList: f.strings(), configurations, enableSharedDeviceMode: f.boolean(false, false) },
  iosRedirectSingleSignOnExtension: redirect,
  iosCredentialSingleSignOnExtension: credential,
  iosKerberosSingleSignOnExtension: kerberos,
};
const iosExtensionSchemas = Object.fromEntries(Object.entries(IOS_EXTENSIONS).map(([name, fields]) => [name, derivedType(name, fields)]));

/** `iosSingleSignOnExtension` and its derived types. */
export const iosSingleSignOnExtension = oneOf(Object.values(iosExtensionSchemas) as [ReturnType<typeof derivedType>, ...ReturnType<typeof derivedType>[]]);

const base: Fields = {
  id: f.string(),
  lastModifiedDateTime: f.string(),
  roleScopeTagIds: f.strings(['0']),
  supportsScopeTags: f.boolean(true, false),
  deviceManagementApplicabilityRuleOsEdition: complexField('deviceManagementApplicabilityRuleOsEdition'),
  deviceManagementApplicabilityRuleOsVersion: complexField('deviceManagementApplicabilityRuleOsVersion'),
  deviceManagementApplicabilityRuleDeviceMode: complexField('deviceManagementApplicabilityRuleDeviceMode'),
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
    airPrintDestinations: complexListField('airPrintDestination'),
    assetTagTemplate: f.string(),
    contentFilterSettings: complexField('iosWebContentFilterBase'),
    lockScreenFootnote: f.string(),
    homeScreenDockIcons: complexListField('iosHomeScreenItem'),
    homeScreenPages: complexListField('iosHomeScreenPage'),
    homeScreenGridWidth: f.int32(),
    homeScreenGridHeight: f.int32(),
    notificationSettings: complexListField('iosNotificationSettings'),
    singleSignOnSettings: complexField('iosSingleSignOnSettings'),
    wallpaperDisplayLocation: f.enum(['notConfigured', 'lockScreen', 'homeScreen', 'lockAndHomeScreens'], 'notConfigured', false),
    wallpaperImage: complexField('mimeContent'),
    iosSingleSignOnExtension: f.of(iosSingleSignOnExtension.nullable(), null),
    singleSignOnExtension: complexField('singleSignOnExtension', iosExtensionSchemas),
  },
  required: ['displayName'],
  readOnly: ['version', 'supportsScopeTags'],
});
