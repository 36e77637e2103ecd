import { complexType, f, type Fields } from './fields';
import { entityType } from './entity-type';

const base: Fields = {
  id: f.string(),
  displayName: f.string(),
  description: f.string(),
  priority: f.int32(0, false),
  createdDateTime: f.string(),
  lastModifiedDateTime: f.string(),
  version: f.int32(1, false),
  roleScopeTagIds: f.strings(['0']),
  deviceEnrollmentConfigurationType: f.string(),
};
const readOnly = ['priority', 'version', 'deviceEnrollmentConfigurationType'];
const ancestors = ['deviceEnrollmentConfiguration'];

/** `deviceEnrollmentPlatformRestriction`: what one platform may enroll. */
export const platformRestriction = complexType('deviceEnrollmentPlatformRestriction', {
  platformBlocked: f.boolean(false, false),
  personalDeviceEnrollmentBlocked: f.boolean(false, false),
  osMinimumVersion: f.string(),
  osMaximumVersion: f.string(),
  blockedManufacturers: f.strings(),
  blockedSkus: f.strings(),
});

const restriction = f.of(platformRestriction.nullable(), null);

/** `deviceEnrollmentPlatformRestrictionConfiguration`: a single-platform restriction. */
export const deviceEnrollmentPlatformRestrictionConfiguration = entityType({
  name: 'deviceEnrollmentPlatformRestrictionConfiguration',
  ancestors,
  fields: {
    ...base,
    deviceEnrollmentConfigurationType: f.string('singlePlatformRestriction'),
    platformRestriction: restriction,
    platformType: f.enum(
      ['allPlatforms', 'ios', 'windows', 'windowsPhone', 'android', 'androidForWork', 'mac', 'linux', 'unknownFutureValue'],
      'allPlatforms',
      false,
    ),
  },
  required: ['displayName', 'platformType'],
  readOnly,
  immutable: ['platformType'],
});

/**
 * `deviceEnrollmentPlatformRestrictionsConfiguration`: the all-platform restriction (the tenant
 * default). A PATCH must send the whole object: the live service refused one with only
 * `iosRestriction` (microsoft-graph-docs#18255, #18268).
 */
export const deviceEnrollmentPlatformRestrictionsConfiguration = entityType({
  name: 'deviceEnrollmentPlatformRestrictionsConfiguration',
  ancestors,
  fields: {
    ...base,
    deviceEnrollmentConfigurationType: f.string('platformRestrictions'),
    iosRestriction: restriction,
    windowsRestriction: restriction,
    windowsHomeSkuRestriction: restriction,
    windowsMobileRestriction: restriction,
    androidRestriction: restriction,
    androidForWorkRestriction: restriction,
    macRestriction: restriction,
    macOSRestriction: restriction,
    visionOSRestriction: restriction,
    tvosRestriction: restriction,
  },
  required: ['displayName'],
  readOnly,
  patchWhole: true,
});

/** `deviceEnrollmentLimitConfiguration`: devices per user. */
export const deviceEnrollmentLimitConfiguration = entityType({
  name: 'deviceEnrollmentLimitConfiguration',
  ancestors,
  fields: { ...base, deviceEnrollmentConfigurationType: f.string('limit'), limit: f.int32(5, false) },
  required: ['displayName', 'limit'],
  readOnly,
});
