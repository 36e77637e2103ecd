import { AssignmentTarget, IntuneObject, WebClip } from '../../src';
import { issuesOf, manifestOf, resourceAt } from './synth-stack';

const PORTAL = 'https://portal.manage.microsoft.com';

describe('IntuneObject', () => {
  it('declares the same manifest object as the kind\'s own construct', () => {
    const typed = manifestOf((stack) => {
      new WebClip(stack, 'Clip', { displayName: 'Company Portal', appUrl: PORTAL, fullScreenEnabled: true, assignments: [{ target: AssignmentTarget.allUsers() }] });
    });
    const generic = manifestOf((stack) => {
      new IntuneObject(stack, 'Clip', {
        kind: 'webClip',
        displayName: 'Company Portal',
        spec: { appUrl: PORTAL, fullScreenEnabled: true, ignoreManifestScope: false, preComposedIconEnabled: false, useManagedBrowser: false },
        assignments: [{ target: AssignmentTarget.allUsers(), intent: 'required' }],
      });
    });
    const { source: _typedSource, ...typedClip } = resourceAt(typed, 'Clip');
    const { source: _genericSource, ...genericClip } = resourceAt(generic, 'Clip');
    expect(genericClip).toEqual(typedClip);
  });

  it('names an unknown kind, with the nearest kind there is', () => {
    const issues = issuesOf((stack) => {
      new IntuneObject(stack, 'Clip', { kind: 'webclip' as 'webClip', displayName: 'Company Portal', spec: { appUrl: PORTAL } as never });
    });
    expect(issues).toContainEqual({ path: 'test/Clip', field: 'kind', value: 'webclip', message: 'no kind of this name', fix: "did you mean 'webClip'?" });
  });

  it('names a bad spec field below spec, with the value and the fix', () => {
    const issues = issuesOf((stack) => {
      new IntuneObject(stack, 'Clip', {
        kind: 'webClip',
        displayName: 'Company Portal',
        spec: { appUrl: 'ftp://portal', fullScreenEnabled: true, ignoreManifestScope: false, preComposedIconEnabled: false, useManagedBrowser: false },
      });
    });
    expect(issues.map((i) => [i.path, i.field, i.value])).toEqual([['test/Clip', 'spec.appUrl', 'ftp://portal']]);
  });

  it('names an assignment without a target from AssignmentTarget, and an unknown prop', () => {
    const issues = issuesOf((stack) => {
      const profile = new IntuneObject(stack, 'Clip', {
        kind: 'webClip',
        displayName: 'Company Portal',
        spec: { appUrl: PORTAL, fullScreenEnabled: true, ignoreManifestScope: false, preComposedIconEnabled: false, useManagedBrowser: false },
        priority: 1,
      } as never);
      profile.addAssignment({ target: 'All users' as never });
    });
    expect(issues.map((i) => [i.field, i.value])).toEqual([
      ['priority', 1],
      ['assignments.0.target', 'All users'],
    ]);
  });
});
