import { CLOUD_NAMES, CLOUDS, type CloudName } from '../model/clouds';
import { ValidationError } from '../model/errors';

/** Where Apple fetches the file, below `https://<sign-in domain>`. */
export const SERVICE_DISCOVERY_PATH = '/.well-known/com.apple.remotemanagement';

/** The content type the file must be served with. */
export const SERVICE_DISCOVERY_CONTENT_TYPE = 'application/json';

/** The server version Intune's account-driven user enrollment uses. */
export const SERVICE_DISCOVERY_VERSION = 'mdm-byod';

/** The service discovery file of account-driven user enrollment (EK011). */
export interface ServiceDiscoveryDocument {
  /** The MDM servers Apple may enroll with: Intune's one. */
  readonly Servers: readonly [{ readonly Version: typeof SERVICE_DISCOVERY_VERSION; readonly BaseURL: string }];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the value is a GUID, the form of an Entra tenant ID. */
export function isTenantId(value: string): boolean {
  return GUID.test(value);
}

/** Intune's enrollment endpoint for a tenant in a cloud: the file's BaseURL. */
export function serviceDiscoveryBaseUrl(tenantId: string, cloud: CloudName): string {
  return `https://${CLOUDS[cloud].intuneHost}/EnrollmentServer/PostReportDeviceInfoForUEV2?aadTenantId=${tenantId}`;
}

/**
 * The service discovery file for an Entra tenant in a cloud. Throws a ValidationError when the
 * tenant ID is not a GUID.
 */
export function serviceDiscovery(tenantId: string, cloud: CloudName = 'public'): ServiceDiscoveryDocument {
  if (!isTenantId(tenantId)) {
    throw new ValidationError([
      {
        path: 'serviceDiscovery',
        field: 'tenantId',
        value: tenantId,
        message: 'the tenant ID is not a GUID',
        fix: 'use the Directory (tenant) ID of Microsoft Entra ID, e.g. 00000000-0000-0000-0000-000000000000',
        rule: 'EK011',
      },
    ]);
  }
  return { Servers: [{ Version: SERVICE_DISCOVERY_VERSION, BaseURL: serviceDiscoveryBaseUrl(tenantId, cloud) }] };
}

function baseUrlProblems(baseUrl: unknown, tenantId: string | undefined): string[] {
  if (typeof baseUrl !== 'string') return ['Servers[0].BaseURL is not a string'];
  const cloud = CLOUD_NAMES.find((c) => baseUrl.startsWith(`https://${CLOUDS[c].intuneHost}/EnrollmentServer/PostReportDeviceInfoForUEV2?`));
  if (!cloud) return [`BaseURL ${JSON.stringify(baseUrl)} is not an Intune enrollment URL`];
  const found = new URL(baseUrl).searchParams.get('aadTenantId') ?? '';
  if (!isTenantId(found)) return [`the aadTenantId of BaseURL (${JSON.stringify(found)}) is not a GUID`];
  if (tenantId && found.toLowerCase() !== tenantId.toLowerCase()) return [`BaseURL names tenant ${found}, not ${tenantId}`];
  return [];
}

/**
 * What is wrong with a service discovery file's text (empty when nothing): valid JSON, one
 * server of version `mdm-byod`, a BaseURL of Intune with a tenant GUID (this tenant's when given).
 */
export function serviceDiscoveryProblems(body: string, tenantId?: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return ['the file is not JSON'];
  }
  const servers = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).Servers : undefined;
  if (!Array.isArray(servers) || servers.length === 0) return ['the file has no "Servers" array'];
  const server = servers[0] as Record<string, unknown> | null;
  if (typeof server !== 'object' || server === null) return ['Servers[0] is not an object'];
  return [
    ...(server.Version === SERVICE_DISCOVERY_VERSION ? [] : [`Servers[0].Version is ${JSON.stringify(server.Version)}, not "${SERVICE_DISCOVERY_VERSION}"`]),
    ...baseUrlProblems(server.BaseURL, tenantId),
  ];
}
