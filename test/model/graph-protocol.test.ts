import { graphProtocol, KIND_NAMES, KINDS, ResourceSchema, type ObjectRef } from '../../src/model';

const nested = graphProtocol({
  collection: '/deviceManagement/depOnboardingSettings/{parent}/enrollmentProfiles',
  odataType: '#microsoft.graph.depIOSEnrollmentProfile',
  listTypes: [],
  expandAssignments: false,
  assign: { style: 'serials', action: 'updateDeviceProfileAssignment' },
});
const ids = new Map([['create:P', 'token_p1']]);
const idOf = (ref: ObjectRef): string => ('id' in ref ? ref.id : ids.get(ref.step)!);

describe('a kind protocol', () => {
  it('turns typed writes into requests below the parent object of a nested collection', () => {
    expect(nested.request({ operation: 'create', parent: { id: 'token' }, body: { a: 1 } }, idOf)).toEqual({
      method: 'POST',
      version: 'beta',
      path: '/deviceManagement/depOnboardingSettings/token/enrollmentProfiles',
      body: { a: 1 },
    });
    expect(nested.request({ operation: 'assign', parent: { id: 'token' }, object: { step: 'create:P' }, body: { deviceIds: ['S1'] } }, idOf)).toMatchObject({
      method: 'POST',
      path: '/deviceManagement/depOnboardingSettings/token/enrollmentProfiles/token_p1/updateDeviceProfileAssignment',
    });
    expect(nested.request({ operation: 'action', action: 'setDefaultProfile', parent: { id: 'token' }, object: { id: 'token_p1' } }, idOf)).toMatchObject({
      method: 'POST',
      path: '/deviceManagement/depOnboardingSettings/token/enrollmentProfiles/token_p1/setDefaultProfile',
    });
  });

  it('refuses writes its kind does not have, saying why', () => {
    expect(() => nested.request({ operation: 'setPriority', parent: { id: 'token' }, object: { id: 'x' }, body: { priority: 1 } }, idOf)).toThrow(/have no priority/);
    expect(() => nested.request({ operation: 'unassign', parent: { id: 'token' }, object: { id: 'x' }, assignmentId: 'a' }, idOf)).toThrow(/replaced as a set/);
    expect(() => nested.request({ operation: 'update', object: { id: 'x' } }, idOf)).toThrow(/needs its parent object/);
  });
});

describe('the kind registry', () => {
  it('gives every kind a manifest variant that accepts only its own spec', () => {
    for (const kind of KIND_NAMES) {
      const base = { logicalId: 'x', path: 's/x', displayName: 'X', description: '', assignments: [], suppressions: [] };
      expect(ResourceSchema.safeParse({ ...base, kind, spec: { notAField: true } }).success).toBe(false);
      expect(KINDS[kind].kind).toBe(kind);
    }
    expect(ResourceSchema.safeParse({ kind: 'unknownKind', logicalId: 'x', path: 'p', displayName: 'X', description: '', assignments: [], suppressions: [], spec: {} }).success).toBe(false);
  });
});
