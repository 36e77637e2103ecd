import { Command, Option } from 'commander';
import { lint } from '../../rules';
import { ExitCode } from '../exit-codes';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import type { CommandFactory } from '../program';
import { inGithubActions, lintAnnotations, sourceLocator } from '../render/github-annotations';
import { formatLintText } from '../render/lint-rules-text';

/** `enrollkit lint`: check the rules of domain.md on each stack's desired state; exit 1 on unsuppressed errors. */
export const lintCommand: CommandFactory = (io, exit) =>
  addSynthOptions(new Command('lint'))
    .option('--stack <name>', 'lint only this stack')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { stack?: string; format: 'text' | 'json'; cache: boolean }) => {
      const manifests = await loadManifests(io, manifestOptions(options));
      const results = manifests.map((m) => lint(m));
      const blocking = results.some((r) => r.blocking);
      if (inGithubActions(io.env)) io.stderr(lintAnnotations(results, sourceLocator(io.cwd, io.env.GITHUB_WORKSPACE)));
      io.stdout(options.format === 'json' ? `${JSON.stringify({ blocking, stacks: results }, null, 2)}\n` : formatLintText(results));
      if (blocking) exit.code = ExitCode.Error;
    });
