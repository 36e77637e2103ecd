import { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitCode } from '../exit-codes';
import type { CommandFactory } from '../program';
import { addSynthOptions } from '../load-manifests';
import { runSynth } from '../synth/run-synth';

/** What a written manifest holds, for the report. */
function summary(file: string): string {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { stack?: string; resources?: unknown[]; groups?: unknown[] };
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `stack ${String(manifest.stack)}: ${count(manifest.resources?.length ?? 0, 'resource')}, ${count(manifest.groups?.length ?? 0, 'group')}`;
}

/** `enrollkit synth`: runs the app of `cdktf.json` and reports the manifests and Terraform JSON written. */
export const synthCommand: CommandFactory = (io, exit) =>
  addSynthOptions(new Command('synth'))
    .option('--no-type-check', 'do not type-check a TypeScript app (also "typeCheck": false in cdktf.json)')
    .action(async (options: { typeCheck: boolean; cache: boolean }) => {
      const result = await runSynth(io, { appOutput: 'stdout', ...(options.typeCheck ? {} : { typeCheck: false }), ...(options.cache ? {} : { cache: false }) });
      const lines = result.files.map((file) =>
        result.manifests.includes(file) ? `  ${file}  (${summary(path.join(result.outdir, file))})` : `  ${file}`,
      );
      const stacks = result.manifests.length;
      const how = result.cached ? ' (the app and everything it reads are unchanged since the last synth, so its output was kept; --no-cache runs it again)' : '';
      io.stdout(`Synthesized ${stacks} enrollkit stack${stacks === 1 ? '' : 's'} to ${result.outdir}${path.sep}${how}:\n${lines.join('\n')}\n`);
      exit.code = ExitCode.Success;
    });
