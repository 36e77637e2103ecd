import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Hono } from 'hono';
import { z } from 'zod';
import { bareProfileId } from '../../model';
import { DEP_TOKENS, devicesOf, intuneAccountIdOf, profilesOf, VPP_TOKENS } from '../ade-tenant';
import { badRequest, GraphError, intuneBadRequest, intuneNotFound, intuneUnchangedPatch } from '../graph-error';
import { applyQuery, checkSelect, project, type QueryTarget } from '../odata/apply-query';
import { contextUrl } from '../odata/context-url';
import { pageOf } from '../odata/paging';
import { readQueryOptions } from '../odata/query-options';
import { readJsonBody } from '../request-body';
import { graphJson, noContent, type ServerContext, type ServerContextOf, type ServerEnv } from '../server-context';
import type { EntityRecord } from '../store';
import { mobileConfigOf } from '../mobile-config';
import { graphTimestamp } from '../timestamps';
import { depIOSEnrollmentProfile, depOnboardingSetting, enrollmentProfile, importedAppleDeviceIdentity, vppToken } from '../wire/dep-enrollment';
import { deviceManagement } from '../wire/device-management';
import { applyProperties, type EntityType, newEntityData } from '../wire/entity-type';
import { parseActionBody, parseProperties, resolveEntityType, typeNameOf } from '../wire/parse-body';

/** Enrollment profiles per ADE token (MEM-ADE says 1,000; an older service error said 100). */
export const MAX_PROFILES_PER_TOKEN = 1000;
const GRACE_PERIODS = [0, 60, 300, 900, 3600, 14400];
const MANUAL_SYNC_INTERVAL_MS = 15 * 60 * 1000;
const BASE = 'deviceManagement/depOnboardingSettings';

const targetOf = (type: EntityType): QueryTarget => ({ properties: new Set(Object.keys(type.fields)), typeLabel: `microsoft.graph.${type.name}` });
const PROFILE_TARGET: QueryTarget = { properties: new Set(Object.keys(depIOSEnrollmentProfile.fields)), typeLabel: 'microsoft.graph.enrollmentProfile' };

const updateDeviceProfileAssignmentBody = z.strictObject({ deviceIds: z.array(z.string().min(1)) });
const importListBody = z.strictObject({
  importedAppleDeviceIdentities: z.array(z.looseObject({ serialNumber: z.string().min(1) })),
  overwriteImportedDeviceIdentities: z.boolean().optional(),
});

function render(record: EntityRecord, select?: readonly string[]): Record<string, unknown> {
  return { '@odata.type': `#microsoft.graph.${record.type}`, ...project(record.data, select) };
}

/** The rules of the service an ADE profile must keep (reference §13.2); the first broken one, or undefined. */
function profileProblem(data: Readonly<Record<string, unknown>>): string | undefined {
  const viaPortal = data['enableAuthenticationViaCompanyPortal'] === true;
  if (typeof data['companyPortalVppTokenId'] === 'string' && data['companyPortalVppTokenId'] !== '' && !viaPortal && data['requireCompanyPortalOnSetupAssistantEnrolledDevices'] !== true && data['requiresUserAuthentication'] !== true) {
    return "'companyPortalVppTokenId' requires a profile with user authentication.";
  }
  if (data['enableSingleAppEnrollmentMode'] === true && !(viaPortal && data['companyPortalVppTokenId'])) {
    return "'enableSingleAppEnrollmentMode' requires 'enableAuthenticationViaCompanyPortal' and 'companyPortalVppTokenId'.";
  }
  if (viaPortal && data['requireCompanyPortalOnSetupAssistantEnrolledDevices'] === true) {
    return "'enableAuthenticationViaCompanyPortal' and 'requireCompanyPortalOnSetupAssistantEnrolledDevices' cannot both be true.";
  }
  if (data['enableSharedIPad'] === true && (data['requiresUserAuthentication'] === true || data['supervisedModeEnabled'] !== true)) {
    return 'A Shared iPad profile must be supervised and enroll without user affinity.';
  }
  const users = data['sharedIPadMaximumUserCount'];
  if (typeof users === 'number' && users > 24) return `'sharedIPadMaximumUserCount' must be at most 24; got ${users}.`;
  const grace = data['passcodeLockGracePeriodInSeconds'];
  if (typeof grace === 'number' && !GRACE_PERIODS.includes(grace)) return `'passcodeLockGracePeriodInSeconds' must be one of ${GRACE_PERIODS.join(', ')}; got ${grace}.`;
  for (const name of ['temporarySessionTimeoutInSeconds', 'userSessionTimeoutInSeconds']) {
    const value = data[name];
    if (typeof value === 'number' && value !== 0 && value < 30) return `'${name}' must be 0 or at least 30 seconds; got ${value}.`;
  }
  const template = data['deviceNameTemplate'];
  if (typeof template === 'string' && template.length > 63) return `'deviceNameTemplate' must be at most 63 characters; got ${template.length}.`;
  const certificates = data['managementCertificates'];
  if (Array.isArray(certificates) && certificates.length > 10) return `'managementCertificates' holds at most 10 certificates; got ${certificates.length}.`;
  return undefined;
}

/**
 * ADE tokens and the Apple Configurator pseudo-token (`/deviceManagement/depOnboardingSettings`):
 * the tokens, each token's enrollment profiles (composite IDs `{token}_{guid}`, `setDefaultProfile`,
 * `updateDeviceProfileAssignment` by serial number, `exportMobileConfig`), the default iOS profile,
 * and the token's device serial numbers (`importedAppleDeviceIdentities`, `importAppleDeviceIdentityList`).
 */
export function depOnboardingRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const { store } = ctx;
  const tokenOf = (c: ServerContextOf): EntityRecord => {
    const id = c.req.param('token') ?? '';
    const token = store.getEntity(c.get('tenantId'), DEP_TOKENS, id);
    if (!token) throw intuneNotFound('depOnboardingSettings', id);
    return token;
  };
  const profileOf = (c: ServerContextOf, token: EntityRecord): EntityRecord => {
    const id = c.req.param('profile') ?? '';
    const profile = store.getEntity(token.tenantId, profilesOf(token.id), id);
    if (!profile) throw intuneNotFound('enrollmentProfiles', id);
    return profile;
  };
  const isConfigurator = (token: EntityRecord): boolean => token.data['tokenType'] === 'none';

  app.get('/', (c) => {
    const version = c.get('version');
    const url = new URL(c.req.url);
    const options = readQueryOptions(url, version);
    const records = applyQuery(store.listEntities(c.get('tenantId'), DEP_TOKENS), options, targetOf(depOnboardingSetting));
    const page = pageOf(records, options, ctx.pageSizes.intune, url);
    return graphJson(c, {
      '@odata.context': contextUrl(version, BASE),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((r) => render(r, options.select)),
    });
  });

  app.get('/:token', (c) => {
    const version = c.get('version');
    const options = readQueryOptions(new URL(c.req.url), version);
    checkSelect(options.select, targetOf(depOnboardingSetting));
    return graphJson(c, { '@odata.context': contextUrl(version, BASE, { entity: true }), ...render(tokenOf(c), options.select) });
  });

  app.post('/:token/syncWithAppleDeviceEnrollmentProgram', (c) => {
    store.transaction(() => {
      const token = tokenOf(c);
      const now = ctx.clock();
      const last = Date.parse(String(token.data['lastSyncTriggeredDateTime'] ?? ''));
      if (!Number.isNaN(last) && now.getTime() - last < MANUAL_SYNC_INTERVAL_MS) {
        throw new GraphError(409, 'Conflict', 'A manual sync with Apple runs at most once every 15 minutes; try again later.', { intune: true });
      }
      store.putEntity({ ...token, data: { ...token.data, lastSyncTriggeredDateTime: graphTimestamp(now) } });
    });
    return noContent(c);
  });

  app.get('/:token/enrollmentProfiles', (c) => {
    const version = c.get('version');
    const url = new URL(c.req.url);
    const options = readQueryOptions(url, version);
    const token = tokenOf(c);
    const records = applyQuery(store.listEntities(token.tenantId, profilesOf(token.id)), options, PROFILE_TARGET);
    const page = pageOf(records, options, ctx.pageSizes.intune, url);
    return graphJson(c, {
      '@odata.context': contextUrl(version, `${BASE}('${token.id}')/enrollmentProfiles`),
      ...(options.count && options.offset === undefined ? { '@odata.count': records.length } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((r) => render(r, options.select)),
    });
  });

  app.post('/:token/enrollmentProfiles', async (c) => {
    const body = await readJsonBody(c);
    const token = tokenOf(c);
    const allowed = isConfigurator(token) ? [enrollmentProfile] : [depIOSEnrollmentProfile];
    const requested = typeNameOf(body);
    if (requested === undefined) throw badRequest("An enrollment profile needs '@odata.type' (#microsoft.graph.depIOSEnrollmentProfile on an ADE token, #microsoft.graph.enrollmentProfile on the Apple Configurator account).");
    if (!allowed.some((t) => t.name === requested)) {
      throw intuneBadRequest(`A 'microsoft.graph.${requested}' cannot be created on ${isConfigurator(token) ? 'the Apple Configurator account' : `the ${String(token.data['tokenType'])} token '${token.id}'`}; it takes 'microsoft.graph.${allowed[0]!.name}'.`);
    }
    const type = resolveEntityType(body, allowed, 'enrollmentProfiles', 'enrollmentProfile');
    const properties = parseProperties(type, body, 'create');
    const id = `${token.id}_${randomUUID()}`;
    const now = graphTimestamp(ctx.clock());
    const endpoint = isConfigurator(token)
      ? `https://appleconfigurator2.manage.microsoft.com/EnrollmentServer/MDMServiceConfig?id=${token.id}&AADTenantId=${token.tenantId}`
      : null;
    const data = newEntityData(type, properties, { id, configurationEndpointUrl: endpoint, ...(type === depIOSEnrollmentProfile ? { isDefault: false } : {}) });
    const problem = profileProblem(data);
    if (problem) throw intuneBadRequest(problem);
    const record = store.transaction(() => {
      if (store.listEntities(token.tenantId, profilesOf(token.id)).length >= MAX_PROFILES_PER_TOKEN) {
        throw intuneBadRequest(`The token has reached the limit of ${MAX_PROFILES_PER_TOKEN} enrollment profiles per ADE token.`);
      }
      const stored: EntityRecord = { tenantId: token.tenantId, collection: profilesOf(token.id), id, type: type.name, data, priorityClass: null, priority: null, lookupKey: null };
      store.putEntity(stored);
      store.putEntity({ ...token, data: { ...token.data, lastModifiedDateTime: now } });
      return stored;
    });
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), `${BASE}('${token.id}')/enrollmentProfiles`, { entity: true }), ...render(record) }, 201);
  });

  app.get('/:token/enrollmentProfiles/:profile', (c) => {
    const token = tokenOf(c);
    const options = readQueryOptions(new URL(c.req.url), c.get('version'));
    checkSelect(options.select, PROFILE_TARGET);
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), `${BASE}('${token.id}')/enrollmentProfiles`, { entity: true }), ...render(profileOf(c, token), options.select) });
  });

  app.patch('/:token/enrollmentProfiles/:profile', async (c) => {
    const body = await readJsonBody(c);
    store.transaction(() => {
      const token = tokenOf(c);
      const profile = profileOf(c, token);
      const sent = typeNameOf(body);
      if (sent !== undefined && sent !== profile.type) throw badRequest(`The type of an object cannot be changed: '${profile.id}' is a 'microsoft.graph.${profile.type}'.`);
      const type = profile.type === enrollmentProfile.name ? enrollmentProfile : depIOSEnrollmentProfile;
      const { id: _id, ...rest } = body;
      const data = applyProperties(type, profile.data, parseProperties(type, rest, 'update'));
      if (isDeepStrictEqual(data, profile.data)) throw intuneUnchangedPatch();
      const problem = profileProblem(data);
      if (problem) throw intuneBadRequest(problem);
      store.putEntity({ ...profile, data });
    });
    return noContent(c);
  });

  app.delete('/:token/enrollmentProfiles/:profile', (c) => {
    store.transaction(() => {
      const token = tokenOf(c);
      const profile = profileOf(c, token);
      // Not documented; like the portal, the default profile must be replaced as default before it goes.
      if (profile.data['isDefault'] === true) throw intuneBadRequest('The default profile cannot be deleted; make another profile the default first.');
      store.deleteEntity(token.tenantId, profilesOf(token.id), profile.id);
    });
    return noContent(c);
  });

  app.post('/:token/enrollmentProfiles/:profile/setDefaultProfile', (c) => {
    store.transaction(() => {
      const token = tokenOf(c);
      const profile = profileOf(c, token);
      if (profile.type !== depIOSEnrollmentProfile.name) throw intuneBadRequest('Only ADE profiles of a token can be its default profile.');
      for (const other of store.listEntities(token.tenantId, profilesOf(token.id))) {
        if (other.type === profile.type && other.data['isDefault'] === true && other.id !== profile.id) store.putEntity({ ...other, data: { ...other.data, isDefault: false } });
      }
      store.putEntity({ ...profile, data: { ...profile.data, isDefault: true } });
    });
    return noContent(c);
  });

  app.post('/:token/enrollmentProfiles/:profile/updateDeviceProfileAssignment', async (c) => {
    const body = await readJsonBody(c);
    if (typeof body['deviceIds'] === 'string') throw badRequest("Invalid ODataActionParameter 'deviceIds'.");
    const { deviceIds } = parseActionBody(updateDeviceProfileAssignmentBody, body, 'updateDeviceProfileAssignment');
    store.transaction(() => {
      const token = tokenOf(c);
      const profile = profileOf(c, token);
      const devices = store.listEntities(token.tenantId, devicesOf(token.id));
      const unknown = deviceIds.filter((serial) => !devices.some((d) => d.data['serialNumber'] === serial));
      if (unknown.length > 0) throw intuneBadRequest(`The serial numbers ${unknown.join(', ')} are not devices of this token; sync with Apple Business Manager or import them first.`);
      const now = graphTimestamp(ctx.clock());
      for (const device of devices.filter((d) => deviceIds.includes(String(d.data['serialNumber'])))) {
        store.putEntity({ ...device, data: { ...device.data, requestedEnrollmentProfileId: bareProfileId(profile.id), requestedEnrollmentProfileAssignmentDateTime: now } });
      }
    });
    return noContent(c);
  });

  app.get('/:token/enrollmentProfiles/:profile/exportMobileConfig', (c) => {
    const token = tokenOf(c);
    const profile = profileOf(c, token);
    const serverUrl = String(profile.data['configurationEndpointUrl'] ?? `https://appleconfigurator2.manage.microsoft.com/EnrollmentServer/MDMServiceConfig?id=${token.id}`);
    const plist = mobileConfigOf({ profileId: profile.id, displayName: String(profile.data['displayName'] ?? ''), serverUrl, now: ctx.clock() });
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), 'Edm.String'), value: Buffer.from(plist, 'utf8').toString('base64') });
  });

  app.get('/:token/defaultIosEnrollmentProfile', (c) => {
    const token = tokenOf(c);
    const found = store.listEntities(token.tenantId, profilesOf(token.id)).find((p) => p.type === depIOSEnrollmentProfile.name && p.data['isDefault'] === true);
    if (!found) throw intuneNotFound('defaultIosEnrollmentProfile', token.id);
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), `${BASE}('${token.id}')/defaultIosEnrollmentProfile`, { entity: true }), ...render(found) });
  });

  app.get('/:token/importedAppleDeviceIdentities', (c) => {
    const version = c.get('version');
    const url = new URL(c.req.url);
    const options = readQueryOptions(url, version);
    const token = tokenOf(c);
    const records = applyQuery(store.listEntities(token.tenantId, devicesOf(token.id)), options, targetOf(importedAppleDeviceIdentity));
    const page = pageOf(records, options, ctx.pageSizes.intune, url);
    return graphJson(c, {
      '@odata.context': contextUrl(version, `${BASE}('${token.id}')/importedAppleDeviceIdentities`),
      ...(options.count && options.offset === undefined ? { '@odata.count': records.length } : {}),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.items.map((r) => render(r, options.select)),
    });
  });

  const deviceOf = (c: ServerContextOf, token: EntityRecord): EntityRecord => {
    const id = c.req.param('device') ?? '';
    const device = store.getEntity(token.tenantId, devicesOf(token.id), id);
    if (!device) throw intuneNotFound('importedAppleDeviceIdentities', id);
    return device;
  };

  app.get('/:token/importedAppleDeviceIdentities/:device', (c) => {
    const token = tokenOf(c);
    const options = readQueryOptions(new URL(c.req.url), c.get('version'));
    checkSelect(options.select, targetOf(importedAppleDeviceIdentity));
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), `${BASE}('${token.id}')/importedAppleDeviceIdentities`, { entity: true }), ...render(deviceOf(c, token), options.select) });
  });

  // The update page documents 200 with the entity; other Intune PATCHes answer 204 live, so this one does too.
  app.patch('/:token/importedAppleDeviceIdentities/:device', async (c) => {
    const body = await readJsonBody(c);
    store.transaction(() => {
      const token = tokenOf(c);
      const device = deviceOf(c, token);
      const { id: _id, ...rest } = body;
      const data = applyProperties(importedAppleDeviceIdentity, device.data, parseProperties(importedAppleDeviceIdentity, rest, 'update'));
      if (data['serialNumber'] !== device.data['serialNumber']) throw intuneBadRequest("The 'serialNumber' of an imported device cannot be changed; delete the device and import the new serial number.");
      store.putEntity({ ...device, data });
    });
    return noContent(c);
  });

  app.delete('/:token/importedAppleDeviceIdentities/:device', (c) => {
    store.transaction(() => {
      const token = tokenOf(c);
      store.deleteEntity(token.tenantId, devicesOf(token.id), deviceOf(c, token).id);
    });
    return noContent(c);
  });

  app.post('/:token/importedAppleDeviceIdentities/importAppleDeviceIdentityList', async (c) => {
    const { importedAppleDeviceIdentities: items, overwriteImportedDeviceIdentities } = parseActionBody(importListBody, await readJsonBody(c), 'importAppleDeviceIdentityList');
    const results = store.transaction(() => {
      const token = tokenOf(c);
      const existing = store.listEntities(token.tenantId, devicesOf(token.id));
      const now = graphTimestamp(ctx.clock());
      return items.map((item) => {
        const { '@odata.type': _type, id: _id, createdDateTime: _created, ...fields } = item;
        const properties = parseProperties(importedAppleDeviceIdentity, fields, 'create');
        const found = existing.find((d) => d.data['serialNumber'] === properties['serialNumber']);
        if (found && !overwriteImportedDeviceIdentities) return { '@odata.type': '#microsoft.graph.importedAppleDeviceIdentityResult', ...found.data, status: false };
        const data = { ...applyProperties(importedAppleDeviceIdentity, found?.data ?? importedAppleDeviceIdentity.initial(), properties), id: found?.id ?? randomUUID(), createdDateTime: found?.data['createdDateTime'] ?? now };
        store.putEntity({ tenantId: token.tenantId, collection: devicesOf(token.id), id: String(data['id']), type: importedAppleDeviceIdentity.name, data, priorityClass: null, priority: null, lookupKey: null });
        return { '@odata.type': '#microsoft.graph.importedAppleDeviceIdentityResult', ...data, status: true };
      });
    });
    return graphJson(c, { '@odata.context': contextUrl(c.get('version'), 'Collection(microsoft.graph.importedAppleDeviceIdentityResult)'), value: results });
  });

  return app;
}

/** `GET /deviceManagement`: the singleton with the Intune account ID (the Apple Configurator pseudo-token's ID), every other declared property as a fresh tenant has it. */
export function deviceManagementSingleton(c: ServerContextOf): Response {
  return graphJson(c, {
    '@odata.context': contextUrl(c.get('version'), 'deviceManagement', { entity: true }),
    ...deviceManagement.initial(),
    intuneAccountId: intuneAccountIdOf(c.get('tenantId')),
  });
}

/** `GET /deviceAppManagement/vppTokens`: the tenant's VPP tokens. */
export function vppTokenRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/', (c) => {
    const version = c.get('version');
    const options = readQueryOptions(new URL(c.req.url), version);
    const records = applyQuery(ctx.store.listEntities(c.get('tenantId'), VPP_TOKENS), options, targetOf(vppToken));
    return graphJson(c, { '@odata.context': contextUrl(version, 'deviceAppManagement/vppTokens'), value: records.map((r) => render(r, options.select)) });
  });
  return app;
}
