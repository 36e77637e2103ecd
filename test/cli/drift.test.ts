import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { COMMANDS } from '../../src/cli/commands';
import type { Output } from '../../src/cli/json-output';
import { exec } from '../../src/cli/program';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { rankedApp } from '../_helpers/ranked-app';
import { recordingIo, removeAppDirs, ROOT } from '../_helpers/synth-app';

afterAll(removeAppDirs);

const validate = new Ajv2020({ validateFormats: false }).compile(JSON.parse(readFileSync(join(ROOT, 'docs/output.schema.json'), 'utf8')) as object);
const PROFILES = '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles';

describe('enrollkit drift', () => {
  let server: StartedReferenceServer;
  beforeEach(async () => {
    server = await startReferenceServer({ data: ':memory:' });
  });
  afterEach(() => server.close());

  async function run(cwd: string, argv: string[]) {
    const io = recordingIo(cwd);
    Object.assign(io.env as Record<string, string>, { ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token, GITHUB_ACTIONS: '' });
    const code = await exec(argv, io, COMMANDS);
    return { code, out: io.out(), err: io.err() };
  }

  /** A request to the reference server as an administrator in the admin center would make it. */
  async function byHand(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok).toBe(true);
    const text = await response.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  async function profileNamed(name: string): Promise<string> {
    const list = (await byHand('GET', PROFILES)).value as { id: string; displayName: string }[];
    return list.find((p) => p.displayName === name)!.id;
  }

  it('reports objects edited in the tenant with their fields and assignments, and unowned newcomers, with exit 2', async () => {
    const dir = rankedApp();
    expect((await run(dir, ['apply', '--auto-approve'])).code).toBe(0);
    const clean = await run(dir, ['drift']);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('Stack ranked: no drift.');

    const corporate = await profileNamed('Corporate devices');
    await byHand('PATCH', `${PROFILES}/${corporate}`, { '@odata.type': '#microsoft.graph.appleUserInitiatedEnrollmentProfile', defaultEnrollmentType: 'webDeviceEnrollment' });
    const others = ((await byHand('GET', `/v1.0/groups?$filter=displayName eq 'Others'`)).value as { id: string }[])[0]!.id;
    await byHand('POST', `${PROFILES}/${corporate}/assignments`, {
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: others },
    });
    const manual = await byHand('POST', PROFILES, {
      '@odata.type': '#microsoft.graph.appleUserInitiatedEnrollmentProfile',
      displayName: 'Made in the admin center',
      platform: 'iOS',
      defaultEnrollmentType: 'device',
    });
    await byHand('POST', `${PROFILES}/${String(manual.id)}/setPriority`, { priority: 0 });

    const drifted = await run(dir, ['drift', '--stack', 'ranked']);
    expect(drifted.code).toBe(2);
    expect(drifted.out).toContain("~ enrollment type profile 'Corporate devices' (ranked/Corporate) was edited in the tenant:");
    expect(drifted.out).toContain('enrollmentType: code "device", tenant "webDeviceEnrollment"');
    expect(drifted.out).toContain('+ assignment added in the tenant: group "Others"');
    expect(drifted.out).toContain("^ enrollment type profile 'Made in the admin center' (not in the stack) ranks 1, above the stack's 'Corporate devices'");
    expect(drifted.out).not.toContain('Personal devices');

    const json = await run(dir, ['drift', '--stack', 'ranked', '--format', 'json']);
    expect(json.code).toBe(2);
    const output = JSON.parse(json.out) as Output;
    expect(validate(output)).toBe(true);
    expect(output.drift![0]!.edited.map((e) => [e.logicalId, e.fields.map((f) => f.field)])).toEqual([['Corporate', ['enrollmentType']]]);

    expect((await run(dir, ['apply', '--stack', 'ranked', '--auto-approve'])).code).toBe(0);
    expect((await run(dir, ['drift', '--stack', 'ranked'])).code).toBe(0);
  });

  it('does not report a change made only in the code, which plan shows', async () => {
    expect((await run(rankedApp(), ['apply', '--stack', 'ranked', '--auto-approve'])).code).toBe(0);
    const changed = rankedApp({ secondProfile: 'Personal devices, renamed in the code' });
    const drift = await run(changed, ['drift', '--stack', 'ranked']);
    expect(drift.code).toBe(0);
    expect(drift.out).toContain('Stack ranked: no drift.');
    expect(drift.out).toContain('The code also has changes not yet applied');
    const plan = await run(changed, ['plan', '--stack', 'ranked', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('displayName: "Personal devices" -> "Personal devices, renamed in the code"');
  });
});
