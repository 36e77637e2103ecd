import type { IncomingMessage } from 'node:http';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { GraphError, intuneNotFound } from '../graph-error';
import { INTUNE_COLLECTIONS } from '../intune-collections';
import { authenticateRequest } from '../middleware/authenticate';
import { authorizeRequest } from '../middleware/authorize';
import { faultsAfter, faultsBefore, faultsOf } from '../middleware/inject-faults';
import { throttleRequest } from '../middleware/throttle';
import { contextUrl } from '../odata/context-url';
import type { ApiVersion } from '../odata/query-options';
import { graphJson, isBatchItem, type ServerContext, type ServerEnv } from '../server-context';
import { batchRoute } from './batch-route';
import { directoryRoutes } from './directory-routes';
import { intuneRoutes } from './intune-routes';
import { depOnboardingRoutes, deviceManagementSingleton, vppTokenRoutes } from './dep-onboarding-routes';
import { managedDeviceRoutes } from './managed-device-routes';
import { organizationRoutes } from './organization-routes';

/**
 * The limit of request bodies, as a Graph 413. Over HTTP a declared `Content-Length` is checked
 * without touching the body (Node's parser never reads past it) and a request with neither length
 * nor chunked encoding has none; a `$batch` item's body is part of its batch's, which was checked;
 * a chunked body, or one handed over in-process, is counted as it streams in, which needs the full
 * web `Request`.
 */
export function limitBody(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  const tooLarge = () => {
    throw new GraphError(413, 'RequestEntityTooLarge', `The request body exceeds the limit of ${ctx.bodyLimitBytes} bytes.`);
  };
  const streamed = bodyLimit({ maxSize: ctx.bodyLimitBytes, onError: tooLarge });
  return async (c, next) => {
    const overHttp = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming !== undefined;
    const length = c.req.header('content-length');
    if (isBatchItem(c)) return next();
    if (!overHttp || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (length !== undefined && Number(length) > ctx.bodyLimitBytes) tooLarge();
    await next();
  };
}

/** One API version (`/beta` or `/v1.0`): the body limit, authentication, faults, throttling and permissions, then every resource. */
export function graphApi(version: ApiVersion, ctx: ServerContext): Hono<ServerEnv> {
  const api = new Hono<ServerEnv>();
  // The checks share a middleware (each one is a step of every request), in order: authentication, faults, throttling, permissions.
  api.use('*', limitBody(ctx), async (c, next) => {
    c.set('version', version);
    authenticateRequest(ctx, c);
    const faults = faultsOf(ctx, c);
    if (faults) await faultsBefore(faults);
    throttleRequest(ctx, c);
    authorizeRequest(c);
    await next();
    faultsAfter(c, faults);
  });
  api.post('/$batch', batchRoute(ctx));
  for (const collection of INTUNE_COLLECTIONS) {
    if (version === 'beta' || !collection.betaOnly) api.route(`/${collection.path}`, intuneRoutes(collection, ctx));
  }
  api.get('/deviceManagement/applePushNotificationCertificate', (c) => {
    const apns = ctx.store.getApns(c.get('tenantId'));
    if (!apns) throw intuneNotFound('deviceManagement', 'applePushNotificationCertificate');
    return graphJson(c, {
      '@odata.context': contextUrl(version, 'deviceManagement/applePushNotificationCertificate', { entity: true }),
      '@odata.type': '#microsoft.graph.applePushNotificationCertificate',
      ...apns,
    });
  });
  api.route('/deviceManagement/managedDevices', managedDeviceRoutes(ctx));
  api.route('/deviceManagement/depOnboardingSettings', depOnboardingRoutes(ctx));
  api.get('/deviceManagement', deviceManagementSingleton);
  api.route('/deviceAppManagement/vppTokens', vppTokenRoutes(ctx));
  api.route('/groups', directoryRoutes('groups', ctx));
  api.route('/users', directoryRoutes('users', ctx));
  api.route('/organization', organizationRoutes(ctx));
  return api;
}
