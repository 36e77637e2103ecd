import { randomUUID } from 'node:crypto';
import type { EnrollmentType } from '../model';
import type { EnrollmentRequest } from '../rules';
import type { EntityRecord, Store } from './store';
import { graphTimestamp } from './timestamps';
import { managedDevice } from './wire/managed-device';

/** The entity set of managed devices. */
export const MANAGED_DEVICES = 'managedDevices';

/** Graph's `deviceEnrollmentType` of a device enrolled with each enrollment type. */
const DEVICE_ENROLLMENT_TYPES: Record<EnrollmentType, string> = {
  device: 'userEnrollment',
  webDeviceEnrollment: 'userEnrollment',
  user: 'appleUserEnrollment',
  accountDrivenUserEnrollment: 'appleUserEnrollment',
};

/** What a simulated enrollment records. */
export interface EnrolledDevice {
  /** Tenant the device enrolled in. */
  readonly tenantId: string;
  /** The enrolling user (a stored `user`). */
  readonly user: EntityRecord;
  /** The simulated enrollment request (device, platform, ownership). */
  readonly request: EnrollmentRequest;
  /** The enrollment type the device enrolled with. */
  readonly enrollmentType: EnrollmentType;
  /** The enrollment type profile that applied. */
  readonly profileName: string;
  /** When the device enrolled (the server clock). */
  readonly enrolledAt: Date;
}

/** Intune's `managedDeviceName`: `<alias>_<model>_<M/d/yyyy>_<h:mm AM>`. */
function managedDeviceName(upn: string, model: string, at: Date): string {
  const hours = at.getUTCHours();
  const time = `${hours % 12 === 0 ? 12 : hours % 12}:${String(at.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${upn.split('@')[0] ?? upn}_${model}_${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear()}_${time}`;
}

/** The managed device a simulated enrollment leaves in the tenant. */
export function managedDeviceRecord(enrolled: EnrolledDevice): EntityRecord {
  const { user, request } = enrolled;
  const upn = String(user.data['userPrincipalName'] ?? '');
  const model = request.device === 'ipad' ? 'iPad' : 'iPhone';
  const now = graphTimestamp(enrolled.enrolledAt);
  const id = randomUUID();
  const data = {
    ...managedDevice.initial(),
    id,
    userId: user.id,
    deviceName: `${String(user.data['displayName'] ?? upn)}'s ${model}`,
    managedDeviceOwnerType: request.ownership === 'corporate' ? 'company' : 'personal',
    enrolledDateTime: now,
    lastSyncDateTime: now,
    operatingSystem: request.device === 'ipad' ? 'iPadOS' : 'iOS',
    osVersion: request.os,
    deviceEnrollmentType: DEVICE_ENROLLMENT_TYPES[enrolled.enrollmentType],
    model,
    userPrincipalName: upn,
    userDisplayName: user.data['displayName'] ?? null,
    emailAddress: user.data['mail'] ?? upn,
    managedDeviceName: managedDeviceName(upn, model, enrolled.enrolledAt),
    enrollmentProfileName: enrolled.profileName,
  };
  return { tenantId: enrolled.tenantId, collection: MANAGED_DEVICES, id, type: managedDevice.name, data, priorityClass: null, priority: null, lookupKey: null };
}

/** The managed devices of a tenant's user: what counts toward the user's device limit. */
export function managedDevicesOf(store: Store, tenantId: string, userId: string): EntityRecord[] {
  return store.listEntities(tenantId, MANAGED_DEVICES).filter((device) => device.data['userId'] === userId);
}
