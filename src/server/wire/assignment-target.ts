import { z } from 'zod';
import { derivedType, f, oneOf } from './fields';

const filter = {
  deviceAndAppManagementAssignmentFilterId: f.string(),
  deviceAndAppManagementAssignmentFilterType: f.enum(['none', 'include', 'exclude'], 'none'),
};
const groupId = f.of(z.string(), null);

/** `deviceAndAppManagementAssignmentTarget`: the polymorphic target of every Intune assignment. */
export const assignmentTarget = oneOf([
  derivedType('groupAssignmentTarget', { ...filter, groupId }),
  derivedType('exclusionGroupAssignmentTarget', { ...filter, groupId }),
  derivedType('allLicensedUsersAssignmentTarget', filter),
  derivedType('allDevicesAssignmentTarget', filter),
  derivedType('configurationManagerCollectionAssignmentTarget', { ...filter, collectionId: f.string() }),
]);
