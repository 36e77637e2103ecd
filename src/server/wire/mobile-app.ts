import { complexType, f, type Fields } from './fields';
import { entityType } from './entity-type';
import { complexField, complexListField, enumMembers } from './graph-model';

const base: Fields = {
  id: f.string(),
  displayName: f.string(),
  description: f.string(),
  publisher: f.string(),
  largeIcon: complexField('mimeContent'),
  createdDateTime: f.string(),
  lastModifiedDateTime: f.string(),
  isFeatured: f.boolean(false, false),
  privacyInformationUrl: f.string(),
  informationUrl: f.string(),
  owner: f.string(),
  developer: f.string(),
  notes: f.string(),
  uploadState: f.int32(1, false),
  publishingState: f.enum(enumMembers('mobileAppPublishingState'), 'published'),
  isAssigned: f.boolean(false, false),
  roleScopeTagIds: f.strings(),
  dependentAppCount: f.int32(0, false),
  supersedingAppCount: f.int32(0, false),
  supersededAppCount: f.int32(0, false),
};
const readOnly = ['uploadState', 'publishingState', 'isAssigned', 'dependentAppCount', 'supersedingAppCount', 'supersededAppCount'];
const ancestors = ['mobileApp'];

const iosDeviceType = complexType('iosDeviceType', { iPad: f.boolean(false, false), iPhoneAndIPod: f.boolean(false, false) });
const applicableDeviceType = f.of(iosDeviceType, { iPad: false, iPhoneAndIPod: false });
/** Whether Intune delivers the app over MDM or declarative device management (reference errata 4). */
const appleDeviceAppDeliveryProtocolType = f.enum(enumMembers('appleDeviceDeliveryProtocol'), 'default');

const IOS_VERSIONS = ['v8_0', 'v9_0', 'v10_0', 'v11_0', 'v12_0', 'v13_0', 'v14_0', 'v15_0', 'v16_0', 'v17_0', 'v18_0', 'v26_0'];
const iosMinimumOperatingSystem = complexType(
  'iosMinimumOperatingSystem',
  Object.fromEntries(IOS_VERSIONS.map((v) => [v, f.boolean(false, false)])),
);

const vppLicensingType = complexType('vppLicensingType', {
  supportUserLicensing: f.boolean(false, false),
  supportDeviceLicensing: f.boolean(false, false),
  supportsUserLicensing: f.boolean(false, false),
  supportsDeviceLicensing: f.boolean(false, false),
});

/** `iosStoreApp`: an App Store app. */
export const iosStoreApp = entityType({
  name: 'iosStoreApp',
  ancestors,
  fields: {
    ...base,
    bundleId: f.string(),
    appStoreUrl: f.string(),
    appleDeviceAppDeliveryProtocolType,
    applicableDeviceType,
    minimumSupportedOperatingSystem: f.of(iosMinimumOperatingSystem, Object.fromEntries(IOS_VERSIONS.map((v) => [v, false]))),
  },
  required: ['displayName'],
  readOnly,
});

/** `iosVppApp`: an app licensed through Apple Business Manager (VPP). */
export const iosVppApp = entityType({
  name: 'iosVppApp',
  ancestors,
  fields: {
    ...base,
    usedLicenseCount: f.int32(0, false),
    totalLicenseCount: f.int32(0, false),
    releaseDateTime: f.string(),
    appStoreUrl: f.string(),
    appleDeviceAppDeliveryProtocolType,
    licensingType: f.of(vppLicensingType.nullable(), null),
    applicableDeviceType,
    vppTokenOrganizationName: f.string(),
    vppTokenAccountType: f.enum(['business', 'education'], 'business', false),
    vppTokenAppleId: f.string(),
    bundleId: f.string(),
    vppTokenId: f.string(),
    vppTokenDisplayName: f.string(),
    revokeLicenseActionResults: complexListField('iosVppAppRevokeLicensesActionResult'),
  },
  required: ['displayName'],
  readOnly: [...readOnly, 'revokeLicenseActionResults'],
});

/** `iosiPadOSWebClip`: a web clip on the home screen. */
export const iosiPadOSWebClip = entityType({
  name: 'iosiPadOSWebClip',
  ancestors,
  fields: {
    ...base,
    appUrl: f.string(),
    useManagedBrowser: f.boolean(false, false),
    fullScreenEnabled: f.boolean(false, false),
    targetApplicationBundleIdentifier: f.string(),
    preComposedIconEnabled: f.boolean(false, false),
    ignoreManifestScope: f.boolean(false, false),
  },
  required: ['displayName', 'appUrl'],
  readOnly,
});

/** `webApp`: a platform-neutral web link. */
export const webApp = entityType({
  name: 'webApp',
  ancestors,
  fields: { ...base, appUrl: f.string(), useManagedBrowser: f.boolean(false, false) },
  required: ['displayName', 'appUrl'],
  readOnly,
  immutable: ['appUrl'],
});
