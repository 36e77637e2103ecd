import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Argument, Command } from 'commander';
import { driftOfStack, hasChanges, hasDrift, planStack, withStackLock, type Plan } from '../../engine';
import type { Manifest } from '../../model';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';
import { githubRun, type GithubRun } from '../github/github-run';
import { commentMarker, findStackComment, planDigest, upsertStackComment } from '../github/stack-comment';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import { addLockOptions, lockOptions } from '../lock-options';
import type { CommandFactory } from '../program';
import { StackBackends, type StackBackend } from '../stack-backends';
import { renderDriftText } from '../render/drift-text';
import { renderPlanMarkdown } from '../render/plan-markdown';
import { runApply } from '../run-apply';
import { annotate } from './plan';

/** A stack and the backend of its tenant. */
type Target = StackBackend & { readonly manifest: Manifest };

/** Room for what a comment says around the plan. */
const PLAN_BUDGET = 60_000;

function markdownOf(plan: Plan, run: GithubRun): string {
  return renderPlanMarkdown(plan, { budget: PLAN_BUDGET, fullPlan: `the \`enrollkit-plan\` artifact of [this run](${run.runUrl})` });
}

function summarize(run: GithubRun, markdown: string): void {
  if (run.summaryFile) appendFileSync(run.summaryFile, `${markdown}\n`);
}

/** Plans every stack, posts one comment per stack on the pull request (updated in place), and saves the plans. */
async function githubPlan(io: CliIo, run: GithubRun, targets: readonly Target[], outDir: string): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  let code: number = ExitCode.Success;
  for (const { manifest, backend, tenant } of targets) {
    const { plan } = await planStack(backend, manifest, { tenant });
    annotate(io, [plan]);
    writeFileSync(join(outDir, `${plan.stack}.plan.json`), `${JSON.stringify(plan, null, 2)}\n`);
    const markdown = markdownOf(plan, run);
    const next = plan.blockers.length > 0 ? '**Apply is blocked**: fix the blockers above and push again.' : hasChanges(plan) ? 'This plan is applied when the pull request is merged, if the tenant and the code still give the same plan; otherwise a new plan is made and applied, and this comment says so.' : '';
    const body = `${commentMarker(plan)}\n${markdown}\n${next}\n`;
    summarize(run, markdown);
    if (run.pull !== undefined) {
      const how = await upsertStackComment(run.api, run.pull, plan.stack, body);
      io.stdout(`Stack ${plan.stack}: plan ${how === 'created' ? 'posted on' : 'updated on'} pull request #${run.pull}.\n`);
    } else {
      io.stdout(`Stack ${plan.stack}: plan written to the job summary (no pull request).\n`);
    }
    if (plan.blockers.length > 0) {
      io.stderr(`Stack ${plan.stack}: the plan is blocked (${plan.blockers.length} blocker${plan.blockers.length === 1 ? '' : 's'}).\n`);
      code = ExitCode.Error;
    }
  }
  return code;
}

/**
 * Applies every stack after a merge: the plan reviewed on the pull request when the tenant and the
 * code still give the same writes, else a new plan (said in the log and the comment); the
 * stack's comment is updated with the results.
 */
async function githubApply(io: CliIo, run: GithubRun, targets: readonly Target[], options: Record<string, unknown>): Promise<number> {
  const pull = run.pull ?? (await run.api.pullsOfCommit(run.sha))[0];
  let code: number = ExitCode.Success;
  for (const { manifest, backend, tenant } of targets) {
    await withStackLock(backend, lockOptions(io, options, manifest.stack, backend, io.stderr), async () => {
      const { plan } = await planStack(backend, manifest, { tenant });
      const reviewed = pull === undefined ? undefined : await findStackComment(run.api, pull, plan.stack);
      const fresh = reviewed?.planDigest === planDigest(plan);
      const source = fresh
        ? `Applied the plan reviewed in pull request #${pull}: the tenant and the code still give the same writes.`
        : reviewed
          ? `Re-planned before applying: the plan reviewed in pull request #${pull} no longer matches the tenant or the code (it changed since the review). The plan below is the one applied.`
          : `Re-planned before applying: no reviewed plan of this stack was found${pull === undefined ? ' (no pull request for this commit)' : ` on pull request #${pull}`}. The plan below is the one applied.`;
      io.stdout(`Stack ${plan.stack}: ${source}\n`);
      let outcome: string;
      if (plan.blockers.length > 0) {
        outcome = '⛔ **Not applied**: the plan is blocked.';
        code = ExitCode.Error;
      } else if (!hasChanges(plan)) {
        outcome = '✅ Nothing to apply: the tenant already matches the stack.';
      } else {
        const { code: applied, result } = await runApply(io, backend, plan);
        const done = result.results.filter((r) => r.status === 'done').length;
        const failures = result.results.filter((r) => r.status !== 'done').map((r) => `- ${r.status}: ${r.step.title}${r.error ? `: ${r.error}` : ''}`);
        outcome = result.ok ? `✅ **Applied**: ${done} write${done === 1 ? '' : 's'}.` : `❌ **Apply incomplete**: ${done} done, ${failures.length} not:\n\n${failures.slice(0, 50).join('\n')}`;
        if (applied !== ExitCode.Success) code = applied;
      }
      const markdown = `### enrollkit apply: \`${plan.stack}\`\n\n${outcome}\n\n${source}\n\n<details><summary>The plan applied</summary>\n\n${markdownOf(plan, run)}\n</details>\n`;
      summarize(run, markdown);
      if (pull !== undefined) await upsertStackComment(run.api, pull, plan.stack, `${commentMarker(plan)}\n${markdown}`);
    });
  }
  return code;
}

/** Reports drift per stack in the job summary; exit 2 when there is drift. */
async function githubDrift(io: CliIo, run: GithubRun, targets: readonly Target[]): Promise<number> {
  let drifted = false;
  for (const { manifest, backend, tenant } of targets) {
    const { plan, report } = await driftOfStack(backend, manifest, tenant);
    drifted ||= hasDrift(report);
    const text = renderDriftText(report, plan);
    io.stdout(text);
    summarize(run, `### enrollkit drift: \`${manifest.stack}\`\n\n\`\`\`\n${text}\`\`\`\n`);
    if (hasDrift(report)) io.stderr(`::warning title=drift in stack ${manifest.stack}::${text.split('\n')[0]}\n`);
  }
  return drifted ? ExitCode.Changes : ExitCode.Success;
}

/** `enrollkit github plan|apply|drift`: the steps of the GitHub Action (pull-request comments, job summary, apply on merge). */
export const githubCommand: CommandFactory = (io, exit) =>
  addSynthOptions(addLockOptions(addBackendOptions(new Command('github'))))
    .addArgument(new Argument('<command>', 'what to run').choices(['plan', 'apply', 'drift']))
    .option('--stack <name>', 'only this stack')
    .option('--out-dir <dir>', 'where plan saves each stack\'s plan (the artifact)', 'enrollkit-plans')
    .action(async (command: string, options: Record<string, unknown>) => {
      const run = githubRun(io.env);
      const manifests = await loadManifests(io, manifestOptions(options));
      const backends = new StackBackends(io, backendFlags(options));
      try {
        const targets = await backends.forStacks(manifests);
        if (command === 'plan') exit.code = await githubPlan(io, run, targets, resolve(io.cwd, String(options.outDir)));
        else if (command === 'apply') exit.code = await githubApply(io, run, targets, options);
        else exit.code = await githubDrift(io, run, targets);
      } finally {
        await backends.close();
      }
    });
