import { makePlan, stepRef, stepRequest, type ActualGroup, type ActualObject, type ActualState } from '../../src/engine';
import { descriptorOf, INTUNE_DEFAULTS, MANIFEST_VERSION, withMarker, type GraphEntity, type Manifest, type Resource } from '../../src/model';

const STACK = 'contoso';

function profile(logicalId: string, priority: number, overrides: Partial<Resource> = {}): Resource {
  return {
    kind: 'enrollmentTypeProfile',
    logicalId,
    path: `contoso/${logicalId}`,
    displayName: `Profile ${logicalId}`,
    description: '',
    spec: { enrollmentType: 'webDeviceEnrollment' },
    assignments: [{ target: { type: 'group', group: 'BYOD users' } }],
    priority,
    suppressions: [],
    ...overrides,
  } as Resource;
}

function manifest(resources: Resource[]): Manifest {
  return {
    version: MANIFEST_VERSION,
    stack: STACK,
    groups: [{ displayName: 'BYOD users', declared: true, path: 'contoso/Byod', members: 'users' }],
    resources,
    suppressions: [],
  };
}

/** The tenant object a resource becomes once applied, as the engine reads it back. */
function applied(resource: Resource, id: string, priority: number, options: { owner?: string | null; groupId?: string } = {}): ActualObject {
  const d = descriptorOf(resource.kind);
  const owner = options.owner === undefined ? STACK : options.owner;
  const description = owner ? withMarker(resource.description, { stack: owner, logicalId: resource.logicalId }) : resource.description;
  const entity = { id, ...d.toGraph(resource.spec) } as GraphEntity;
  return {
    kind: resource.kind,
    id,
    odataType: d.graph.odataType,
    displayName: resource.displayName,
    description: resource.description,
    ...(owner ? { marker: { stack: owner, logicalId: resource.logicalId } } : {}),
    spec: d.fromGraph(entity),
    assignments: resource.assignments.map((a) => ('group' in a.target ? { ...a, target: { ...a.target, group: options.groupId ?? 'g1' } } : a)),
    assignmentIds: resource.assignments.map((_, i) => `${id}-a${i}`),
    unmanagedAssignments: [],
    priority,
    builtIn: false,
    fingerprint: `${id}:${description}`,
  };
}

function state(objects: ActualObject[], groups: ActualGroup[] = [{ id: 'g1', displayName: 'BYOD users', members: 'users' }]): ActualState {
  return {
    objects,
    groupsByName: new Map(groups.map((g) => [g.displayName, [g]])),
    groupNames: new Map(groups.map((g) => [g.id, g.displayName])),
    pushCertificate: { expirationDateTime: '2099-01-01T00:00:00Z' },
    tenantDefaults: INTUNE_DEFAULTS,
  };
}

const options = { backend: 'test' };

describe('makePlan', () => {
  it('creates a missing group first and assigns new profiles to it by reference', () => {
    const plan = makePlan(manifest([profile('A', 1)]), state([], []), options);
    expect(plan.groups).toEqual([{ action: 'create', displayName: 'BYOD users', path: 'contoso/Byod' }]);
    expect(plan.steps.map((s) => s.id)).toEqual(['group:BYOD users', 'create:A', 'assign:A:0']);
    const assign = plan.steps[2]!;
    expect(assign.dependsOn).toEqual(['create:A', 'group:BYOD users']);
    expect(assign).toMatchObject({ kind: 'enrollmentTypeProfile', operation: 'assign', object: { step: 'create:A' } });
    expect(JSON.stringify(assign.body)).toContain(stepRef('group:BYOD users'));
    const request = stepRequest(assign, new Map([['create:A', 'p9'], ['group:BYOD users', 'g1']]));
    expect(request).toMatchObject({ request: { method: 'POST', path: '/deviceManagement/appleUserInitiatedEnrollmentProfiles/p9/assignments' } });
    expect(JSON.stringify('request' in request && request.request.body)).toContain('g1');
    expect(stepRequest(assign, new Map())).toEqual({ missing: ['create:A', 'group:BYOD users'] });
  });

  it('plans nothing when the tenant matches the stack', () => {
    const resources = [profile('A', 1), profile('B', 2)];
    const plan = makePlan(manifest(resources), state([applied(resources[0]!, 'p1', 0), applied(resources[1]!, 'p2', 1)]), options);
    expect(plan.steps).toEqual([]);
    expect(plan.changes.every((c) => c.action === 'unchanged')).toBe(true);
  });

  it('updates exactly the property that changed', () => {
    const before = profile('A', 1);
    const after = profile('A', 1, { spec: { enrollmentType: 'accountDrivenUserEnrollment' } });
    const plan = makePlan(manifest([after]), state([applied(before, 'p1', 0)]), options);
    expect(plan.changes[0]).toMatchObject({ action: 'update', fields: [{ field: 'enrollmentType', before: 'webDeviceEnrollment', after: 'accountDrivenUserEnrollment' }] });
    expect(plan.steps.map((s) => [s.operation, s.object])).toEqual([['update', { id: 'p1' }]]);
    expect(stepRequest(plan.steps[0]!, new Map())).toMatchObject({ request: { method: 'PATCH', path: '/deviceManagement/appleUserInitiatedEnrollmentProfiles/p1' } });
  });

  it('deletes an owned profile the stack no longer declares, and nothing else', () => {
    const a = profile('A', 1);
    const gone = profile('Gone', 2);
    const foreign = profile('Foreign', 3);
    const plan = makePlan(
      manifest([a]),
      state([applied(a, 'p1', 0), applied(gone, 'p2', 1), applied(foreign, 'p3', 2, { owner: null }), applied(foreign, 'p4', 3, { owner: 'other-stack' })]),
      options,
    );
    expect(plan.steps.map((s) => [s.operation, s.kind, s.object])).toEqual([['delete', 'enrollmentTypeProfile', { id: 'p2' }]]);
  });

  it('places owned profiles on top when asked, moving only owned ones with the fewest setPriority calls, and ranks from 1', () => {
    const [a, b, c] = [profile('A', 1), profile('B', 2), profile('C', 3)];
    const unowned = profile('Manual', 9, { displayName: 'Made by hand' });
    const tenant = state([applied(b, 'pb', 0), applied(unowned, 'pm', 1, { owner: null }), applied(c, 'pc', 2), applied(a, 'pa', 3)]);
    const plan = makePlan({ ...manifest([a, b, c]), placement: { enrollmentTypeProfile: { position: 'top' } } }, tenant, options);
    expect(plan.moves).toEqual([
      { priorityClass: 'enrollmentTypeProfile', displayName: 'Profile A', logicalId: 'A', from: 4, to: 1 },
      { priorityClass: 'enrollmentTypeProfile', displayName: 'Profile C', logicalId: 'C', from: 3, to: 3 },
    ]);
    expect(plan.steps.map((s) => [s.operation, s.object, s.body])).toEqual([
      ['setPriority', { id: 'pa' }, { priority: 0 }],
      ['setPriority', { id: 'pc' }, { priority: 2 }],
    ]);
    expect(stepRequest(plan.steps[0]!, new Map())).toMatchObject({ request: { method: 'POST', path: '/deviceManagement/appleUserInitiatedEnrollmentProfiles/pa/setPriority' } });
    expect(plan.priorityOrders).toEqual([
      {
        priorityClass: 'enrollmentTypeProfile',
        objects: [
          { rank: 1, displayName: 'Profile A', logicalId: 'A', owned: true },
          { rank: 2, displayName: 'Profile B', logicalId: 'B', owned: true },
          { rank: 3, displayName: 'Profile C', logicalId: 'C', owned: true },
          { rank: 4, displayName: 'Made by hand', owned: false },
        ],
      },
    ]);
  });

  it('by default orders owned profiles within the places they hold, never moving an unowned one', () => {
    const [a, b, c] = [profile('A', 1), profile('B', 2), profile('C', 3)];
    const unowned = profile('Manual', 9, { displayName: 'Made by hand' });
    const other = profile('Other', 9, { displayName: 'Other stack' });
    const tenant = state([applied(b, 'pb', 0), applied(unowned, 'pm', 1, { owner: null }), applied(c, 'pc', 2), applied(other, 'po', 3, { owner: 'other' }), applied(a, 'pa', 4)]);
    const plan = makePlan(manifest([a, b, c]), tenant, options);
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.moves.every((m) => m.logicalId !== undefined)).toBe(true);
    expect(plan.priorityOrders[0]!.objects.map((o) => o.displayName)).toEqual(['Profile A', 'Made by hand', 'Profile B', 'Other stack', 'Profile C']);
    expect(plan.steps.map((s) => JSON.stringify(s.object)).filter((o) => o.includes('"pm"') || o.includes('"po"'))).toEqual([]);
    const converged = state([applied(a, 'pa', 0), applied(unowned, 'pm', 1, { owner: null }), applied(b, 'pb', 2), applied(other, 'po', 3, { owner: 'other' }), applied(c, 'pc', 4)]);
    expect(makePlan(manifest([a, b, c]), converged, options).steps).toEqual([]);
  });

  it('places owned profiles directly above or below a named profile it does not own, and blocks on a name that is not there', () => {
    const [a, b] = [profile('A', 1), profile('B', 2)];
    const unowned = profile('Manual', 9, { displayName: 'Made by hand' });
    const tenant = state([applied(unowned, 'pm', 0, { owner: null }), applied(a, 'pa', 1), applied(b, 'pb', 2)]);
    const above = makePlan({ ...manifest([a, b]), placement: { enrollmentTypeProfile: { above: 'Made by hand' } } }, tenant, options);
    expect(above.priorityOrders[0]!.objects.map((o) => o.displayName)).toEqual(['Profile A', 'Profile B', 'Made by hand']);
    expect(above.moves.every((m) => m.logicalId !== undefined)).toBe(true);
    expect(makePlan({ ...manifest([a, b]), placement: { enrollmentTypeProfile: { below: 'Made by hand' } } }, tenant, options).steps).toEqual([]);
    const missing = makePlan({ ...manifest([a, b]), placement: { enrollmentTypeProfile: { above: 'Nope' } } }, tenant, options);
    expect(missing.blockers).toEqual([expect.objectContaining({ code: 'placement-anchor', message: expect.stringContaining("'above' placement names 'Nope', but no object of that class has that name in the tenant") })]);
  });

  it('refuses to touch an unowned object with a declared display name unless adopting', () => {
    const a = profile('A', 1);
    const tenant = state([applied(a, 'p1', 0, { owner: null })]);
    const refused = makePlan(manifest([a]), tenant, options);
    expect(refused.changes[0]).toMatchObject({ action: 'conflict', id: 'p1' });
    expect(refused.blockers[0]).toMatchObject({ code: 'name-unowned', path: 'contoso/A', fix: expect.stringMatching(/run with --adopt/) });
    expect(refused.steps).toEqual([]);

    const adopted = makePlan(manifest([a]), tenant, { ...options, adopt: true });
    expect(adopted.changes[0]).toMatchObject({ action: 'adopt', id: 'p1' });
    expect(adopted.steps).toHaveLength(1);
    expect((adopted.steps[0]!.body as { description: string }).description).toMatch(/\[enrollkit stack=contoso id=A digest=[0-9a-f]{16}\]$/);
  });

  it('blocks apply when a referenced group does not exist', () => {
    const m = manifest([profile('A', 1)]);
    const plan = makePlan({ ...m, groups: [{ ...m.groups[0]!, declared: false }] }, state([], []), options);
    expect(plan.blockers).toEqual([expect.objectContaining({ code: 'group-missing', path: 'contoso/Byod', message: expect.stringMatching(/'BYOD users' does not exist/) })]);
  });

  it('keeps assignments of a referenced app that the stack does not declare', () => {
    const app: Resource = {
      kind: 'iosApp',
      logicalId: 'Authenticator',
      path: 'contoso/Authenticator',
      displayName: 'Microsoft Authenticator',
      description: '',
      spec: { appType: 'iosVppApp', bundleId: 'com.microsoft.azureauthenticator', applicableDeviceType: { iPad: true, iPhoneAndIPod: true }, minimumOsVersion: '15.0' },
      assignments: [{ target: { type: 'group', group: 'BYOD users' }, intent: 'required' }],
      reference: { field: 'bundleId', value: 'com.microsoft.azureauthenticator' },
      suppressions: [],
    };
    const inTenant = applied({ ...app, assignments: [{ target: { type: 'allLicensedUsers' }, intent: 'available' }] }, 'app1', 0, { owner: null });
    const plan = makePlan(manifest([app]), state([inTenant]), options);
    const body = plan.steps[0]!.body as { mobileAppAssignments: { intent: string }[] };
    expect(stepRequest(plan.steps[0]!, new Map())).toMatchObject({ request: { method: 'POST', path: '/deviceAppManagement/mobileApps/app1/assign' } });
    expect(body.mobileAppAssignments.map((a) => a.intent).sort()).toEqual(['available', 'required']);
  });
});
