/** One kind of object the server serves, with request bodies for a create/update round trip. */
export interface Kind {
  readonly name: string;
  /** Collection path including the version segment. */
  readonly path: string;
  /** Expected `@odata.type` of responses; `undefined` for directory objects, which carry none. */
  readonly odataType: string | undefined;
  create(suffix: string): Record<string, unknown>;
  readonly update: Record<string, unknown>;
  /** A property of `update` and its expected value after the update. */
  readonly changed: readonly [string, unknown];
  /** Whether Intune bumps `version` on update. */
  readonly versioned: boolean;
}

const graph = (name: string) => `#microsoft.graph.${name}`;

/** Every kind the conformance suite covers. */
export const KINDS: readonly Kind[] = [
  {
    name: 'enrollment type profile',
    path: '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles',
    odataType: graph('appleUserInitiatedEnrollmentProfile'),
    create: (suffix) => ({
      '@odata.type': graph('appleUserInitiatedEnrollmentProfile'),
      displayName: `Corp iOS – account-driven UE ${suffix}`,
      description: 'BYOD iPhones',
      platform: 'iOS',
      priority: 0,
      defaultEnrollmentType: 'accountDrivenUserEnrollment',
      availableEnrollmentTypeOptions: [
        { '@odata.type': graph('appleOwnerTypeEnrollmentType'), ownerType: 'personal', enrollmentType: 'accountDrivenUserEnrollment' },
        { '@odata.type': graph('appleOwnerTypeEnrollmentType'), ownerType: 'company', enrollmentType: 'device' },
      ],
    }),
    update: { '@odata.type': graph('appleUserInitiatedEnrollmentProfile'), defaultEnrollmentType: 'webDeviceEnrollment' },
    changed: ['defaultEnrollmentType', 'webDeviceEnrollment'],
    versioned: false,
  },
  {
    name: 'platform restriction',
    path: '/beta/deviceManagement/deviceEnrollmentConfigurations',
    odataType: graph('deviceEnrollmentPlatformRestrictionConfiguration'),
    create: (suffix) => ({
      '@odata.type': graph('deviceEnrollmentPlatformRestrictionConfiguration'),
      displayName: `iOS – block personal ${suffix}`,
      description: '',
      platformType: 'ios',
      platformRestriction: {
        platformBlocked: false,
        personalDeviceEnrollmentBlocked: true,
        osMinimumVersion: '16.0',
        osMaximumVersion: '',
        blockedManufacturers: [],
        blockedSkus: [],
      },
    }),
    update: { '@odata.type': graph('deviceEnrollmentPlatformRestrictionConfiguration'), description: 'updated' },
    changed: ['description', 'updated'],
    versioned: true,
  },
  {
    name: 'device limit restriction',
    path: '/beta/deviceManagement/deviceEnrollmentConfigurations',
    odataType: graph('deviceEnrollmentLimitConfiguration'),
    create: (suffix) => ({ '@odata.type': graph('deviceEnrollmentLimitConfiguration'), displayName: `Three devices ${suffix}`, limit: 3 }),
    update: { '@odata.type': graph('deviceEnrollmentLimitConfiguration'), limit: 10 },
    changed: ['limit', 10],
    versioned: true,
  },
  {
    name: 'device features configuration with an SSO app extension',
    path: '/beta/deviceManagement/deviceConfigurations',
    odataType: graph('iosDeviceFeaturesConfiguration'),
    create: (suffix) => ({
      '@odata.type': graph('iosDeviceFeaturesConfiguration'),
      displayName: `iOS – Microsoft Enterprise SSO ${suffix}`,
      description: '',
      roleScopeTagIds: ['0'],
      iosSingleSignOnExtension: {
        '@odata.type': graph('iosAzureAdSingleSignOnExtension'),
        enableSharedDeviceMode: true,
        bundleIdAccessControlList: ['com.example.lob'],
        configurations: [
          { '@odata.type': graph('keyStringValuePair'), key: 'device_registration', value: '{{DEVICEREGISTRATION}}' },
          { '@odata.type': 'microsoft.graph.keyBooleanValuePair', key: 'example_bool_key', value: true },
          { '@odata.type': graph('keyIntegerValuePair'), key: 'browser_sso_interaction_enabled', value: 1 },
        ],
      },
    }),
    update: { '@odata.type': graph('iosDeviceFeaturesConfiguration'), lockScreenFootnote: 'Property of Contoso' },
    changed: ['lockScreenFootnote', 'Property of Contoso'],
    versioned: true,
  },
  {
    name: 'iOS store app',
    path: '/beta/deviceAppManagement/mobileApps',
    odataType: graph('iosStoreApp'),
    create: (suffix) => ({
      '@odata.type': graph('iosStoreApp'),
      displayName: `Microsoft Authenticator ${suffix}`,
      publisher: 'Microsoft Corporation',
      bundleId: 'com.microsoft.azureauthenticator',
      appStoreUrl: 'https://apps.apple.com/app/microsoft-authenticator/id983156458',
      applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
      minimumSupportedOperatingSystem: { v15_0: true },
      isAssigned: true,
      uploadState: 11,
    }),
    update: { '@odata.type': graph('iosStoreApp'), publisher: 'Microsoft' },
    changed: ['publisher', 'Microsoft'],
    versioned: false,
  },
  {
    name: 'iOS VPP app',
    path: '/beta/deviceAppManagement/mobileApps',
    odataType: graph('iosVppApp'),
    create: (suffix) => ({
      '@odata.type': graph('iosVppApp'),
      displayName: `Authenticator (VPP) ${suffix}`,
      bundleId: 'com.microsoft.azureauthenticator',
      licensingType: { supportsUserLicensing: true, supportsDeviceLicensing: true },
      vppTokenAccountType: 'business',
    }),
    update: { '@odata.type': graph('iosVppApp'), notes: 'synced' },
    changed: ['notes', 'synced'],
    versioned: false,
  },
  {
    name: 'iOS/iPadOS web clip',
    path: '/beta/deviceAppManagement/mobileApps',
    odataType: graph('iosiPadOSWebClip'),
    create: (suffix) => ({ '@odata.type': graph('iosiPadOSWebClip'), displayName: `Company Portal ${suffix}`, appUrl: 'https://portal.manage.microsoft.com' }),
    update: { '@odata.type': graph('iosiPadOSWebClip'), fullScreenEnabled: true },
    changed: ['fullScreenEnabled', true],
    versioned: false,
  },
  {
    name: 'web app',
    path: '/beta/deviceAppManagement/mobileApps',
    odataType: graph('webApp'),
    create: (suffix) => ({ '@odata.type': 'microsoft.graph.webApp', displayName: `Portal link ${suffix}`, appUrl: 'https://portal.manage.microsoft.com' }),
    update: { '@odata.type': graph('webApp'), useManagedBrowser: true },
    changed: ['useManagedBrowser', true],
    versioned: false,
  },
  {
    name: 'iOS app configuration policy',
    path: '/beta/deviceAppManagement/mobileAppConfigurations',
    odataType: graph('iosMobileAppConfiguration'),
    create: (suffix) => ({
      '@odata.type': graph('iosMobileAppConfiguration'),
      displayName: `Company Portal – ADE user affinity ${suffix}`,
      targetedMobileApps: ['00000000-0000-0000-0000-0000000000cc'],
      encodedSettingXml:
        'PGRpY3Q+PGtleT5JbnR1bmVDb21wYW55UG9ydGFsRW5yb2xsbWVudEFmdGVyVURBPC9rZXk+PGRpY3Q+PGtleT5JbnR1bmVEZXZpY2VJZDwva2V5PjxzdHJpbmc+e3tkZXZpY2VpZH19PC9zdHJpbmc+PGtleT5Vc2VySWQ8L2tleT48c3RyaW5nPnt7dXNlcmlkfX08L3N0cmluZz48L2RpY3Q+PC9kaWN0Pg==',
    }),
    update: { '@odata.type': graph('iosMobileAppConfiguration'), description: 'ADE devices' },
    changed: ['description', 'ADE devices'],
    versioned: true,
  },
  {
    name: 'group',
    path: '/v1.0/groups',
    odataType: undefined,
    create: (suffix) => ({
      displayName: `Intune-iOS-BYOD ${suffix}`,
      description: 'managed by enrollkit',
      mailEnabled: false,
      mailNickname: `intune-ios-byod-${suffix}`,
      securityEnabled: true,
      groupTypes: [],
    }),
    update: { description: 'renamed' },
    changed: ['description', 'renamed'],
    versioned: false,
  },
  {
    name: 'user',
    path: '/v1.0/users',
    odataType: undefined,
    create: (suffix) => ({
      accountEnabled: true,
      displayName: `Adele ${suffix}`,
      mailNickname: `adele${suffix}`,
      userPrincipalName: `adele${suffix}@contoso.com`,
      passwordProfile: { forceChangePasswordNextSignIn: true, password: 'xWwvJ]6NMw+bWH-d' },
    }),
    update: { jobTitle: 'Engineer' },
    changed: ['jobTitle', 'Engineer'],
    versioned: false,
  },
];
