import fc from 'fast-check';
import { descriptorOf, type GraphEntity, type KindName } from '../../src/model';

const versions = fc.constantFrom(undefined, '15.0', '16', '17.4', '18.1');
const typedValue = fc.oneof(
  fc.record({ key: fc.stringMatching(/^[a-z_]{1,12}$/), type: fc.constant('string' as const), value: fc.string({ maxLength: 8 }) }),
  fc.record({ key: fc.stringMatching(/^[a-z_]{1,12}$/), type: fc.constant('integer' as const), value: fc.integer() }),
  fc.record({ key: fc.stringMatching(/^[a-z_]{1,12}$/), type: fc.constant('boolean' as const), value: fc.boolean() }),
  fc.record({ key: fc.stringMatching(/^[a-z_]{1,12}$/), type: fc.constant('real' as const), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
);
const enrollmentType = fc.constantFrom('device', 'user', 'accountDrivenUserEnrollment', 'webDeviceEnrollment');

const specs: Record<KindName, fc.Arbitrary<unknown>> = {
  enrollmentTypeProfile: fc.oneof(
    enrollmentType.map((enrollmentType) => ({ enrollmentType })),
    fc.record({ personal: enrollmentType, corporate: enrollmentType }).map((userChoice) => ({ enrollmentType: 'userChoice', userChoice })),
  ),
  platformRestriction: fc
    .record({ platformBlocked: fc.boolean(), personalDeviceEnrollmentBlocked: fc.boolean(), min: versions, max: versions })
    .map(({ min, max, ...rest }) => ({ ...rest, ...(min ? { osMinimumVersion: min } : {}), ...(max ? { osMaximumVersion: max } : {}) })),
  deviceLimitRestriction: fc.integer({ min: 1, max: 15 }).map((limit) => ({ limit })),
  ssoExtensionPolicy: fc.record({
    bundleIdAccessControlList: fc.uniqueArray(fc.stringMatching(/^com\.[a-z]{1,6}\.[a-z]{1,6}$/), { maxLength: 4 }),
    configurations: fc.uniqueArray(typedValue, { maxLength: 5, selector: (c) => c.key }),
    enableSharedDeviceMode: fc.boolean(),
  }),
  iosApp: fc.record({
    appType: fc.constant('iosStoreApp'),
    bundleId: fc.constantFrom('com.microsoft.azureauthenticator', 'com.contoso.app'),
    appStoreUrl: fc.constant('https://apps.apple.com/app/id1'),
    publisher: fc.constant('Contoso'),
    applicableDeviceType: fc.record({ iPad: fc.boolean(), iPhoneAndIPod: fc.boolean() }),
    minimumOsVersion: fc.constantFrom('14.0', '15.0', '17.0'),
  }),
  webClip: fc.record({
    appUrl: fc.constantFrom('https://portal.manage.microsoft.com', 'https://contoso.com/path'),
    useManagedBrowser: fc.boolean(),
    fullScreenEnabled: fc.boolean(),
    preComposedIconEnabled: fc.boolean(),
    ignoreManifestScope: fc.boolean(),
  }),
  adeProfile: fc
    .record({
      token: fc.constantFrom('Contoso ABM', 'Fabrikam ASM'),
      authentication: fc.constantFrom(undefined, 'companyPortal', 'setupAssistantLegacy', 'setupAssistantModern'),
      vpp: fc.constantFrom(undefined, 'Contoso VPP'),
      supervised: fc.boolean(),
      lockedEnrollment: fc.boolean(),
      deviceNameTemplate: fc.constantFrom(undefined, 'CORP-{{SERIAL}}'),
      awaitFinalConfiguration: fc.boolean(),
      hiddenPanes: fc.subarray(['locationServices', 'siri', 'applePay', 'touchIdAndFaceId', 'getStarted', 'moveFromAndroid']),
      isDefault: fc.boolean(),
      serialNumbers: fc.subarray(['DMPXK0A1JF8J', 'F9FXQ1B1HG7K']),
    })
    .map(({ authentication, vpp, ...rest }) => ({
      ...rest,
      userAffinity: authentication !== undefined,
      ...(authentication ? { authentication } : {}),
      ...(vpp && authentication ? { companyPortalVppToken: vpp } : {}),
      companyPortalSingleAppMode: false,
    })),
  configuratorProfile: fc
    .record({ authentication: fc.constantFrom(undefined, 'companyPortal', 'setupAssistantLegacy', 'setupAssistantModern'), serialNumbers: fc.subarray(['C02XK0A1JF8J', 'C02XK0A2JF8J']) })
    .map(({ authentication, serialNumbers }) => ({ userAffinity: authentication !== undefined, ...(authentication ? { authentication } : {}), serialNumbers })),
  companyPortalConfiguration: fc.record({ app: fc.constant('com.microsoft.CompanyPortal'), userAffinity: fc.boolean() }),
};

/** The entity as read-state hands it over: with the parent's name and the action-owned state folded in. */
function asRead(kind: KindName, spec: unknown): GraphEntity {
  const d = descriptorOf(kind);
  const values = spec as Record<string, unknown>;
  const parentField = d.parent ? d.lookups?.[d.parent.lookup]?.field : undefined;
  const owned = [...(parentField ? [parentField] : []), ...(d.actions?.fields ?? [])];
  return { id: 'x', ...d.toGraph(spec), ...Object.fromEntries(owned.map((f) => [f, values[f]])) } as GraphEntity;
}

describe.each(Object.keys(specs) as KindName[])('the %s descriptor', (kind) => {
  const d = descriptorOf(kind);

  it('reads back what it writes: fromGraph(toGraph(spec)) equals normalize(spec)', () => {
    fc.assert(
      fc.property(specs[kind], (spec) => {
        expect(d.fromGraph(asRead(kind, spec))).toEqual(d.normalize(spec));
      }),
    );
  });

  it('recognises the entities it writes', () => {
    fc.assert(fc.property(specs[kind], (spec) => d.matches({ id: 'x', ...d.toGraph(spec) } as GraphEntity)));
  });

  it('accepts its generated specs with its own schema', () => {
    fc.assert(fc.property(specs[kind], (spec) => d.specSchema.safeParse(spec).success));
  });
});

describe('the SSO extension descriptor', () => {
  it('compares configurations regardless of order', () => {
    const d = descriptorOf('ssoExtensionPolicy');
    const a = { bundleIdAccessControlList: ['com.b.x', 'com.a.x'], configurations: [{ key: 'b', type: 'integer', value: 1 }, { key: 'a', type: 'string', value: 'x' }], enableSharedDeviceMode: false };
    const b = { ...a, bundleIdAccessControlList: ['com.a.x', 'com.b.x'], configurations: [...a.configurations].reverse() };
    expect(d.normalize(a)).toEqual(d.normalize(b));
  });
});
