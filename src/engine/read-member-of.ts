import type { Backend } from './backend';
import { filterLiteral, getAllPages } from './read-state';

/** Display names of the groups a user (by UPN or ID) is a member of. */
export async function readMemberOf(backend: Backend, user: string): Promise<string[]> {
  const [groups] = await getAllPages(backend, [
    { method: 'GET', version: 'v1.0', path: `/users/${encodeURIComponent(user)}/memberOf?$select=id,displayName` },
  ]);
  return (groups ?? []).map((g) => String(g.displayName)).filter((name) => name !== 'undefined');
}

/** How many managed devices a user (by UPN) has enrolled. */
export async function readEnrolledDeviceCount(backend: Backend, userPrincipalName: string): Promise<number> {
  const [devices] = await getAllPages(backend, [
    { method: 'GET', version: 'beta', path: `/deviceManagement/managedDevices?$filter=userPrincipalName eq ${filterLiteral(userPrincipalName)}&$select=id` },
  ]);
  return (devices ?? []).length;
}
