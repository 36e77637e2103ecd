import { f } from './fields';
import { entityType } from './entity-type';
import { declaredEntityFields } from './graph-model';

/**
 * The `managedDevice` entity: every property the metadata declares (null or empty where a simulated
 * iOS/iPadOS enrollment sets nothing), those an enrollment sets with their values. Devices come
 * from enrollment, never from a create request.
 */
export const managedDevice = entityType({
  name: 'managedDevice',
  fields: {
    ...declaredEntityFields('managedDevice'),
    id: f.string(),
    userId: f.string(),
    deviceName: f.string(),
    managedDeviceOwnerType: f.enum(['unknown', 'company', 'personal'], 'unknown', false),
    enrolledDateTime: f.string(),
    lastSyncDateTime: f.string(),
    operatingSystem: f.string(),
    complianceState: f.enum(['unknown', 'compliant', 'noncompliant', 'conflict', 'error', 'inGracePeriod', 'configManager'], 'unknown', false),
    managementAgent: f.string('mdm'),
    osVersion: f.string(),
    deviceEnrollmentType: f.enum(['unknown', 'userEnrollment', 'deviceEnrollmentManager', 'appleBulkWithUser', 'appleBulkWithoutUser', 'appleUserEnrollment'], 'unknown', false),
    isSupervised: f.boolean(false, false),
    model: f.string(),
    manufacturer: f.string('Apple'),
    userPrincipalName: f.string(),
    userDisplayName: f.string(),
    emailAddress: f.string(),
    managedDeviceName: f.string(),
    managementState: f.string('managed'),
    enrollmentProfileName: f.string(),
  },
});
