import { randomUUID } from 'node:crypto';
import { openBackend } from '../../src/cli/open-backend';
import { applyPlan, planStack, type Backend } from '../../src/engine';
import { MANIFEST_VERSION, type Manifest } from '../../src/model';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { recordingIo } from '../_helpers/synth-app';

/**
 * One contract, every backend: the reference server always; a real tenant too when
 * ENROLLKIT_CONTRACT_GRAPH=1 and the AZURE_* credentials are set (it writes a web clip there and
 * deletes it again).
 */
const backends: [string, () => Promise<{ backend: Backend; close(): Promise<void> }>][] = [
  [
    'reference',
    async () => {
      const server: StartedReferenceServer = await startReferenceServer({ data: ':memory:' });
      const backend = await openBackend(recordingIo(process.cwd()), { backend: 'reference', url: server.url, token: server.token });
      return { backend, close: () => server.close() };
    },
  ],
];
if (process.env.ENROLLKIT_CONTRACT_GRAPH === '1') {
  backends.push(['graph', async () => ({ backend: await openBackend(recordingIo(process.cwd()), { backend: 'graph' }), close: async () => {} })]);
}

function stack(name: string, url: string): Manifest {
  return {
    version: MANIFEST_VERSION,
    stack: name,
    groups: [],
    resources: [
      {
        kind: 'webClip',
        logicalId: 'Clip',
        path: `${name}/Clip`,
        displayName: `${name} clip`,
        description: 'backend contract',
        spec: { appUrl: url, useManagedBrowser: false, fullScreenEnabled: false, preComposedIconEnabled: false, ignoreManifestScope: false },
        assignments: [{ target: { type: 'allLicensedUsers' }, intent: 'available' }],
        suppressions: [{ rule: 'EK015', reason: 'contract test object' }],
      },
    ],
    suppressions: [],
  };
}

describe.each(backends)('the %s backend', (_name, open) => {
  it('creates, converges, updates and destroys what a stack owns', async () => {
    const { backend, close } = await open();
    const name = `contract-${randomUUID().slice(0, 8)}`;
    try {
      const created = (await planStack(backend, stack(name, 'https://example.com/a'))).plan;
      expect(created.summary.create).toBe(1);
      expect((await applyPlan(backend, created)).ok).toBe(true);
      expect((await planStack(backend, stack(name, 'https://example.com/a'))).plan.steps).toEqual([]);

      const updated = (await planStack(backend, stack(name, 'https://example.com/b'))).plan;
      expect(updated.changes.map((c) => [c.action, c.fields.map((f) => f.field)])).toEqual([['update', ['appUrl']]]);
      expect((await applyPlan(backend, updated)).ok).toBe(true);

      const destroy = (await planStack(backend, stack(name, 'https://example.com/b'), { mode: 'destroy' })).plan;
      expect(destroy.summary.delete).toBe(1);
      expect((await applyPlan(backend, destroy)).ok).toBe(true);
      expect((await planStack(backend, stack(name, 'https://example.com/b'), { mode: 'destroy' })).plan.steps).toEqual([]);
    } finally {
      await backend.close();
      await close();
    }
  });
});
