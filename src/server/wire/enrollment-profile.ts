import { z } from 'zod';
import { complexType, f } from './fields';
import { entityType } from './entity-type';

/** Members of `appleUserInitiatedEnrollmentType`. */
export const APPLE_USER_INITIATED_ENROLLMENT_TYPES = [
  'unknown',
  'device',
  'user',
  'accountDrivenUserEnrollment',
  'webDeviceEnrollment',
  'unknownFutureValue',
] as const;

/** Members of `devicePlatformType`. */
export const DEVICE_PLATFORM_TYPES = [
  'android',
  'androidForWork',
  'iOS',
  'macOS',
  'windowsPhone81',
  'windows81AndLater',
  'windows10AndLater',
  'androidWorkProfile',
  'unknown',
  'androidAOSP',
  'androidMobileApplicationManagement',
  'iOSMobileApplicationManagement',
  'unknownFutureValue',
  'windowsMobileApplicationManagement',
] as const;

const appleOwnerTypeEnrollmentType = complexType('appleOwnerTypeEnrollmentType', {
  ownerType: f.enum(['unknown', 'company', 'personal', 'unknownFutureValue'], 'unknown', false),
  enrollmentType: f.enum(APPLE_USER_INITIATED_ENROLLMENT_TYPES, 'unknown', false),
});

/** `appleUserInitiatedEnrollmentProfile`: an enrollment type profile. */
export const appleUserInitiatedEnrollmentProfile = entityType({
  name: 'appleUserInitiatedEnrollmentProfile',
  fields: {
    id: f.string(),
    displayName: f.string(),
    description: f.string(),
    priority: f.int32(0, false),
    platform: f.enum(DEVICE_PLATFORM_TYPES, 'iOS', false),
    defaultEnrollmentType: f.enum(APPLE_USER_INITIATED_ENROLLMENT_TYPES, 'unknown', false),
    availableEnrollmentTypeOptions: f.of(z.array(appleOwnerTypeEnrollmentType).nullable(), []),
    createdDateTime: f.string(),
    lastModifiedDateTime: f.string(),
  },
  required: ['displayName'],
  readOnly: ['priority'],
});
