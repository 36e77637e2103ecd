import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentType, EnrollmentTypeProfile, PlatformRestriction, WebClip, type EnrollmentStack } from '../../src';
import { issuesOf, manifestOf } from './synth-stack';

const everyone = AssignmentTarget.allUsers();

function profile(stack: EnrollmentStack, id: string): EnrollmentTypeProfile {
  return new EnrollmentTypeProfile(stack, id, { displayName: id, enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT, assignments: [everyone] });
}

function priorities(declare: (stack: EnrollmentStack) => void): Record<string, number | undefined> {
  return Object.fromEntries(manifestOf(declare).resources.map((r) => [r.logicalId, r.priority]));
}

describe('priority order', () => {
  it('ranks objects of each priority class 1..n in declaration order', () => {
    expect(
      priorities((stack) => {
        profile(stack, 'First');
        new PlatformRestriction(stack, 'PlatformA', { displayName: 'A', assignments: [everyone] });
        profile(stack, 'Second');
        new DeviceLimitRestriction(stack, 'LimitA', { displayName: 'LA', limit: 5, assignments: [everyone] });
        new PlatformRestriction(stack, 'PlatformB', { displayName: 'B', assignments: [everyone] });
        new DeviceLimitRestriction(stack, 'LimitB', { displayName: 'LB', limit: 3, assignments: [everyone] });
      }),
    ).toEqual({ First: 1, PlatformA: 1, Second: 2, LimitA: 1, PlatformB: 2, LimitB: 2 });
  });

  it('follows setPriorityOrder over declaration order, per class', () => {
    expect(
      priorities((stack) => {
        const a = profile(stack, 'A');
        const b = profile(stack, 'B');
        const c = profile(stack, 'C');
        const limit = new DeviceLimitRestriction(stack, 'Limit', { displayName: 'L', limit: 5, assignments: [everyone] });
        stack.setPriorityOrder([c, a, b]);
        stack.setPriorityOrder([limit]);
      }),
    ).toEqual({ A: 2, B: 3, C: 1, Limit: 1 });
  });

  it('gives no priority to kinds without one', () => {
    const manifest = manifestOf((stack) => {
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: everyone }] });
    });
    expect(manifest.resources[0]).not.toHaveProperty('priority');
  });

  it('reports an order that leaves out an object of the class', () => {
    const issues = issuesOf((stack) => {
      const a = profile(stack, 'A');
      profile(stack, 'B');
      stack.setPriorityOrder([a]);
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'test', field: 'setPriorityOrder', value: ['test/A'], message: expect.stringContaining('missing test/B') }),
    ]);
  });

  it('reports an order that mixes classes', () => {
    const issues = issuesOf((stack) => {
      const a = profile(stack, 'A');
      const limit = new DeviceLimitRestriction(stack, 'Limit', { displayName: 'L', limit: 5, assignments: [everyone] });
      stack.setPriorityOrder([a, limit]);
    });
    expect(issues).toEqual([expect.objectContaining({ field: 'setPriorityOrder', message: expect.stringContaining('mixes classes') })]);
  });

  it('reports an order that names an object outside every stack', () => {
    const issues = issuesOf((stack) => {
      const a = profile(stack, 'A');
      const stray = new DeviceLimitRestriction(new App(), 'Stray', { displayName: 'S', limit: 5 });
      stack.setPriorityOrder([a, stray]);
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test', field: 'setPriorityOrder', value: ['test/A', 'Stray'], message: expect.stringContaining('Stray') })]);
  });
});
