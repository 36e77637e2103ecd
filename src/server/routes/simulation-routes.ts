import { Hono } from 'hono';
import { z } from 'zod';
import { OsVersionSchema, OwnershipSchema } from '../../model';
import { resolveEnrollment, type EnrollmentRequest, type EnrollmentResolution } from '../../rules';
import { enrollmentStateOf } from '../enrollment-state-of';
import { findUser } from '../find-user';
import { badRequest, directoryNotFound } from '../graph-error';
import { managedDeviceRecord, managedDevicesOf } from '../managed-device-record';
import { authenticate } from '../middleware/authenticate';
import { readJsonBody } from '../request-body';
import type { ServerContext, ServerEnv } from '../server-context';
import type { Store } from '../store';
import { parseActionBody } from '../wire/parse-body';

const simulationBody = z.strictObject({
  user: z.string().min(1).optional(),
  memberOf: z.array(z.string()).optional(),
  enrolledDevices: z.int().min(0).optional(),
  os: OsVersionSchema,
  device: z.enum(['iphone', 'ipad']),
  ownership: OwnershipSchema,
  choice: OwnershipSchema.optional(),
  record: z.boolean().optional(),
});

type SimulationBody = z.infer<typeof simulationBody>;

/** A resolution, with the id of the managed device it recorded, if it recorded one. */
type SimulationResult = EnrollmentResolution & { readonly managedDeviceId?: string };

function checkBody(body: SimulationBody): void {
  if (body.user !== undefined && body.memberOf !== undefined) throw badRequest("Send either 'user' (memberships are read from the directory) or 'memberOf', not both.");
  if (body.user !== undefined && body.enrolledDevices !== undefined) throw badRequest("'enrolledDevices' is counted from the user's managed devices; send it only without 'user'.");
  if (body.user === undefined && body.record === true) throw badRequest("Recording an enrollment needs a 'user'.");
}

function simulate(store: Store, tenantId: string, body: SimulationBody, now: Date): SimulationResult {
  const question = {
    os: body.os,
    device: body.device,
    ownership: body.ownership,
    ...(body.choice === undefined ? {} : { choice: body.choice }),
  };
  const state = enrollmentStateOf(store, tenantId);
  if (body.user === undefined) {
    const request: EnrollmentRequest = {
      ...question,
      memberOf: body.memberOf ?? [],
      ...(body.enrolledDevices === undefined ? {} : { enrolledDevices: body.enrolledDevices }),
    };
    return resolveEnrollment(state, request);
  }
  const user = findUser(store, tenantId, body.user);
  if (!user) throw directoryNotFound(body.user);
  const memberOf = store.groupIdsOf(tenantId, user.id).flatMap((id) => {
    const group = store.getEntity(tenantId, 'groups', id);
    return typeof group?.data['displayName'] === 'string' ? [group.data['displayName']] : [];
  });
  const request: EnrollmentRequest = {
    ...question,
    user: String(user.data['userPrincipalName'] ?? user.id),
    memberOf,
    enrolledDevices: managedDevicesOf(store, tenantId, user.id).length,
  };
  const resolution = resolveEnrollment(state, request);
  if (body.record !== true || resolution.outcome !== 'enrolled' || !resolution.enrollmentType || !resolution.profile) return resolution;
  const device = managedDeviceRecord({
    tenantId,
    user,
    request,
    enrollmentType: resolution.enrollmentType.effective,
    profileName: resolution.profile.name,
    enrolledAt: now,
  });
  store.putEntity(device);
  return { ...resolution, managedDeviceId: device.id };
}

/**
 * `POST /_enrollkit/simulate` (tenant token): resolves a simulated enrollment against the
 * tenant's stored objects, for a stored user (memberships and enrolled devices from the store)
 * or for stated group memberships; with `record: true`, an enrollment that succeeds is recorded
 * as a managed device of the user, which counts toward the device limit from then on.
 */
export function simulationRoutes(ctx: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.post('/simulate', authenticate(ctx), async (c) => {
    const body = parseActionBody(simulationBody, await readJsonBody(c), 'simulation');
    checkBody(body);
    const tenantId = c.get('tenantId');
    const result = ctx.store.transaction(() => simulate(ctx.store, tenantId, body, ctx.clock()));
    return c.json(result);
  });
  return app;
}
