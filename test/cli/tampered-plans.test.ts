import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphBackend } from '../../src/backends/graph';
import { staticToken } from '../../src/backends/graph/token-source';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { applyPlan, planStack, sealPlan, type Plan, type Step } from '../../src/engine';
import type { Manifest, Resource } from '../../src/model';
import { startReferenceServer, type StartedReferenceServer, type TenantCredentials } from '../../src/server';
import { exampleManifest } from '../_helpers/example-manifests';
import { TEST_RETRY } from '../_helpers/reference-tenant';
import { recordingIo, removeAppDirs } from '../_helpers/synth-app';
import { census } from '../_helpers/tenant-census';

const STACK = 'web-based-enrollment';

let server: StartedReferenceServer;
let production: TenantCredentials;
let backend: GraphBackend;
let dir: string;
/** The plan as `plan --out` saved it: the stack's code changed since its last apply. */
let saved: Plan;
/** Graph IDs of objects in the tenant the stack does not own, and of one it owns. */
const ids: Record<'handMadeRestriction' | 'handMadeClip' | 'neighbourClip' | 'ownedClip' | 'ownedGroup', string> = {
  handMadeRestriction: '',
  handMadeClip: '',
  neighbourClip: '',
  ownedClip: '',
  ownedGroup: '',
};

async function post(path: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function applyManifest(manifest: Manifest): Promise<void> {
  const { plan } = await planStack(backend, manifest, { impact: false });
  const result = await applyPlan(backend, plan);
  if (!result.ok) throw new Error(`apply of ${manifest.stack} failed: ${JSON.stringify(result.results.filter((r) => r.status !== 'done'))}`);
}

/** Writes the server answered, apart from `$batch` envelopes (their items are counted one by one). */
function writes(): number {
  return server.server.requestLog
    .counts()
    .filter((c) => c.method !== 'GET' && !c.template.endsWith('/$batch'))
    .reduce((sum, c) => sum + c.count, 0);
}

async function applyFile(plan: unknown): Promise<{ code: number; err: string }> {
  writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
  const io = recordingIo(dir);
  Object.assign(io.env as Record<string, string>, { ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token });
  delete (io.env as Record<string, string | undefined>).ENROLLKIT_BACKEND;
  const code = await exec(['apply', 'plan.json'], io, COMMANDS);
  return { code, err: io.err() };
}

beforeAll(async () => {
  const manifest = await exampleManifest(STACK);
  server = await startReferenceServer({ data: ':memory:', displayName: 'Contoso Development' });
  production = server.server.createTenant({ displayName: 'Contoso Production' });
  backend = new GraphBackend({ baseUrl: server.url, tokens: staticToken(server.token), description: `reference ${server.url}`, retry: TEST_RETRY });
  await applyManifest(manifest);
  const clip = manifest.resources.find((r) => r.kind === 'webClip')!;
  await applyManifest({ ...manifest, stack: 'neighbour', groups: [], resources: [{ ...clip, displayName: 'Neighbour portal', assignments: [] }], suppressions: [] });
  ids.handMadeRestriction = await post('/beta/deviceManagement/deviceEnrollmentConfigurations', {
    '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration',
    displayName: 'Block personal iPads (hand-made)',
    platformType: 'ios',
    platformRestriction: { platformBlocked: false, personalDeviceEnrollmentBlocked: true },
  });
  ids.handMadeClip = await post('/beta/deviceAppManagement/mobileApps', { '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Intranet', appUrl: 'https://intranet.contoso.com' });
  const tenantNow = await census(server);
  const named = (name: string) => String(tenantNow.objects.find((o) => o.displayName === name)?.id);
  ids.neighbourClip = named('Neighbour portal');
  ids.ownedClip = named('Company Portal');
  ids.ownedGroup = String(tenantNow.groups.find((g) => g.displayName === 'iOS BYOD users')?.id);

  // The code changed since: the web clip renamed, the SSO policy dropped, a help desk clip added.
  const helpDesk: Resource = { ...clip, logicalId: 'HelpDesk', path: `${STACK}/HelpDesk`, displayName: 'Help desk' };
  const changed: Manifest = {
    ...manifest,
    resources: [...manifest.resources.filter((r) => r.kind !== 'ssoExtensionPolicy').map((r) => (r.kind === 'webClip' ? { ...r, displayName: 'Company Portal (web)' } : r)), helpDesk],
  };
  saved = (await planStack(backend, changed)).plan;
  dir = mkdtempSync(join(tmpdir(), 'enrollkit-tampered-'));
}, 120_000);

afterAll(async () => {
  await backend?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  removeAppDirs();
});

type Edit = (plan: Plan) => unknown;

const step = (plan: Plan, prefix: string): Step => {
  const found = plan.steps.find((s) => s.id.startsWith(prefix));
  if (!found) throw new Error(`the plan has no step ${prefix}* (${plan.steps.map((s) => s.id).join(', ')})`);
  return found;
};
const replaceStep = (plan: Plan, prefix: string, edit: (s: Step) => Step): Plan => {
  const target = step(plan, prefix);
  return { ...plan, steps: plan.steps.map((s) => (s === target ? edit(s) : s)) };
};
const addStep = (plan: Plan, added: Step): Plan => ({ ...plan, steps: [...plan.steps, added] });

/**
 * Hand edits of the saved plan: `sealed` ones recompute the digest as someone who knows the
 * algorithm would, so the checks behind the digest must catch them.
 */
const EDITS: readonly (readonly [title: string, sealed: boolean, edit: Edit, refusal: RegExp | (() => string)])[] = [
  ['a digest changed by one character', false, (p) => ({ ...p, digest: `${p.digest!.slice(0, -1)}${p.digest!.endsWith('0') ? '1' : '0'}` }), /its content does not match its digest/],
  ["a step's title edited, the digest left as it was", false, (p) => replaceStep(p, 'update:', (s) => ({ ...s, title: 'harmless' })), /its content does not match its digest \(the file says [0-9a-f]{64}, its content gives [0-9a-f]{64}\)/],
  [
    'an update turned into a DELETE of a hand-made restriction',
    true,
    (p) => replaceStep(p, 'update:', ({ body: _body, ...s }) => ({ ...s, kind: 'platformRestriction', operation: 'delete', object: { id: ids.handMadeRestriction } })),
    () => `step 'update:CompanyPortal' deletes platform restriction 'Block personal iPads (hand-made)' (${ids.handMadeRestriction}), which stack ${STACK} does not own (it was made outside enrollkit)`,
  ],
  [
    'an added PATCH of a hand-made web clip',
    true,
    (p) => addStep(p, { id: 'update:Intranet', title: 'update web clip', kind: 'webClip', operation: 'update', object: { id: ids.handMadeClip }, body: { appUrl: 'https://evil.example.com' }, dependsOn: [] }),
    () => `step 'update:Intranet' updates web clip 'Intranet' (${ids.handMadeClip}), which stack ${STACK} does not own (it was made outside enrollkit)`,
  ],
  [
    "an added DELETE of another stack's web clip",
    true,
    (p) => addStep(p, { id: 'delete:Other', title: 'delete web clip', kind: 'webClip', operation: 'delete', object: { id: ids.neighbourClip }, dependsOn: [] }),
    () => `step 'delete:Other' deletes web clip 'Neighbour portal' (${ids.neighbourClip}), which stack ${STACK} does not own (it belongs to stack neighbour)`,
  ],
  [
    'an added setPriority of a hand-made restriction',
    true,
    (p) => addStep(p, { id: 'priority:x', title: 'move', kind: 'platformRestriction', operation: 'setPriority', object: { id: ids.handMadeRestriction }, body: { priority: 1 }, dependsOn: [] }),
    () => `step 'priority:x' sets the priority of platform restriction 'Block personal iPads (hand-made)' (${ids.handMadeRestriction}), which stack ${STACK} does not own`,
  ],
  [
    "an added delete of the stack's own Entra group",
    true,
    (p) => addStep(p, { id: 'delete-group:x', title: 'delete group', kind: 'group', operation: 'delete', object: { id: ids.ownedGroup }, dependsOn: [] }),
    /step 'delete-group:x' \(delete group\) is not one the plan's changes give/,
  ],
  ['a removed step', true, (p) => ({ ...p, steps: p.steps.filter((s) => !s.id.startsWith('delete:')) }), /the plan's changes give step 'delete:JitRegistration:[^']+' \(delete SSO app extension policy 'iOS JIT registration'\), which the file lacks/],
  ['an emptied fingerprint', true, (p) => ({ ...p, fingerprint: {} }), /its fingerprint lacks [^,]+, .*which the plan reads/],
  [
    'another tenant',
    true,
    (p) => ({ ...p, tenant: { id: production.tenantId, displayName: 'Contoso Production' } }),
    /the plan in 'plan\.json' \(stack web-based-enrollment\) belongs to tenant 'Contoso Production', but the credentials open tenant 'Contoso Development'; nothing was planned or written/,
  ],
  [
    "a step's kind changed",
    true,
    (p) => replaceStep(p, 'update:', (s) => ({ ...s, kind: 'iosApp' })),
    () => `step 'update:CompanyPortal' says ${ids.ownedClip} is of kind iosApp, but it is web clip 'Company Portal' (kind webClip)`,
  ],
  [
    "a step's object ID changed to one the tenant does not have",
    true,
    (p) => replaceStep(p, 'update:', (s) => ({ ...s, object: { id: '00000000-0000-0000-0000-000000000001' } })),
    /step 'update:CompanyPortal' updates web clip 00000000-0000-0000-0000-000000000001, which the tenant does not have/,
  ],
  [
    "a create's body changed",
    true,
    (p) => replaceStep(p, 'create:HelpDesk', (s) => ({ ...s, body: { ...(s.body as object), appUrl: 'https://evil.example.com' } })),
    /step 'create:HelpDesk' differs from the one the plan's changes give, in body/,
  ],
  ['a change removed from the reviewed changes', true, (p) => ({ ...p, changes: p.changes.filter((c) => c.action !== 'delete') }), /its changes are not those its manifest gives against the tenant/],
  ['the stack renamed', true, (p) => ({ ...p, stack: 'neighbour' }), /it names stack neighbour, but its manifest is stack web-based-enrollment's/],
  [
    'the manifest edited under unchanged steps',
    true,
    (p) => ({ ...p, manifest: { ...p.manifest, resources: p.manifest.resources.filter((r) => r.logicalId !== 'HelpDesk') } }),
    /step 'create:HelpDesk' \(create web clip 'Help desk'\) is not one the plan's changes give/,
  ],
  ['a step twice', true, (p) => ({ ...p, steps: [...p.steps, step(p, 'update:')] }), /step 'update:CompanyPortal' appears more than once/],
  ['a dependency on a step the plan lacks', true, (p) => replaceStep(p, 'update:', (s) => ({ ...s, dependsOn: ['create:Ghost'] })), /step 'update:CompanyPortal' depends on step 'create:Ghost', which the plan does not contain/],
  ['an older plan format', false, (p) => ({ ...p, format: 'enrollkit.plan/v2' }), /is a plan of format enrollkit\.plan\/v2, which this version does not apply/],
  ['an unknown operation', true, (p) => replaceStep(p, 'update:', (s) => ({ ...s, operation: 'purge' }) as unknown as Step), /steps\.\d+\.operation: Invalid option/],
  ['the mode changed to destroy', true, (p) => ({ ...p, mode: 'destroy' }), /is not one the plan's changes give/],
  ['the digest removed', false, ({ digest: _digest, ...p }) => p, /digest: Invalid input/],
];

describe('apply of a hand-edited plan file', () => {
  it.each(EDITS)('refuses %s, naming the problem, and changes nothing in the tenant', async (_title, sealed, edit, refusal) => {
    const edited = edit(saved);
    const file = sealed ? sealPlan(edited as Plan) : edited;
    const [before, writesBefore] = [await census(server), writes()];
    const { code, err } = await applyFile(file);
    expect(code).toBe(1);
    if (typeof refusal === 'function') expect(err).toContain(refusal());
    else expect(err).toMatch(refusal);
    expect(writes()).toBe(writesBefore);
    expect(await census(server)).toEqual(before);
  });

  it('applies the plan as it was saved, and nothing is left to do', async () => {
    const { code, err } = await applyFile(saved);
    expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' });
    const { plan } = await planStack(backend, saved.manifest, { impact: false });
    expect(plan.steps).toEqual([]);
  });
});
