import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { applyPlan, planStack } from '../../src/engine';
import type { Manifest } from '../../src/model';
import { exampleManifest } from '../_helpers/example-manifests';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { manifestApp, recordingIo, removeAppDirs } from '../_helpers/synth-app';
import { census } from '../_helpers/tenant-census';

type Json = Record<string, unknown>;
type Mutable = Json & { resources: Json[]; groups: Json[] };

let web: Manifest;
let restrictions: Manifest;
let tenant: ReferenceTenant;

async function adminGet(route: string): Promise<Json> {
  const response = await fetch(`${tenant.server.url}/_enrollkit${route}`, { headers: { authorization: `Bearer ${tenant.server.adminToken}` } });
  return (await response.json()) as Json;
}

async function graphPost(route: string, body: unknown): Promise<Json> {
  const response = await fetch(`${tenant.server.url}/beta${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tenant.server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Json;
}

beforeAll(async () => {
  web = await exampleManifest('web-based-enrollment');
  restrictions = await exampleManifest('restrictions');
  tenant = await startReferenceTenant();
  // The tenant holds both stacks as synthesized, Authenticator added from the App Store, and a restriction made by hand.
  await graphPost('/deviceAppManagement/mobileApps', {
    '@odata.type': '#microsoft.graph.iosStoreApp',
    displayName: 'Microsoft Authenticator',
    bundleId: 'com.microsoft.azureauthenticator',
    appStoreUrl: 'https://apps.apple.com/app/id983156458',
    applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
  });
  await graphPost('/deviceManagement/deviceEnrollmentConfigurations', {
    '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
    displayName: 'Kiosk iPads: iOS 17+',
    description: 'made in the admin center',
    platformType: 'ios',
    platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true, osMinimumVersion: '17.0' },
  });
  for (const manifest of [web, restrictions]) {
    const { plan } = await planStack(tenant.backend, manifest, { impact: false });
    await applyPlan(tenant.backend, plan);
  }
}, 180_000);
afterAll(async () => {
  await tenant.close();
  removeAppDirs();
});

/** A deep copy of a synthesized manifest to edit. */
function copy(manifest: Manifest): Mutable {
  return JSON.parse(JSON.stringify(manifest)) as Mutable;
}

function resource(m: Mutable, kind: string, n = 0): Json {
  const found = m.resources.filter((r) => r.kind === kind)[n];
  if (!found) throw new Error(`no ${kind} #${n} in ${m.stack as string}`);
  return found;
}

/** Each edit: what it does, the manifests it yields (by stack), and what the refusal must say. */
const EDITS: [string, () => Record<string, unknown>, RegExp][] = [
  [
    'two objects with one logical ID',
    () => {
      const m = copy(web);
      m.resources[1]!.logicalId = m.resources[0]!.logicalId;
      return { [web.stack]: m };
    },
    /logicalId: the logical ID is also that of .*\(got "[^"]+"\)\. Fix: give every object its own logical ID/,
  ],
  [
    'two enrollment type profiles with one display name',
    () => {
      const m = copy(web);
      const profile = resource(m, 'enrollmentTypeProfile');
      m.resources.push({ ...profile, logicalId: 'Copy', path: 'web-based-enrollment/Copy', priority: 2 });
      return { [web.stack]: m };
    },
    /web-based-enrollment\/Copy: displayName: another enrollment type profile of this stack has the same display name .*\(got "iOS web-based device enrollment"\)/,
  ],
  [
    'a reference on a platform restriction, aimed at the one made by hand',
    () => {
      const m = copy(restrictions);
      const r = resource(m, 'platformRestriction');
      Object.assign(r, { displayName: 'Kiosk iPads: iOS 17+', reference: { field: 'displayName', value: 'Kiosk iPads: iOS 17+' } });
      delete r.priority;
      return { [restrictions.stack]: m };
    },
    /restrictions\/ContractorsCorporateOnly: reference: a platform restriction cannot be referenced: the stack must own it .*Fix: remove "reference" \(only iOS apps can be referenced\)/,
  ],
  [
    'a reference on an app by its display name instead of its bundle ID',
    () => {
      const m = copy(web);
      resource(m, 'iosApp').reference = { field: 'displayName', value: 'Microsoft Authenticator' };
      return { [web.stack]: m };
    },
    /reference\.field: an iOS app is referenced by its bundleId only \(got "displayName"\)\. Fix: set reference\.field to "bundleId"/,
  ],
  [
    'a reference whose value is not the app in the spec',
    () => {
      const m = copy(web);
      resource(m, 'iosApp').reference = { field: 'bundleId', value: 'com.contoso.other' };
      return { [web.stack]: m };
    },
    /reference\.value: the reference does not match the object's bundleId \("com\.microsoft\.azureauthenticator"\) \(got "com\.contoso\.other"\)/,
  ],
  [
    'the same app referenced twice',
    () => {
      const m = copy(web);
      const app = resource(m, 'iosApp');
      app.reference = { field: 'bundleId', value: 'com.microsoft.azureauthenticator' };
      m.resources.push({ ...app, logicalId: 'Again', path: 'web-based-enrollment/Again' });
      return { [web.stack]: m };
    },
    /web-based-enrollment\/Again: reference\.value: this .* is referenced twice \(also at web-based-enrollment\/Authenticator\)/,
  ],
  [
    'an intent on an enrollment type profile assignment',
    () => {
      const m = copy(web);
      (resource(m, 'enrollmentTypeProfile').assignments as Json[])[0]!.intent = 'required';
      return { [web.stack]: m };
    },
    /assignments\.0\.intent: an enrollment type profile assignment has no intent \(only apps have one\) \(got "required"\)\. Fix: remove "intent"/,
  ],
  [
    'a kind changed to one that does not exist',
    () => {
      const m = copy(web);
      resource(m, 'webClip').kind = 'webLink';
      return { [web.stack]: m };
    },
    /web-based-enrollment\/CompanyPortal: kind: .*\(got "webLink"\)/,
  ],
  [
    'a kind changed without its spec (web clip made a store app)',
    () => {
      const m = copy(web);
      resource(m, 'webClip').kind = 'iosApp';
      return { [web.stack]: m };
    },
    /web-based-enrollment\/CompanyPortal: spec/,
  ],
  [
    'a field the kind does not have',
    () => {
      const m = copy(restrictions);
      (resource(m, 'deviceLimitRestriction').spec as Json).maxDevices = 3;
      return { [restrictions.stack]: m };
    },
    /spec: Unrecognized key: "maxDevices"/,
  ],
  [
    'an emptied display name',
    () => {
      const m = copy(web);
      resource(m, 'enrollmentTypeProfile').displayName = '';
      return { [web.stack]: m };
    },
    /web-based-enrollment\/WebBasedEnrollment: displayName: .*\(got ""\)/,
  ],
  [
    'a garbage device limit',
    () => {
      const m = copy(restrictions);
      (resource(m, 'deviceLimitRestriction').spec as Json).limit = 'lots';
      return { [restrictions.stack]: m };
    },
    /spec\.limit: .*\(got "lots"\)/,
  ],
  [
    'a target group the manifest does not list',
    () => {
      const m = copy(web);
      (resource(m, 'webClip').assignments as Json[])[0]!.target = { type: 'group', group: 'Everyone in Contoso' };
      return { [web.stack]: m };
    },
    /assignments\.0\.target\.group: the target names a group the manifest does not list in "groups" \(got "Everyone in Contoso"\)/,
  ],
  [
    'the groups emptied while targets still name them',
    () => {
      const m = copy(web);
      m.groups = [];
      return { [web.stack]: m };
    },
    /the target names a group the manifest does not list/,
  ],
  [
    'a priority with a gap',
    () => {
      const m = copy(restrictions);
      resource(m, 'deviceLimitRestriction', 0).priority = 7;
      return { [restrictions.stack]: m };
    },
    /priority \(deviceLimitRestriction\): the priorities of a class must be 1\.\.n without gaps or ties \(EK013\)/,
  ],
  [
    'a priority on a web clip',
    () => {
      const m = copy(web);
      resource(m, 'webClip').priority = 1;
      return { [web.stack]: m };
    },
    /priority: a web clip has no priority \(got 1\)\. Fix: remove "priority"/,
  ],
  [
    'one group listed twice',
    () => {
      const m = copy(web);
      m.groups.push({ ...m.groups[0]! });
      return { [web.stack]: m };
    },
    /groups\/ByodUsers: displayName: the group is listed twice \(also at groups\/ByodUsers\) \(got "iOS BYOD users"\)/,
  ],
  [
    'placement of something that has no priority',
    () => {
      const m = copy(web);
      m.placement = { webClip: { position: 'top' } };
      return { [web.stack]: m };
    },
    /placement: placement is given for something that is not a priority class \(got "webClip"\)/,
  ],
  [
    'a stack name that is a path',
    () => {
      const m = copy(web);
      m.stack = '../prod';
      return { [web.stack]: m };
    },
    /stack: .*\(got "\.\.\/prod"\)/,
  ],
  [
    'two manifest files of one stack',
    () => {
      const m = copy(web);
      return { [web.stack]: m, 'web-copy': m };
    },
    /stack: .* is a manifest of the same stack \(got "web-based-enrollment"\)/,
  ],
  [
    'a manifest cut short',
    () => ({ [web.stack]: JSON.stringify(web).slice(0, 400) }),
    /is not valid JSON/,
  ],
  [
    'resources that are not a list',
    () => {
      const m = copy(web) as Json;
      m.resources = { first: web.resources[0] };
      return { [web.stack]: m };
    },
    /resources: .*expected array/i,
  ],
];

describe('manifests edited by hand are checked as synth checks a stack, before anything is read or written', () => {
  it(`covers at least 15 edits (${EDITS.length})`, () => {
    expect(EDITS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(EDITS)('refuses %s in plan and apply, naming the manifest, and leaves the tenant as it was', async (_what, edit, problem) => {
    const dir = manifestApp(edit());
    const env = { ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: tenant.server.url, ENROLLKIT_TOKEN: tenant.server.token };
    const before = await census(tenant.server);
    const requestsBefore = (await adminGet('/requests')).total;
    for (const argv of [['plan'], ['apply', '--auto-approve'], ['destroy', '--auto-approve']]) {
      const io = recordingIo(dir);
      Object.assign(io.env as Record<string, string>, env);
      const code = await exec(argv, io, COMMANDS);
      expect({ argv, code }).toEqual({ argv, code: 1 });
      expect(io.err()).toMatch(problem);
      expect(io.err()).toContain(path.join(dir, 'cdktf.out', 'stacks'));
      expect(io.err()).toContain('Fix:');
      expect(io.out()).toBe('');
    }
    expect((await adminGet('/requests')).total).toBe(requestsBefore);
    expect((await census(tenant.server)).objects).toEqual(before.objects);
    expect(fs.existsSync(path.join(dir, 'cdktf.out', 'stacks'))).toBe(true);
  });
});
