import { assignmentTarget } from './assignment-target';
import { derivedType, f } from './fields';
import { entityType } from './entity-type';
import { complexField } from './graph-model';

const target = f.of(assignmentTarget, null);
const source = { source: f.enum(['direct', 'policySets'], 'direct'), sourceId: f.string() };
const sourceReadOnly = ['source', 'sourceId'];

/** `appleEnrollmentProfileAssignment`. */
export const appleEnrollmentProfileAssignment = entityType({
  name: 'appleEnrollmentProfileAssignment',
  fields: { id: f.string(), target },
  required: ['target'],
});

/** `enrollmentConfigurationAssignment`. */
export const enrollmentConfigurationAssignment = entityType({
  name: 'enrollmentConfigurationAssignment',
  fields: { id: f.string(), target, ...source },
  required: ['target'],
  readOnly: sourceReadOnly,
});

/** `managedDeviceMobileAppConfigurationAssignment`: a bare target. */
export const managedDeviceMobileAppConfigurationAssignment = entityType({
  name: 'managedDeviceMobileAppConfigurationAssignment',
  fields: { id: f.string(), target },
  required: ['target'],
});

/** `deviceConfigurationAssignment`. */
export const deviceConfigurationAssignment = entityType({
  name: 'deviceConfigurationAssignment',
  fields: { id: f.string(), target, ...source, intent: f.enum(['apply', 'remove'], 'apply', false) },
  required: ['target'],
  readOnly: sourceReadOnly,
});

const appSettings = {
  vpnConfigurationId: f.string(),
  uninstallOnDeviceRemoval: f.boolean(),
  isRemovable: f.boolean(),
  preventManagedAppBackup: f.boolean(),
};

/**
 * `mobileAppAssignmentSettings`: every derived type of the metadata (the DDM ones included), the
 * classic iOS ones with the defaults Intune returns.
 */
const mobileAppAssignmentSettings = complexField('mobileAppAssignmentSettings', {
  iosStoreAppAssignmentSettings: derivedType('iosStoreAppAssignmentSettings', appSettings),
  iosVppAppAssignmentSettings: derivedType('iosVppAppAssignmentSettings', { ...appSettings, useDeviceLicensing: f.boolean(false, false), preventAutoAppUpdate: f.boolean() }),
  iosLobAppAssignmentSettings: derivedType('iosLobAppAssignmentSettings', appSettings),
});

/** `mobileAppAssignment`. */
export const mobileAppAssignment = entityType({
  name: 'mobileAppAssignment',
  fields: {
    id: f.string(),
    intent: f.enum(['available', 'required', 'uninstall', 'availableWithoutEnrollment'], 'available', false),
    target,
    settings: mobileAppAssignmentSettings,
    ...source,
  },
  required: ['intent', 'target'],
  readOnly: sourceReadOnly,
});
