import { AssignmentTarget, COMPANY_PORTAL_WEB_URL, EntraGroup, IosStoreApp, KnownApps, VppApp, WebClip } from '../../src';
import { issuesOf, manifestOf, resourceAt } from './synth-stack';

const VPP_FIX = 'use VppApp.fromBundleId or drop the setting';

describe('IosStoreApp', () => {
  it('writes an owned store app with defaults filled and no reference', () => {
    const manifest = manifestOf((stack) => {
      new IosStoreApp(stack, 'Crm', {
        displayName: 'Contoso CRM',
        bundleId: 'com.contoso.crm',
        appStoreUrl: 'https://apps.apple.com/app/contoso-crm/id123',
        assignments: [{ target: AssignmentTarget.allUsers(), intent: 'available' }],
      });
    });
    const app = resourceAt(manifest, 'Crm');
    expect(app).toMatchObject({
      kind: 'iosApp',
      displayName: 'Contoso CRM',
      spec: {
        appType: 'iosStoreApp',
        bundleId: 'com.contoso.crm',
        appStoreUrl: 'https://apps.apple.com/app/contoso-crm/id123',
        applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
        minimumOsVersion: '15.0',
      },
      assignments: [{ target: { type: 'allLicensedUsers' }, intent: 'available' }],
    });
    expect(app.reference).toBeUndefined();
  });

  it('references a known app by bundle ID, with required as the default intent and settings kept', () => {
    const manifest = manifestOf((stack) => {
      const users = new EntraGroup(stack, 'Users', { displayName: 'Users', members: 'users' });
      IosStoreApp.fromKnownApp(stack, 'Authenticator', KnownApps.MICROSOFT_AUTHENTICATOR).addAssignment({
        target: AssignmentTarget.group(users),
        settings: { uninstallOnDeviceRemoval: false },
      });
    });
    expect(resourceAt(manifest, 'Authenticator')).toMatchObject({
      displayName: 'Microsoft Authenticator',
      spec: { appType: 'iosStoreApp', bundleId: 'com.microsoft.azureauthenticator' },
      reference: { field: 'bundleId', value: 'com.microsoft.azureauthenticator' },
      assignments: [{ target: { type: 'group', group: 'Users' }, intent: 'required', settings: { uninstallOnDeviceRemoval: false } }],
    });
  });

  it('references any store app by bundle ID, named by the bundle ID unless told otherwise', () => {
    const manifest = manifestOf((stack) => {
      IosStoreApp.fromBundleId(stack, 'Outlook', 'com.microsoft.Office.Outlook').addAssignment({ target: AssignmentTarget.allUsers(), intent: 'uninstall' });
      IosStoreApp.fromBundleId(stack, 'Teams', 'com.microsoft.skype.teams', { displayName: 'Teams' }).addAssignment({ target: AssignmentTarget.allUsers() });
    });
    expect(resourceAt(manifest, 'Outlook')).toMatchObject({ displayName: 'com.microsoft.Office.Outlook', assignments: [{ intent: 'uninstall' }] });
    expect(resourceAt(manifest, 'Teams').displayName).toBe('Teams');
  });
});

describe('assignment settings of store apps', () => {
  it('reports the VPP-only settings on an owned store app, naming the assignment and setting', () => {
    const issues = issuesOf((stack) => {
      const app = new IosStoreApp(stack, 'Crm', {
        displayName: 'Contoso CRM',
        bundleId: 'com.contoso.crm',
        assignments: [{ target: AssignmentTarget.allUsers(), settings: { uninstallOnDeviceRemoval: true } }],
      });
      app.addAssignment({ target: AssignmentTarget.allDevices(), settings: { useDeviceLicensing: true, preventAutoAppUpdate: false } });
    });
    expect(issues).toEqual([
      {
        path: 'test/Crm',
        field: 'assignments.1.settings.useDeviceLicensing',
        value: true,
        message: expect.stringContaining('VPP app assignments'),
        fix: `only VPP apps license per device; ${VPP_FIX}`,
      },
      {
        path: 'test/Crm',
        field: 'assignments.1.settings.preventAutoAppUpdate',
        value: false,
        message: expect.stringContaining('VPP app assignments'),
        fix: `only VPP apps can block automatic updates; ${VPP_FIX}`,
      },
    ]);
  });

  it('reports them on store apps referenced by bundle ID or as known apps', () => {
    const issues = issuesOf((stack) => {
      IosStoreApp.fromBundleId(stack, 'Crm', 'com.contoso.crm').addAssignment({ target: AssignmentTarget.allUsers(), settings: { useDeviceLicensing: false } });
      IosStoreApp.fromKnownApp(stack, 'Authenticator', KnownApps.MICROSOFT_AUTHENTICATOR).addAssignment({
        target: AssignmentTarget.allUsers(),
        settings: { preventAutoAppUpdate: true },
      });
    });
    expect(issues.map((i) => [i.path, i.field, i.value])).toEqual([
      ['test/Crm', 'assignments.0.settings.useDeviceLicensing', false],
      ['test/Authenticator', 'assignments.0.settings.preventAutoAppUpdate', true],
    ]);
  });
});

describe('VppApp', () => {
  it('references a VPP app by bundle ID', () => {
    const manifest = manifestOf((stack) => {
      VppApp.fromBundleId(stack, 'Portal', KnownApps.COMPANY_PORTAL.bundleId).addAssignment({
        target: AssignmentTarget.allUsers(),
        settings: { useDeviceLicensing: true },
      });
    });
    expect(resourceAt(manifest, 'Portal')).toMatchObject({
      spec: { appType: 'iosVppApp', bundleId: 'com.microsoft.CompanyPortal' },
      reference: { field: 'bundleId', value: 'com.microsoft.CompanyPortal' },
      assignments: [{ intent: 'required', settings: { useDeviceLicensing: true } }],
    });
  });
});

describe('WebClip', () => {
  it('writes the Company Portal web clip pointing at the Company Portal website', () => {
    const manifest = manifestOf((stack) => {
      WebClip.companyPortal(stack, 'Portal', { assignments: [{ target: AssignmentTarget.allUsers() }] });
    });
    expect(resourceAt(manifest, 'Portal')).toMatchObject({
      kind: 'webClip',
      displayName: 'Company Portal',
      spec: { appUrl: COMPANY_PORTAL_WEB_URL, publisher: 'Microsoft', useManagedBrowser: false, fullScreenEnabled: false },
      assignments: [{ target: { type: 'allLicensedUsers' }, intent: 'required' }],
    });
  });

  it('reports settings on a web clip assignment, since Graph has no settings type for web clips', () => {
    const settings = { uninstallOnDeviceRemoval: true };
    const withSettings = { target: AssignmentTarget.allDevices(), settings };
    const issues = issuesOf((stack) => {
      const clip = WebClip.companyPortal(stack, 'Portal');
      clip.addAssignment({ target: AssignmentTarget.allUsers() });
      clip.addAssignment(withSettings);
    });
    expect(issues).toEqual([
      { path: 'test/Portal', field: 'assignments.1.settings', value: settings, message: expect.stringContaining('web clips take no assignment settings'), fix: 'drop settings from the assignment' },
    ]);
  });

  it('writes any web clip with its flags', () => {
    const manifest = manifestOf((stack) => {
      const clip = new WebClip(stack, 'Intranet', { displayName: 'Intranet', appUrl: 'https://intranet.contoso.com', fullScreenEnabled: true, useManagedBrowser: true });
      clip.addAssignment({ target: AssignmentTarget.allUsers(), intent: 'available' });
    });
    expect(resourceAt(manifest, 'Intranet')).toMatchObject({
      spec: { appUrl: 'https://intranet.contoso.com', fullScreenEnabled: true, useManagedBrowser: true, preComposedIconEnabled: false, ignoreManifestScope: false },
      assignments: [{ intent: 'available' }],
    });
  });
});
