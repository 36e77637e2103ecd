import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { readState } from '../../engine';
import { generateStackCode, type StackCode } from '../../engine/import';
import { DESCRIPTORS, UsageError, type KindDescriptor } from '../../model';
import { addBackendOptions, backendFlags, environmentOption } from '../backend-options';
import { StackBackends } from '../stack-backends';
import type { CommandFactory } from '../program';

function counted(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : noun.replace(/y$/, 'ie').concat('s')}`;
}

/** The summary `enrollkit import` prints: what went into the file, what did not and why, and what to run next. */
export function renderImportSummary(result: StackCode, out: string, stack: string, backend: string): string {
  const lines = [`Wrote ${out}: stack '${stack}' with ${counted(result.imported.length, 'object')} of ${backend}.`];
  for (const d of DESCRIPTORS as readonly KindDescriptor[]) {
    const owned = result.imported.filter((o) => o.kind === d.kind && !o.referenced).length;
    const referenced = result.imported.filter((o) => o.kind === d.kind && o.referenced).length;
    if (owned > 0) lines.push(`  ${counted(owned, d.kind === 'iosApp' ? 'iOS store app' : d.title)}`);
    if (referenced > 0) lines.push(`  ${counted(referenced, 'VPP app')} (referenced by bundle ID)`);
  }
  if (result.groups.length > 0) lines.push(`  ${counted(result.groups.length, 'Entra group')} (referenced by display name)`);
  if (result.skipped.length > 0) {
    lines.push('', `Not imported (${result.skipped.length}):`);
    for (const s of result.skipped) lines.push(`  - ${DESCRIPTORS.find((d) => d.kind === s.kind)?.title ?? s.kind} '${s.displayName}' (id ${s.id}): ${s.reason}`);
  }
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((n) => `  - ${n}`));
  const app = JSON.stringify({ language: 'typescript', app: `npx tsx ${basename(out)}`, output: 'cdktf.out' });
  lines.push(
    '',
    'Next steps:',
    `  1. Put ${basename(out)} in a directory with enrollkit installed, beside a cdktf.json that runs it:`,
    `     ${app}`,
    '  2. enrollkit plan --adopt    every object should show as adopt, with no change',
    '  3. enrollkit apply --adopt   writes the ownership marker into each object, so the stack owns it',
  );
  return `${lines.join('\n')}\n`;
}

/** `enrollkit import`: write construct code for what the tenant has. */
export const importCommand: CommandFactory = (io) =>
  addBackendOptions(new Command('import'))
    .requiredOption('--out <file>', 'the TypeScript file to write, e.g. main.ts')
    .option('--stack <name>', 'name of the stack the code declares', 'imported')
    .option('--all', 'also write the objects that stacks own already (those of --stack keep their logical IDs)')
    .option('--generic', 'declare owned objects with IntuneObject (kind and spec as the manifest carries them) rather than each kind\'s own construct')
    .option('--force', 'overwrite --out if it exists')
    .addOption(environmentOption())
    .action(async (options: Record<string, unknown>) => {
      const out = String(options.out);
      const file = resolve(io.cwd, out);
      if (existsSync(file) && options.force !== true) {
        throw new UsageError(`${file} exists already. Fix: choose another --out, or add --force to overwrite it`);
      }
      const stack = String(options.stack);
      const backends = new StackBackends(io, backendFlags(options));
      let result: StackCode;
      let description: string;
      try {
        const { backend } = typeof options.environment === 'string' ? await backends.forEnvironment(options.environment) : await backends.forFlags();
        description = backend.description;
        const state = await readState(backend, []);
        result = generateStackCode(state, { stack, include: options.all === true ? 'all' : 'unowned', constructs: options.generic === true ? 'generic' : 'kind' });
      } finally {
        await backends.close();
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, result.code);
      io.stdout(renderImportSummary(result, file, stack, description));
    });
