import { missingPermissions, PLAN_FORMAT, type Plan, type Step } from '../../src/engine';

function plan(steps: Step[]): Plan {
  return {
    format: PLAN_FORMAT,
    stack: 's',
    backend: 'b',
    mode: 'normal',
    groups: [],
    changes: [],
    moves: [],
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
        message: expect.stringMatching(/writing platform restrictions or device limit restrictions/),
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
