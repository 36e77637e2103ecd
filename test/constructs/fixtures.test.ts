import { accountDrivenStack, restrictionsStack, webBasedStack } from '../_fixtures/stacks';

describe('stack fixtures', () => {
  it('synthesize the web-based enrollment stack of seed 001', () => {
    const manifest = webBasedStack();
    expect(manifest.stack).toBe('web-based-enrollment');
    expect(manifest.resources.map((r) => [r.kind, r.logicalId, r.priority])).toEqual([
      ['ssoExtensionPolicy', 'JitRegistration', undefined],
      ['iosApp', 'Authenticator', undefined],
      ['webClip', 'CompanyPortal', undefined],
      ['enrollmentTypeProfile', 'WebBasedEnrollment', 1],
    ]);
    expect(manifest.groups).toEqual([expect.objectContaining({ displayName: 'iOS BYOD users', declared: true, members: 'users' })]);
  });

  it('synthesize the account-driven user enrollment stack of seed 004 under another name', () => {
    const manifest = accountDrivenStack('adue');
    expect(manifest.stack).toBe('adue');
    expect(manifest.resources.find((r) => r.kind === 'enrollmentTypeProfile')?.spec).toEqual({ enrollmentType: 'accountDrivenUserEnrollment' });
    expect(manifest.groups).toEqual([expect.objectContaining({ displayName: 'Employees', declared: false })]);
  });

  it('synthesize the restrictions stack with a priority per class', () => {
    const manifest = restrictionsStack();
    expect(manifest.resources.map((r) => [r.displayName, r.priority])).toEqual([
      ['iOS: contractors, corporate devices only', 1],
      ['iOS: employees, iOS 16 or later', 2],
      ['Executives: 10 devices', 1],
      ['Employees: 3 devices', 2],
    ]);
  });
});
