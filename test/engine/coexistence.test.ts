import { App, AssignmentTarget, EnrollmentStack, EntraGroup, IosStoreApp, KnownApps } from '../../src';
import { applyPlan, planStack } from '../../src/engine';
import type { Manifest, Resource } from '../../src/model';
import { exampleManifest } from '../_helpers/example-manifests';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { removeAppDirs } from '../_helpers/synth-app';

type Json = Record<string, unknown>;
const AUTHENTICATOR = 'com.microsoft.azureauthenticator';
const PROFILES = '/deviceManagement/appleUserInitiatedEnrollmentProfiles';
const CONFIGURATIONS = '/deviceManagement/deviceEnrollmentConfigurations';

/** An example turned into a stack that references the tenant's Authenticator instead of owning one, under another name. */
function sharing(manifest: Manifest, stack: string, prefix: string): Manifest {
  return {
    ...manifest,
    stack,
    resources: manifest.resources.map((r): Resource =>
      r.kind === 'iosApp'
        ? ({ ...r, displayName: 'Microsoft Authenticator', reference: { field: 'bundleId', value: AUTHENTICATOR }, spec: { ...(r.spec as object), appType: 'iosStoreApp' } } as Resource)
        : ({ ...r, displayName: `${prefix}${r.displayName}` } as Resource),
    ),
  };
}

let a: Manifest;
let b: Manifest;
beforeAll(async () => {
  const web = await exampleManifest('web-based-enrollment');
  const restrictions = await exampleManifest('restrictions');
  a = { ...sharing(web, 'team-a', 'A: '), placement: { enrollmentTypeProfile: { position: 'top' } } };
  const byod = await exampleManifest('account-driven-user-enrollment');
  b = {
    ...sharing(byod, 'team-b', 'B: '),
    resources: [...sharing(byod, 'team-b', 'B: ').resources, ...sharing(restrictions, 'team-b', 'B: ').resources],
    groups: [...byod.groups, ...restrictions.groups],
  };
}, 120_000);
afterAll(removeAppDirs);

let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

/** Calls the reference server: `path` is under `/beta` unless it starts with `/v1.0/`. */
async function graph(method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${tenant.server.url}${path.startsWith('/v1.0/') ? '' : '/beta'}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

async function apply(manifest: Manifest): Promise<number> {
  const { plan } = await planStack(tenant.backend, manifest);
  expect(plan.blockers).toEqual([]);
  const result = await applyPlan(tenant.backend, plan);
  expect(result.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`)).toEqual([]);
  return plan.steps.length;
}

/** The hand-made objects' fields, and every object of each priority class by display name in priority order. */
async function snapshot(handMade: readonly string[]): Promise<{ fields: Json[]; orders: string[][] }> {
  const profiles = ((await graph('GET', PROFILES)).value as Json[]).sort((x, y) => Number(x.priority) - Number(y.priority));
  const configurations = ((await graph('GET', CONFIGURATIONS)).value as Json[]).sort((x, y) => Number(x.priority) - Number(y.priority));
  const byType = (type: string) => configurations.filter((c) => c['@odata.type'] === type).map((c) => String(c.displayName));
  const fields = [...profiles, ...configurations]
    .filter((o) => handMade.includes(String(o.id)))
    .map(({ priority: _priority, ...rest }) => rest);
  return {
    fields,
    orders: [profiles.map((p) => String(p.displayName)), byType('#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration'), byType('#microsoft.graph.deviceEnrollmentLimitConfiguration')],
  };
}

function relativeOrder(order: readonly string[], names: readonly string[]): string[] {
  return order.filter((n) => names.includes(n));
}

/** Microsoft Authenticator, added to the tenant in the admin center. */
function handMadeAuthenticator(): Promise<Json> {
  return graph('POST', '/deviceAppManagement/mobileApps', {
    '@odata.type': '#microsoft.graph.iosStoreApp',
    displayName: 'Microsoft Authenticator',
    bundleId: AUTHENTICATOR,
    appStoreUrl: 'https://apps.apple.com/app/id983156458',
    applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
  });
}

describe('two stacks and hand-made objects in one tenant', () => {
  it('converge after one round of apply A, apply B, and never move or change what they do not own', async () => {
    const app = await handMadeAuthenticator();
    const handProfile = await graph('POST', PROFILES, { displayName: 'Helpdesk pilot', description: 'made in the admin center', platform: 'iOS', defaultEnrollmentType: 'device' });
    const handRestriction = await graph('POST', CONFIGURATIONS, {
      '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
      displayName: 'Kiosk iPads: iOS 17+',
      description: 'made in the admin center',
      platformType: 'ios',
      platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true, osMinimumVersion: '17.0' },
    });
    const handMade = [String(handProfile.id), String(handRestriction.id)];
    const before = await snapshot(handMade);

    const handNames = ['Helpdesk pilot', 'Kiosk iPads: iOS 17+'];
    let converged: { fields: Json[]; orders: string[][] } | undefined;
    for (let round = 1; round <= 5; round += 1) {
      const writesA = await apply(a);
      const writesB = await apply(b);
      const now = await snapshot(handMade);
      expect(now.fields).toEqual(before.fields);
      if (round > 1) {
        expect([writesA, writesB]).toEqual([0, 0]);
        expect(now.orders).toEqual(converged!.orders);
      }
      expect((await planStack(tenant.backend, a)).plan.steps).toEqual([]);
      expect((await planStack(tenant.backend, b)).plan.steps).toEqual([]);
      converged = now;
    }
    const [profiles] = converged!.orders;
    const aProfiles = a.resources.filter((r) => r.kind === 'enrollmentTypeProfile').map((r) => r.displayName);
    expect(profiles!.indexOf('Helpdesk pilot')).toBeGreaterThan(Math.max(...aProfiles.map((n) => profiles!.indexOf(n))));
    for (const order of converged!.orders) expect(relativeOrder(order, handNames)).toEqual(relativeOrder(before.orders.flat(), handNames).filter((n) => order.includes(n)));

    const assignments = (await graph('GET', `/deviceAppManagement/mobileApps/${String(app.id)}/assignments`)).value as Json[];
    const declared = [...a.resources, ...b.resources].filter((r) => r.kind === 'iosApp').flatMap((r) => r.assignments);
    expect(assignments).toHaveLength(new Set(declared.map((d) => JSON.stringify(d.target))).size);
  });
});

/** A stack that references the tenant's Authenticator and assigns it, required, to a group of its own. */
function authenticatorStack(name: string, group: string): Manifest {
  const stack = new EnrollmentStack(new App(), name);
  const users = new EntraGroup(stack, 'Users', { displayName: group, members: 'users' });
  IosStoreApp.fromKnownApp(stack, 'Authenticator', KnownApps.MICROSOFT_AUTHENTICATOR).addAssignment({ target: AssignmentTarget.group(users) });
  return stack.toManifest();
}

describe('two stacks that reference the same app', () => {
  it('each add, keep and remove only the assignments they declare (or that target their own groups), beside one made by hand', async () => {
    const app = await handMadeAuthenticator();
    const assignmentsPath = `/deviceAppManagement/mobileApps/${String(app.id)}/assignments`;
    await graph('POST', assignmentsPath, { intent: 'available', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } });
    const targets = async () => {
      const groups = new Map(((await graph('GET', '/v1.0/groups')).value as Json[]).map((g) => [String(g.id), String(g.displayName)]));
      return ((await graph('GET', assignmentsPath)).value as Json[])
        .map((x) => {
          const target = x.target as Json;
          return `${String(x.intent)} ${typeof target.groupId === 'string' ? (groups.get(target.groupId) ?? target.groupId) : String(target['@odata.type'])}`;
        })
        .sort();
    };
    const stackA = authenticatorStack('team-a', 'Team A users');
    const stackB = authenticatorStack('team-b', 'Team B users');

    await apply(stackA);
    await apply(stackB);
    expect(await targets()).toEqual(['available #microsoft.graph.allLicensedUsersAssignmentTarget', 'required Team A users', 'required Team B users']);
    expect((await planStack(tenant.backend, stackA)).plan.steps).toEqual([]);
    expect((await planStack(tenant.backend, stackB)).plan.steps).toEqual([]);

    const withoutAssignment = { ...stackA, resources: stackA.resources.map((r) => ({ ...r, assignments: [] })) };
    await apply(withoutAssignment);
    expect(await targets()).toEqual(['available #microsoft.graph.allLicensedUsersAssignmentTarget', 'required Team B users']);
    await apply(stackA);

    const { plan: destroyA } = await planStack(tenant.backend, stackA, { mode: 'destroy' });
    await applyPlan(tenant.backend, destroyA);
    expect(await targets()).toEqual(['available #microsoft.graph.allLicensedUsersAssignmentTarget', 'required Team B users']);
    expect((await planStack(tenant.backend, stackB)).plan.steps).toEqual([]);
    expect(((await graph('GET', '/deviceAppManagement/mobileApps')).value as Json[]).filter((x) => x.bundleId === AUTHENTICATOR)).toHaveLength(1);
  });
});
