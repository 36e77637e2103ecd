import {
  App,
  AssignmentTarget,
  EnrollmentStack,
  ValidationError,
  DeviceLimitRestriction,
  EnrollmentType,
  EnrollmentTypeProfile,
  EntraGroup,
  formatIssue,
  IosStoreApp,
  UsageError,
  PlatformRestriction,
  SsoExtensionPolicy,
  SsoSetting,
  WebClip,
} from '../../src';
import { issuesOf, manifestOf } from './synth-stack';

const everyone = AssignmentTarget.allUsers();

describe('validation at synth', () => {
  it('reports five deliberate mistakes at once, each with its construct path', () => {
    const issues = issuesOf((stack) => {
      new EnrollmentTypeProfile(stack, 'Unassigned', { displayName: 'Web', enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT });
      new DeviceLimitRestriction(stack, 'TooMany', { displayName: 'Limit', limit: 20, assignments: [everyone] });
      new PlatformRestriction(stack, 'BadVersion', { displayName: 'Platform', osMinimumVersion: 'iOS 17', assignments: [everyone] });
      new SsoExtensionPolicy(stack, 'Jit', { displayName: 'JIT', settings: [SsoSetting.string('device_registration ', '{{DEVICEREGISTRATION}}')], assignments: [everyone] });
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: AssignmentTarget.group('iOS users') }] });
    });
    expect(issues.map((i) => [i.path, i.field])).toEqual([
      ['test/Unassigned', 'assignments'],
      ['test/TooMany', 'limit'],
      ['test/BadVersion', 'osMinimumVersion'],
      ['test/Jit', 'settings.0.key'],
      ['test/Portal', 'assignments.0.target.group'],
    ]);
    for (const issue of issues) expect(issue.fix).not.toBe('');
  });

  it('reports two objects of one kind with the same display name', () => {
    const issues = issuesOf((stack) => {
      new DeviceLimitRestriction(stack, 'A', { displayName: 'Five', limit: 5, assignments: [everyone] });
      new DeviceLimitRestriction(stack, 'B', { displayName: 'Five', limit: 5, assignments: [everyone] });
      new PlatformRestriction(stack, 'C', { displayName: 'Five', assignments: [everyone] });
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'test/B', field: 'displayName', value: 'Five', message: expect.stringContaining('test/A') }),
    ]);
  });

  it('reports the same app referenced twice', () => {
    const issues = issuesOf((stack) => {
      IosStoreApp.fromBundleId(stack, 'A', 'com.contoso.app');
      IosStoreApp.fromBundleId(stack, 'B', 'com.contoso.app');
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test/B', field: 'bundleId', value: 'com.contoso.app' })]);
  });

  it.each(['17', '17.4', '17.4.1'])('accepts the OS version "%s"', (version) => {
    const manifest = manifestOf((stack) => {
      new PlatformRestriction(stack, 'P', { displayName: 'P', osMinimumVersion: version, assignments: [everyone] });
    });
    expect(manifest.resources[0]?.spec).toMatchObject({ osMinimumVersion: version });
  });

  it.each(['17.x', '0.1', '17.4.1.2', ' 17.0'])('reports the malformed OS version "%s" with the fix', (version) => {
    const issues = issuesOf((stack) => {
      new PlatformRestriction(stack, 'P', { displayName: 'P', osMaximumVersion: version, assignments: [everyone] });
    });
    expect(issues).toEqual([
      { path: 'test/P', field: 'osMaximumVersion', value: version, message: 'expected an iOS version such as "16.0" or "17.4"', fix: 'use an iOS version such as "16.0" or "17.4"' },
    ]);
  });

  it('reports a minimum OS version above the maximum', () => {
    const issues = issuesOf((stack) => {
      new PlatformRestriction(stack, 'P', { displayName: 'P', osMinimumVersion: '18.0', osMaximumVersion: '17.4', assignments: [everyone] });
    });
    expect(issues).toEqual([expect.objectContaining({ field: 'osMinimumVersion', value: '18.0' })]);
  });

  it.each([0, 16, 2.5])('reports the device limit %s as outside 1..15 (EK014)', (limit) => {
    const issues = issuesOf((stack) => {
      new DeviceLimitRestriction(stack, 'L', { displayName: 'L', limit, assignments: [everyone] });
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test/L', field: 'limit', value: limit, rule: 'EK014' })]);
  });

  it('reports white space around SSO keys and values (EK003), naming the setting', () => {
    const issues = issuesOf((stack) => {
      new SsoExtensionPolicy(stack, 'Jit', {
        displayName: 'JIT',
        jitRegistration: true,
        settings: [SsoSetting.string(' custom', 'ok'), SsoSetting.string('other', '{{DEVICEREGISTRATION}} ')],
        assignments: [everyone],
      });
    });
    expect(issues.map((i) => [i.field, i.value, i.rule])).toEqual([
      ['settings.2.key', ' custom', 'EK003'],
      ['settings.3.value', '{{DEVICEREGISTRATION}} ', 'EK003'],
    ]);
    expect(formatIssue(issues[0]!)).toBe(
      'test/Jit: EK003 settings.2.key: the key has leading or trailing white space, so just-in-time registration will not work (got " custom"). Fix: write the key as "custom"',
    );
  });

  it('reports an SSO key set twice', () => {
    const issues = issuesOf((stack) => {
      new SsoExtensionPolicy(stack, 'Jit', { displayName: 'JIT', jitRegistration: true, settings: [SsoSetting.deviceRegistration()], assignments: [everyone] });
    });
    expect(issues).toEqual([expect.objectContaining({ field: 'settings.2.key', value: 'device_registration' })]);
  });

  it('reports a non-integer value of an Integer SSO setting', () => {
    const issues = issuesOf((stack) => {
      new SsoExtensionPolicy(stack, 'Sso', { displayName: 'SSO', settings: [SsoSetting.integer('retries', 1.5)], assignments: [everyone] });
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test/Sso', field: 'settings.0.value', value: 1.5 })]);
  });

  it('reports malformed bundle IDs of SSO apps, store apps and web clip targets', () => {
    const issues = issuesOf((stack) => {
      new SsoExtensionPolicy(stack, 'Sso', { displayName: 'SSO', bundleIds: ['com.contoso.ok', 'not a bundle id'], assignments: [everyone] });
      new IosStoreApp(stack, 'App', { displayName: 'App', bundleId: 'contoso', assignments: [{ target: everyone }] });
      new WebClip(stack, 'Clip', { displayName: 'Clip', appUrl: 'https://x.contoso.com', targetApplicationBundleIdentifier: 'com/contoso', assignments: [{ target: everyone }] });
    });
    expect(issues.map((i) => [i.path, i.field, i.value])).toEqual([
      ['test/Sso', 'bundleIds.1', 'not a bundle id'],
      ['test/App', 'bundleId', 'contoso'],
      ['test/Clip', 'targetApplicationBundleIdentifier', 'com/contoso'],
    ]);
    expect(issues[0]?.fix).toBe('use a bundle ID such as "com.contoso.app"');
  });

  it('reports malformed URLs of web clips and store apps', () => {
    const issues = issuesOf((stack) => {
      new WebClip(stack, 'Clip', { displayName: 'Clip', appUrl: 'portal.manage.microsoft.com', assignments: [{ target: everyone }] });
      new IosStoreApp(stack, 'App', { displayName: 'App', bundleId: 'com.contoso.app', appStoreUrl: 'ftp://apps.apple.com/x' });
    });
    expect(issues.map((i) => [i.path, i.field, i.value])).toEqual([
      ['test/Clip', 'appUrl', 'portal.manage.microsoft.com'],
      ['test/App', 'appStoreUrl', 'ftp://apps.apple.com/x'],
    ]);
  });

  it('reports an enrollment type profile without assignments', () => {
    const issues = issuesOf((stack) => {
      new EnrollmentTypeProfile(stack, 'Web', { displayName: 'Web', enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT });
    });
    expect(issues).toEqual([expect.objectContaining({ path: 'test/Web', field: 'assignments', message: expect.stringContaining('applies to nobody') })]);
  });

  it('reports a user choice whose option is itself a user choice', () => {
    const nested = EnrollmentType.userChoice({ personal: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT, corporate: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT });
    const issues = issuesOf((stack) => {
      new EnrollmentTypeProfile(stack, 'Choice', {
        displayName: 'Choice',
        enrollmentType: EnrollmentType.userChoice({ personal: nested, corporate: EnrollmentType.DEVICE_ENROLLMENT_WITH_COMPANY_PORTAL }),
        assignments: [everyone],
      });
    });
    expect(issues).toEqual([expect.objectContaining({ field: 'enrollmentType.userChoice.personal', value: 'userChoice' })]);
  });

  it('reports a target naming a group that the stack neither declares nor references', () => {
    const issues = issuesOf((stack) => {
      EntraGroup.fromDisplayName(stack, 'Staff', 'Staff');
      new EnrollmentTypeProfile(stack, 'Web', {
        displayName: 'Web',
        enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT,
        assignments: [AssignmentTarget.group('Staff'), AssignmentTarget.excludeGroup('Contractors')],
      });
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'test/Web', field: 'assignments.1.target.group', value: 'Contractors', fix: expect.stringContaining('EntraGroup.fromDisplayName') }),
    ]);
  });

  it('reports an assignment filter that is not a GUID', () => {
    const issues = issuesOf((stack) => {
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: AssignmentTarget.allUsers({ filter: { id: 'personal-iphones', mode: 'include' } }) }] });
    });
    expect(issues).toEqual([expect.objectContaining({ field: 'assignments.0.target.filter.id', value: 'personal-iphones' })]);
  });

  it('reports a stack name that ownership markers cannot carry', () => {
    const stack = new EnrollmentStack(new App(), 'iOS enrollment');
    expect(() => stack.toManifest()).toThrow(ValidationError);
    try {
      stack.toManifest();
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        expect.objectContaining({ path: 'iOS enrollment', field: 'id', value: 'iOS enrollment', message: 'expected letters, digits, ".", "_" or "-"' }),
      ]);
    }
  });

  it('reports empty display names', () => {
    const issues = issuesOf((stack) => {
      new EntraGroup(stack, 'Nameless', { displayName: '' });
      new DeviceLimitRestriction(stack, 'L', { displayName: '  ', limit: 5, assignments: [everyone] });
    });
    expect(issues.map((i) => [i.path, i.field])).toEqual([
      ['test/Nameless', 'displayName'],
      ['test/L', 'displayName'],
    ]);
  });

  it('reports an empty group name once, at the group, not again at each target that passes the group', () => {
    const issues = issuesOf((stack) => {
      const nameless = new EntraGroup(stack, 'Nameless', { displayName: '' });
      new DeviceLimitRestriction(stack, 'L', { displayName: 'L', limit: 5, assignments: [AssignmentTarget.group(nameless)] });
    });
    expect(issues).toEqual([{ path: 'test/Nameless', field: 'displayName', value: '', message: expect.any(String), fix: 'use at least 1 character' }]);
  });
});

describe('EnrollmentStack.of', () => {
  it('finds the stack of a construct', () => {
    const stack = new EnrollmentStack(new App(), 'test');
    const limit = new DeviceLimitRestriction(stack, 'L', { displayName: 'L', limit: 5 });
    expect(EnrollmentStack.of(limit)).toBe(stack);
  });

  it('throws a UsageError that names the construct and says the fix when there is no stack', () => {
    const limit = new DeviceLimitRestriction(new App(), 'Stray', { displayName: 'L', limit: 5 });
    expect(() => EnrollmentStack.of(limit)).toThrow(UsageError);
    expect(() => EnrollmentStack.of(limit)).toThrow(/'Stray' is not inside an EnrollmentStack\. Fix: create it with an EnrollmentStack/);
  });
});
