import { randomBytes, randomUUID } from 'node:crypto';
import { adeTenantDefaults } from './ade-tenant';
import { GraphError } from './graph-error';
import { defaultTenantName, type Cloud, type EntityRecord, type Store } from './store';
import { mintToken, type TokenGrant } from './token-grant';
import { type Clock, graphTimestamp, NEVER } from './timestamps';
import { deviceEnrollmentLimitConfiguration, deviceEnrollmentPlatformRestrictionsConfiguration } from './wire/enrollment-configuration';

/** Options of a new tenant. */
export interface CreateTenantOptions {
  /** Entra tenant id (GUID); generated when absent. */
  readonly tenantId?: string;
  /** Bearer token of the tenant; generated when absent. */
  readonly token?: string;
  /** Domains whose service discovery file the server answers for the tenant. */
  readonly domains?: readonly string[];
  /** Cloud of the tenant (default `public`). */
  readonly cloud?: Cloud;
  /** The organization's name (`GET /organization`); `Reference tenant` and the ID's first 8 characters when absent. */
  readonly displayName?: string;
}

/** A tenant and the token that opens it. */
export interface TenantCredentials {
  /** Entra tenant id (GUID). */
  readonly tenantId: string;
  /** Bearer token of the tenant's Graph requests. */
  readonly token: string;
  /** Domains whose service discovery file the server answers for the tenant. */
  readonly domains: readonly string[];
  /** Cloud of the tenant. */
  readonly cloud: Cloud;
  /** The organization's name. */
  readonly displayName: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const DAY_MS = 86_400_000;

/** A new random bearer token. */
export function generateToken(): string {
  return `ek_${randomBytes(24).toString('base64url')}`;
}

/** Throws a 404 naming the fix when the server has no tenant `tenantId`. */
function requireTenant(store: Store, tenantId: string): void {
  if (!store.getTenant(tenantId)) {
    throw new GraphError(404, 'ResourceNotFound', `The tenant '${tenantId}' does not exist. Fix: create it first (POST /_enrollkit/tenants, or enrollkit serve --token ${tenantId}:<token>).`);
  }
}

/** Mints a token of a grant for an existing tenant (404 when there is no such tenant) and stores it. */
export function mintTenantToken(store: Store, tenantId: string, grant: TokenGrant): string {
  requireTenant(store, tenantId);
  const token = mintToken(tenantId, grant);
  store.insertToken(tenantId, token, grant);
  return token;
}

/**
 * Gives an existing tenant a token of its delegated Global Administrator; a token the tenant
 * already has is kept as it is. 404 when there is no such tenant, 409 when another tenant has the token.
 */
export function addTenantToken(store: Store, tenantId: string, token: string): void {
  requireTenant(store, tenantId);
  const owner = store.tenantIdForToken(token);
  if (owner === undefined) store.insertToken(tenantId, token);
  else if (owner !== tenantId) {
    throw new GraphError(409, 'Conflict', `A token given for the tenant '${tenantId}' belongs to another tenant. Fix: give each tenant a token of its own.`);
  }
}

/** Throws a 400 for a domain that is not a host name, a 409 for one another tenant has. */
export function checkDomains(store: Store, domains: readonly string[], tenantId: string): void {
  for (const domain of domains) {
    if (!DOMAIN.test(domain)) throw new GraphError(400, 'BadRequest', `'${domain}' is not a valid domain name.`);
    const owner = store.tenantIdForDomain(domain);
    if (owner !== undefined && owner !== tenantId) throw new GraphError(409, 'Conflict', `The domain '${domain}' belongs to another tenant.`);
  }
}

/** The APNs certificate of a fresh tenant: active, expiring in a year. */
export function initialApns(clock: Clock, appleIdentifier: string): Record<string, unknown> {
  const now = clock();
  return {
    id: randomUUID(),
    appleIdentifier,
    topicIdentifier: `com.apple.mgmt.External.${randomUUID()}`,
    lastModifiedDateTime: graphTimestamp(now),
    expirationDateTime: graphTimestamp(new Date(now.getTime() + 365 * DAY_MS)),
    certificateUploadStatus: null,
    certificateUploadFailureReason: null,
    certificateSerialNumber: randomBytes(8).toString('hex').toUpperCase(),
    certificate: null,
  };
}

/** Id of a tenant's default platform restriction (all platforms, priority 0). */
export function defaultPlatformRestrictionsId(tenantId: string): string {
  return `${tenantId}_DefaultPlatformRestrictions`;
}

/** Id of a tenant's default device limit restriction (priority 0). */
export function defaultLimitId(tenantId: string): string {
  return `${tenantId}_DefaultLimit`;
}

function tenantDefaults(tenantId: string, clock: Clock): EntityRecord[] {
  const now = graphTimestamp(clock());
  const allowed = {
    platformBlocked: false,
    personalDeviceEnrollmentBlocked: false,
    osMinimumVersion: null,
    osMaximumVersion: null,
    blockedManufacturers: [],
    blockedSkus: [],
  };
  const restrictions = deviceEnrollmentPlatformRestrictionsConfiguration;
  const limit = deviceEnrollmentLimitConfiguration;
  const common = { displayName: 'All users and all devices', createdDateTime: NEVER, lastModifiedDateTime: now };
  const restrictionData: Record<string, unknown> = { ...restrictions.initial(), id: defaultPlatformRestrictionsId(tenantId), ...common };
  for (const name of Object.keys(restrictionData)) {
    if (name.endsWith('Restriction')) restrictionData[name] = { ...allowed };
  }
  restrictionData['description'] = 'This is the default Device Type Restriction applied with the lowest priority to all users regardless of group membership.';
  const limitData = {
    ...limit.initial(),
    id: defaultLimitId(tenantId),
    ...common,
    description: 'This is the default Device Limit Restriction applied with the lowest priority to all users regardless of group membership.',
  };
  const record = (type: string, data: Record<string, unknown>, priorityClass: string): EntityRecord => ({
    tenantId,
    collection: 'deviceEnrollmentConfigurations',
    id: String(data['id']),
    type,
    data,
    priorityClass,
    priority: 0,
    lookupKey: null,
  });
  return [record(restrictions.name, restrictionData, 'platformRestrictions'), record(limit.name, limitData, 'limit')];
}

/**
 * Creates a tenant as a fresh Intune tenant looks: the default platform restriction and device
 * limit at priority 0, an active APNs certificate, and one bearer token.
 */
export function createTenant(store: Store, clock: Clock, options: CreateTenantOptions = {}): TenantCredentials {
  const tenantId = (options.tenantId ?? randomUUID()).toLowerCase();
  if (!GUID.test(tenantId)) throw new GraphError(400, 'BadRequest', `Tenant ids are GUIDs; got '${tenantId}'.`);
  const token = options.token ?? generateToken();
  const domains = (options.domains ?? []).map((domain) => domain.toLowerCase());
  const cloud = options.cloud ?? 'public';
  const displayName = options.displayName ?? defaultTenantName(tenantId);
  store.transaction(() => {
    if (store.getTenant(tenantId)) throw new GraphError(409, 'Conflict', `The tenant '${tenantId}' already exists.`);
    if (store.tenantIdForToken(token) !== undefined) throw new GraphError(409, 'Conflict', 'The token is already in use.');
    checkDomains(store, domains, tenantId);
    store.insertTenant({ id: tenantId, cloud, domains, displayName });
    store.insertToken(tenantId, token);
    for (const entity of [...tenantDefaults(tenantId, clock), ...adeTenantDefaults(tenantId, clock)]) store.putEntity(entity);
    store.setApns(tenantId, initialApns(clock, `mdm-admin@${domains[0] ?? 'example.com'}`));
  });
  return { tenantId, token, domains, cloud, displayName };
}
