import { Construct } from 'constructs';
import { AssignmentTarget, WebClip } from '../../src';
import { issuesOf, manifestOf, resourceAt } from './synth-stack';

const everyone = AssignmentTarget.allUsers();

describe('logical IDs', () => {
  it('are the construct path relative to the stack, nested constructs included', () => {
    const manifest = manifestOf((stack) => {
      const apps = new Construct(stack, 'Apps');
      WebClip.companyPortal(apps, 'Portal', { assignments: [{ target: everyone }] });
    });
    expect(manifest.resources[0]).toMatchObject({ logicalId: 'Apps/Portal', path: 'test/Apps/Portal' });
  });

  it('stay the same when the display name changes', () => {
    const build = (displayName: string) =>
      manifestOf((stack) => {
        WebClip.companyPortal(stack, 'Portal', { displayName, assignments: [{ target: everyone }] });
      }).resources[0]?.logicalId;
    expect(build('Company Portal')).toBe(build('Intune Company Portal'));
  });

  it('can be overridden to survive a move in the tree', () => {
    const manifest = manifestOf((stack) => {
      const clip = WebClip.companyPortal(new Construct(stack, 'Moved'), 'Portal', { assignments: [{ target: everyone }] });
      clip.overrideLogicalId('Portal');
    });
    expect(resourceAt(manifest, 'Portal').path).toBe('test/Moved/Portal');
  });

  it('must be unique within the stack', () => {
    const issues = issuesOf((stack) => {
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: everyone }] });
      const other = new WebClip(stack, 'Intranet', { displayName: 'Intranet', appUrl: 'https://intranet.contoso.com', assignments: [{ target: everyone }] });
      other.overrideLogicalId('Portal');
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test/Intranet', field: 'logicalId', value: 'Portal', message: expect.stringContaining('test/Portal') })]);
  });
});

describe('suppressions', () => {
  it('are written on the construct and on the stack, with their reasons', () => {
    const manifest = manifestOf((stack) => {
      const clip = WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: everyone }] });
      clip.suppress('EK015', 'the portal is pinned by the onboarding kiosk');
      stack.suppress('EK010', 'Company Portal enrollment stays until the pilot ends');
    });
    expect(manifest.resources[0]?.suppressions).toEqual([{ rule: 'EK015', reason: 'the portal is pinned by the onboarding kiosk' }]);
    expect(manifest.suppressions).toEqual([{ rule: 'EK010', reason: 'Company Portal enrollment stays until the pilot ends' }]);
  });

  it('need a rule ID and a written reason', () => {
    const issues = issuesOf((stack) => {
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: everyone }] }).suppress('web clip', 'not needed');
      stack.suppress('EK009', ' ');
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'test', field: 'suppressions.0.reason', message: 'a suppression needs a written reason' }),
      expect.objectContaining({ path: 'test/Portal', field: 'suppressions.0.rule', value: 'web clip' }),
    ]);
  });
});
