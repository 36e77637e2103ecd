import { loadManifests } from '../../src/cli/load-manifests';
import { applyPlan, generateStackCode, planStack, readState } from '../../src/engine';
import { AssignmentTarget, IntuneObject } from '../../src';
import { manifestOf } from '../constructs/synth-stack';
import { EXAMPLES, synthesizedExamples } from '../_helpers/example-manifests';
import { startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';
import { appDir, CDKTF_JSON, recordingIo } from '../_helpers/synth-app';

const examples = synthesizedExamples();
let tenant: ReferenceTenant;
beforeEach(async () => {
  tenant = await startReferenceTenant();
});
afterEach(() => tenant.close());

describe('IntuneObject, the construct of every kind', () => {
  it.each(EXAMPLES)('declares every owned object of %s, imported with --generic, so that plan finds nothing to do', async (name) => {
    const manifest = examples.get(name)!;
    const applied = await applyPlan(tenant.backend, (await planStack(tenant.backend, manifest)).plan);
    expect(applied.ok).toBe(true);

    const generated = generateStackCode(await readState(tenant.backend, []), { stack: manifest.stack, include: 'all', constructs: 'generic' });
    expect(generated.skipped).toEqual([]);
    const owned = generated.imported.filter((o) => !o.referenced);
    expect(owned.map((o) => o.kind).sort()).toEqual(manifest.resources.filter((r) => !r.reference).map((r) => r.kind).sort());
    expect(generated.code.match(/new IntuneObject\(/g) ?? []).toHaveLength(owned.length);

    const [roundTripped] = await loadManifests(recordingIo(appDir({ 'cdktf.json': CDKTF_JSON, 'main.ts': generated.code })));
    const { plan } = await planStack(tenant.backend, roundTripped!);
    expect(plan.blockers).toEqual([]);
    expect(plan.steps).toEqual([]);
  }, 180_000);

  it('assigns an app without an intent as required, creates it and then plans nothing', async () => {
    const manifest = manifestOf((stack) => {
      new IntuneObject(stack, 'Portal', {
        kind: 'webClip',
        displayName: 'Company Portal',
        spec: { appUrl: 'https://portal.manage.microsoft.com', fullScreenEnabled: true, ignoreManifestScope: false, preComposedIconEnabled: false, useManagedBrowser: false },
        assignments: [{ target: AssignmentTarget.allUsers() }],
      });
    });
    const { plan } = await planStack(tenant.backend, manifest);
    expect(plan.steps.map((s) => [s.operation, s.kind])).toEqual([
      ['create', 'webClip'],
      ['assign', 'webClip'],
    ]);
    expect((await applyPlan(tenant.backend, plan)).ok).toBe(true);
    const [clip] = (await readState(tenant.backend, [])).objects.filter((o) => o.kind === 'webClip' && o.displayName === 'Company Portal');
    expect(clip?.assignments).toEqual([{ target: { type: 'allLicensedUsers' }, intent: 'required' }]);
    expect((await planStack(tenant.backend, manifest)).plan.steps).toEqual([]);
  });
});
