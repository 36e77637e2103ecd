import { AssignmentTarget, SsoExtensionPolicy, SsoSetting } from '../../src';
import { manifestOf, resourceAt } from './synth-stack';

describe('SsoExtensionPolicy', () => {
  it('adds the JIT registration settings with jitRegistration', () => {
    const manifest = manifestOf((stack) => {
      new SsoExtensionPolicy(stack, 'Jit', { displayName: 'JIT', jitRegistration: true, assignments: [AssignmentTarget.allUsers()] });
    });
    expect(resourceAt(manifest, 'Jit')).toMatchObject({
      kind: 'ssoExtensionPolicy',
      spec: {
        bundleIdAccessControlList: [],
        configurations: [
          { key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}}' },
          { key: 'browser_sso_interaction_enabled', type: 'integer', value: 1 },
        ],
        enableSharedDeviceMode: false,
      },
    });
  });

  it('writes typed settings, bundle IDs and shared device mode from props and add methods', () => {
    const manifest = manifestOf((stack) => {
      const policy = new SsoExtensionPolicy(stack, 'Sso', {
        displayName: 'SSO',
        bundleIds: ['com.contoso.crm'],
        settings: [SsoSetting.boolean('disable_explicit_app_prompt', true)],
        enableSharedDeviceMode: true,
        assignments: [AssignmentTarget.allUsers()],
      });
      policy.addBundleId('com.contoso.timesheets');
      policy.addSetting(SsoSetting.real('timeout', 1.5));
      policy.addSetting(SsoSetting.string('admin_debug_mode', 'off'));
      policy.addSetting(SsoSetting.integer('max_tries', 3));
    });
    expect(resourceAt(manifest, 'Sso').spec).toEqual({
      bundleIdAccessControlList: ['com.contoso.crm', 'com.contoso.timesheets'],
      configurations: [
        { key: 'disable_explicit_app_prompt', type: 'boolean', value: true },
        { key: 'timeout', type: 'real', value: 1.5 },
        { key: 'admin_debug_mode', type: 'string', value: 'off' },
        { key: 'max_tries', type: 'integer', value: 3 },
      ],
      enableSharedDeviceMode: true,
    });
  });
});
