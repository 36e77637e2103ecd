import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Output } from '../../src/cli/json-output';
import { rankedApp } from '../_helpers/ranked-app';
import { referenceCli } from '../_helpers/reference-cli';
import { removeAppDirs, ROOT } from '../_helpers/synth-app';

afterAll(removeAppDirs);

const validate = new Ajv2020({ validateFormats: false }).compile(JSON.parse(readFileSync(join(ROOT, 'docs/output.schema.json'), 'utf8')) as object);
const PROFILES = '/beta/deviceManagement/appleUserInitiatedEnrollmentProfiles';
const CONFIGURATIONS = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const INVENTORY = `/beta/deviceAppManagement/mobileApps?$filter=displayName eq 'enrollkit inventory: ranked'`;

// Each test synthesizes apps and runs several commands against a cli.server.
jest.setTimeout(180_000);

describe('enrollkit drift', () => {
  const cli = referenceCli();
  const run = (cwd: string, argv: string[]) => cli.run(cwd, argv);

  /** A request to the reference server as an administrator in the admin center would make it. */
  async function byHand(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${cli.server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${cli.server.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok).toBe(true);
    const text = await response.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  async function idNamed(collection: string, name: string): Promise<string> {
    const list = (await byHand('GET', collection)).value as { id: string; displayName: string }[];
    return list.find((p) => p.displayName === name)!.id;
  }

  function profileNamed(name: string): Promise<string> {
    return idNamed(PROFILES, name);
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

  it('reports an owned object deleted in the tenant and an assignment removed there (exit 2), while an object only added in the code is not drift', async () => {
    expect((await run(rankedApp(), ['apply', '--stack', 'ranked', '--auto-approve'])).code).toBe(0);
    const [inventory] = (await byHand('GET', INVENTORY)).value as { description: string; isAssigned: boolean }[];
    expect(inventory?.isAssigned).toBe(false);
    expect(inventory?.description).toMatch(/\n\[enrollkit inventory stack=ranked objects=[\w-]{8}(?:\.[\w-]{8}){3}\]$/);

    await byHand('DELETE', `${CONFIGURATIONS}/${await idNamed(CONFIGURATIONS, 'Older iOS')}`);
    const personal = await profileNamed('Personal devices');
    const [assignment] = (await byHand('GET', `${PROFILES}/${personal}/assignments`)).value as { id: string }[];
    await byHand('DELETE', `${PROFILES}/${personal}/assignments/${assignment!.id}`);

    const withNew = rankedApp({ newRestriction: 'Newest iOS' });
    const drifted = await run(withNew, ['drift', '--stack', 'ranked']);
    expect(drifted.code).toBe(2);
    expect(drifted.out).toContain('Stack ranked: drift. 2 change(s) made in the tenant outside the code:');
    expect(drifted.out).toContain("- platform restriction 'Older iOS' (ranked/Older) was deleted in the tenant; apply creates it again");
    expect(drifted.out).toContain("~ enrollment type profile 'Personal devices' (ranked/Personal) was edited in the tenant:\n      - assignment removed in the tenant: group \"Staff\"");
    expect(drifted.out).not.toContain('Newest iOS');
    expect(drifted.out).toContain('The code also has changes not yet applied');

    const json = JSON.parse((await run(withNew, ['drift', '--stack', 'ranked', '--format', 'json'])).out) as Output;
    expect(validate(json)).toBe(true);
    expect(json.drift![0]!.deleted).toEqual([{ kind: 'platformRestriction', logicalId: 'Older', path: 'ranked/Older', displayName: 'Older iOS' }]);
    expect(json.drift![0]!.inventoryRecorded).toBe(true);

    const plan = await run(withNew, ['plan', '--stack', 'ranked']);
    expect(plan.out).toContain("+ platform restriction 'Older iOS' (ranked/Older) will be created");
    expect(plan.out).toContain("+ platform restriction 'Newest iOS' (ranked/Newest) will be created");
    const reapplied = await run(withNew, ['apply', '--stack', 'ranked', '--auto-approve']);
    expect(reapplied.code).toBe(0);
    expect(reapplied.out).toContain("ok      assign enrollment type profile 'Personal devices' to group \"Staff\"");
    expect((await run(withNew, ['drift', '--stack', 'ranked'])).code).toBe(0);
    expect(((await byHand('GET', INVENTORY)).value as { description: string }[])[0]!.description).toMatch(/objects=[\w-]{8}(?:\.[\w-]{8}){4}\]$/);

    expect((await run(withNew, ['destroy', '--stack', 'ranked', '--auto-approve'])).code).toBe(0);
    expect((await byHand('GET', INVENTORY)).value).toEqual([]);
  });

  it('says deletions are not told apart until an apply records what the stack owns', async () => {
    const drift = await run(rankedApp(), ['drift', '--stack', 'ranked']);
    expect(drift.code).toBe(0);
    expect(drift.out).toContain('No apply has recorded what the stack owns yet');
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
