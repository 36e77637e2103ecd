import { f } from './fields';
import { entityType } from './entity-type';
import { declaredEntityFields } from './graph-model';

/**
 * The `organization` entity: every property the metadata declares (null or empty where the
 * server knows nothing of the tenant), with the tenant's ID, name and verified domains. Served
 * read-only: organizations come from the admin API, never from a Graph request.
 */
export const organization = entityType({
  name: 'organization',
  ancestors: ['directoryObject'],
  fields: {
    ...declaredEntityFields('organization'),
    id: f.string(),
    displayName: f.string(),
    tenantType: f.string('AAD'),
    mobileDeviceManagementAuthority: f.enum(['unknown', 'intune', 'sccm', 'office365'], 'intune', false),
  },
});
