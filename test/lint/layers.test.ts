import { resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '../..');
// The project's own flat config, loaded here because ESLint's loader needs native dynamic import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require('../../eslint.config.js') as ESLint.Options['overrideConfig'] });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules of npm run lint', () => {
  it.each([
    ['src/server/x.ts', "import { makePlan } from '../engine/make-plan';", /layer 'server' may not import 'engine'/],
    ['src/server/x.ts', "import { GraphBackend } from '../backends/graph';", /layer 'server' may not import 'backends\/graph'/],
    ['src/model/x.ts', "import { App } from '../constructs/app';", /layer 'model' may not import 'constructs'/],
    ['src/rules/x.ts', "import { planStack } from '../engine';", /layer 'rules' may not import 'engine'/],
    ['src/engine/x.ts', "import { GraphBackend } from '../backends/graph/graph-backend';", /layer 'engine' may not import 'backends\/graph'/],
    ['src/engine/x.ts', "import { exec } from '../cli/program';", /layer 'engine' may not import 'cli'/],
    ['src/constructs/x.ts', "import { App } from '../cdktf/app';", /layer 'constructs' may not import 'cdktf'/],
    ['src/backends/graph/x.ts', "import { openEmbeddedBackend } from '../embedded';", /layer 'backends\/graph' may not import 'backends\/embedded'/],
    ['src/engine/x.ts', "import { Client } from '@microsoft/microsoft-graph-client';", /only src\/backends\/graph wraps/],
    ['src/constructs/x.ts', "import { TerraformStack } from 'cdktf';", /only src\/cdktf wraps 'cdktf'/],
    ['src/engine/x.ts', "import Database from 'better-sqlite3';", /only src\/server wraps 'better-sqlite3'/],
  ])('rejects in %s: %s', async (file, source, message) => {
    const errors = await layerErrors(file, `${source}\nexport const used = [${source.match(/import \{?\s*(\w+)/)![1]}];\n`);
    expect(errors).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['src/engine/x.ts', "import { descriptorOf } from '../model';"],
    ['src/engine/x.ts', "import { lint } from '../rules';"],
    ['src/server/x.ts', "import { resolveEnrollment } from '../rules';"],
    ['src/backends/embedded/x.ts', "import { GraphBackend } from '../graph';"],
    ['src/cdktf/x.ts', "import { TerraformStack } from 'cdktf';"],
    ['src/cli/x.ts', "import { startReferenceServer } from '../server';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await layerErrors(file, `${source}\nexport const used = [${source.match(/import \{?\s*(\w+)/)![1]}];\n`)).toEqual([]);
  });
});
