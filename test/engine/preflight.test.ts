import { MANIFEST_VERSION } from '../../src/model';
import { missingPermissions, PLAN_FORMAT, type Plan, type PlanFinding, refusedWrites, type ResourceChange, type Step } from '../../src/engine';

function plan(steps: Step[]): Plan {
  return {
    format: PLAN_FORMAT,
    stack: 's',
    backend: 'b',
    mode: 'normal',
    adopt: false,
    manifest: { version: MANIFEST_VERSION, stack: 's', groups: [], resources: [], suppressions: [] },
    groups: [],
    changes: [],
    moves: [],
    priorityOrders: [],
    findings: [],
    blockers: [],
    steps,
    fingerprint: {},
    summary: { create: 0, update: 0, replace: 0, delete: 0, adopt: 0, move: 0, groups: 0 },
  };
}

const createRestriction: Step = { id: 'a', title: 't', dependsOn: [], kind: 'platformRestriction', operation: 'create', body: {} };
const createGroup: Step = { id: 'g', title: 't', dependsOn: [], kind: 'group', operation: 'create', body: {} };

describe('missingPermissions', () => {
  it('names the grant a write needs when the token holds none that Graph accepts', () => {
    const missing = missingPermissions(plan([createRestriction, createGroup]), { appOnly: true, permissions: ['DeviceManagementApps.ReadWrite.All'] });
    expect(missing).toEqual([
      expect.objectContaining({
        code: 'permission-missing',
        message: expect.stringMatching(/writing device limit restrictions or platform restrictions/),
        fix: 'grant one of DeviceManagementServiceConfig.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All',
      }),
      expect.objectContaining({ code: 'permission-missing', message: expect.stringMatching(/creating groups/), fix: expect.stringMatching(/^grant one of Group\.Create/) }),
    ]);
  });

  it('is satisfied by any accepted grant', () => {
    expect(missingPermissions(plan([createRestriction, createGroup]), { appOnly: true, permissions: ['DeviceManagementConfiguration.ReadWrite.All', 'Group.ReadWrite.All'] })).toEqual([]);
  });

  it('checks nothing when the backend cannot tell what the token holds', () => {
    expect(missingPermissions(plan([createRestriction]), { appOnly: false })).toEqual([]);
  });
});

describe('refusedWrites', () => {
  const finding = (path: string, suppressed?: string): PlanFinding => ({ code: 'EK018', severity: 'warning', path, message: 'm', fix: 'f', ...(suppressed ? { suppressed } : {}) });
  const change = (path: string, action: ResourceChange['action'], fields: ResourceChange['fields'] = []): ResourceChange => ({
    action,
    kind: 'platformRestriction',
    logicalId: path,
    path,
    displayName: path,
    referenced: false,
    fields,
    assignments: { add: [], remove: [] },
  });
  const withChanges = (changes: ResourceChange[], findings: PlanFinding[]): Plan => ({ ...plan([]), changes, findings });

  it('blocks every create or property update of an object EK018 names, with the live message and the fix', () => {
    const blockers = refusedWrites(
      withChanges(
        [change('s/A', 'create'), change('s/B', 'update', [{ field: 'platformBlocked', before: false, after: true }]), change('s/C', 'unchanged'), change('s/D', 'delete')],
        [finding('s/A'), finding('s/B'), finding('s/C'), finding('s/D')],
      ),
    );
    expect(blockers).toEqual([
      { code: 'EK018', path: 's/A', message: expect.stringMatching(/create.*Operation is restricted\."/), fix: expect.stringMatching(/^apply with delegated credentials/) },
      expect.objectContaining({ code: 'EK018', path: 's/B', message: expect.stringMatching(/update/) }),
    ]);
  });

  it('lets assignment-only changes, suppressed findings and objects without a finding through', () => {
    expect(refusedWrites(withChanges([change('s/A', 'update'), change('s/B', 'create'), change('s/C', 'create')], [finding('s/A'), finding('s/B', 'managed by the platform team')]))).toEqual([]);
  });
});
