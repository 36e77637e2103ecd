import * as fs from 'node:fs';
import * as path from 'node:path';
import { docBlocks, typeCheckBlocks } from '../_helpers/doc-blocks';
import { ROOT } from '../_helpers/synth-app';

describe('the TypeScript in README.md and docs/', () => {
  const dir = path.join(ROOT, 'cdktf.out', 'doc-blocks');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compiles against the built package, importing only its entry points', () => {
    const blocks = docBlocks(ROOT);
    expect(blocks.map((b) => b.page)).toEqual(expect.arrayContaining(['README.md', 'docs/constructs.md', 'docs/reference-server.md', 'docs/rules.md', 'docs/simulation.md']));
    expect(typeCheckBlocks(dir, blocks)).toEqual([]);
  });
});
