import { GraphError } from '../graph-error';
import { requestPath, type ServerContextOf } from '../server-context';
import { INTUNE_ADMIN_ROLES, type TokenGrant } from '../token-grant';

/** The permissions that open one family of paths, in Graph's documentation order (section 9 of the wire contract). */
interface PathPermissions {
  /** Path below the version segment that the family starts with. */
  readonly prefix: string;
  /** Permissions any one of which allows reading. */
  readonly read: readonly string[];
  /** Permissions any one of which allows writing (POST, PATCH, PUT, DELETE). */
  readonly write: readonly string[];
  /** Permissions that allow only creating (`POST` to the collection itself). */
  readonly create?: readonly string[];
  /** Directory paths answer in Entra ID's words, Intune paths in Intune's. */
  readonly directory: boolean;
}

const SERVICE_CONFIG = {
  read: ['DeviceManagementServiceConfig.Read.All', 'DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
  write: ['DeviceManagementServiceConfig.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All'],
  directory: false,
};

const PATH_PERMISSIONS: readonly PathPermissions[] = [
  { prefix: '/deviceManagement/appleUserInitiatedEnrollmentProfiles', ...SERVICE_CONFIG },
  { prefix: '/deviceManagement/deviceEnrollmentConfigurations', ...SERVICE_CONFIG },
  { prefix: '/deviceManagement/depOnboardingSettings', ...SERVICE_CONFIG },
  { prefix: '/deviceManagement/applePushNotificationCertificate', ...SERVICE_CONFIG },
  {
    prefix: '/deviceManagement/deviceConfigurations',
    read: ['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    write: ['DeviceManagementConfiguration.ReadWrite.All'],
    directory: false,
  },
  {
    prefix: '/deviceAppManagement/mobileApps',
    read: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    write: ['DeviceManagementApps.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    directory: false,
  },
  {
    prefix: '/deviceAppManagement/mobileAppConfigurations',
    read: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    write: ['DeviceManagementApps.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    directory: false,
  },
  {
    prefix: '/deviceManagement/managedDevices',
    read: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
    write: ['DeviceManagementManagedDevices.ReadWrite.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'],
    directory: false,
  },
  {
    prefix: '/groups',
    read: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
    write: ['Group.ReadWrite.All', 'Directory.ReadWrite.All'],
    create: ['Group.Create'],
    directory: true,
  },
  {
    prefix: '/users',
    read: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'],
    write: ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
    directory: true,
  },
];

/** Member changes (`/groups/{id}/members/$ref`) also open to `GroupMember.ReadWrite.All`. */
const MEMBER_WRITE = /^\/groups\/[^/]+\/members\//;

/** Entity types whose create and update the live service refuses to all but Intune and Global Administrators. */
const ADMIN_ONLY_WRITES = new Set(['deviceEnrollmentPlatformRestrictionConfiguration', 'deviceEnrollmentPlatformRestrictionsConfiguration']);

function allowedPermissions(family: PathPermissions, path: string, method: string): readonly string[] {
  if (method === 'GET' || method === 'HEAD') return family.read;
  if (method === 'POST' && path === family.prefix) return [...family.write, ...(family.create ?? [])];
  if (MEMBER_WRITE.test(path)) return [...family.write, 'GroupMember.ReadWrite.All'];
  return family.write;
}

/**
 * Requires the token's permissions to cover the request, as Graph does: 403 `Forbidden` in Intune's
 * words on Intune paths, 403 `Authorization_RequestDenied` on directory paths. Tokens without a
 * permission list (the default delegated administrator) pass.
 */
export function authorizeRequest(c: ServerContextOf): void {
  const held = c.get('grant').permissions;
  if (held === undefined) return;
  const path = requestPath(c).slice(c.get('version').length + 1);
  const family = PATH_PERMISSIONS.find((candidate) => path === candidate.prefix || path.startsWith(`${candidate.prefix}/`));
  const allowed = family ? allowedPermissions(family, path, c.req.method) : undefined;
  if (family && allowed && !allowed.some((permission) => held.includes(permission))) {
    if (family.directory) throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    throw new GraphError(
      403,
      'Forbidden',
      `Application is not authorized to perform this operation. Application must have one of the following scopes: ${allowed.join(', ')}`,
      { intune: true },
    );
  }
}

/**
 * Throws the live service's 403 when a token that is not a delegated Intune or Global Administrator
 * creates or updates an enrollment platform restriction: application permissions are not enough
 * (Micke-K/IntuneManagement#259, Microsoft365DSC#5127 and #5530).
 */
export function refuseAdminOnlyWrite(grant: TokenGrant, typeName: string): void {
  if (!ADMIN_ONLY_WRITES.has(typeName)) return;
  if (grant.kind === 'delegated' && grant.roles.some((role) => (INTUNE_ADMIN_ROLES as readonly string[]).includes(role))) return;
  throw new GraphError(403, 'Forbidden', 'Tenant is not Global Admin or Intune Service Admin. Operation is restricted.', { intune: true });
}
