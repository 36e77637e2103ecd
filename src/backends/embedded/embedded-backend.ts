import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GraphBackend } from '../graph/graph-backend';
import type { RetryPolicy } from '../graph/retry-policy';
import { staticToken } from '../graph/token-source';
import { startReferenceServer } from '../../server';

/** Where the embedded tenant keeps its data, relative to the working directory. */
export const EMBEDDED_DIR = '.enrollkit';

/**
 * The default backend: the reference server started in-process on a loopback port, its data in
 * `.enrollkit/reference.db` of the working directory, spoken to over Graph like any tenant.
 */
export async function openEmbeddedBackend(cwd: string, retry?: RetryPolicy): Promise<GraphBackend> {
  const dir = join(cwd, EMBEDDED_DIR);
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'reference.db');
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', data });
  return new GraphBackend({
    baseUrl: server.url,
    tokens: staticToken(server.token),
    description: `embedded (${relative(cwd, data)})`,
    ...(retry ? { retry } : {}),
    onClose: () => server.close(),
  });
}
