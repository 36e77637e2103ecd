import { applyPlan, recordStackInventory, type ApplyResult, type Backend, type Plan } from '../engine';
import { PlanBlockedError, UsageError } from '../model';
import { ExitCode } from './exit-codes';
import { colourEnabled, type CliIo } from './io';
import { NO_COLOUR, TERMINAL_COLOUR } from './render/plan-text';

/**
 * Asks for confirmation unless `autoApprove`; without a terminal to ask on, refuses and says how
 * to approve (`alternative`: another way than `--auto-approve`, when the command has one).
 * Returns false when the user declined.
 */
export async function confirm(io: CliIo, what: string, autoApprove: boolean, alternative?: string): Promise<boolean> {
  if (autoApprove) return true;
  if (!io.prompt) throw new UsageError(`${what} needs --auto-approve when no terminal can confirm it${alternative ? ` (${alternative})` : ''}.`);
  const answer = await io.prompt(`Do you want to ${what}? Only 'yes' will be accepted: `);
  if (answer.trim() === 'yes') return true;
  io.stderr('Cancelled: nothing was changed.\n');
  return false;
}

/** Choices for {@link runApply}. */
export interface RunApplyOptions {
  /** Print nothing on standard output (the caller prints JSON); progress still goes to standard error. */
  readonly quiet?: boolean;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Applies a plan, printing each step as it ends and a progress line per wave on standard error
 * (counts, time elapsed, throttled requests sent again), and returns the exit code and results.
 */
export async function runApply(io: CliIo, backend: Backend, plan: Plan, options: RunApplyOptions = {}): Promise<{ code: number; result: ApplyResult }> {
  if (plan.blockers.length > 0) throw new PlanBlockedError(plan.stack, plan.blockers);
  const paint = colourEnabled(io) ? TERMINAL_COLOUR : NO_COLOUR;
  const out = (text: string) => (options.quiet ? undefined : io.stdout(text));
  const started = Date.now();
  const retriesBefore = backend.counters().retries;
  const result = await applyPlan(backend, plan, (event) => {
    if (event.type === 'wave') {
      const retries = backend.counters().retries - retriesBefore;
      const throttled = retries > 0 ? `, ${retries} throttled request${retries === 1 ? '' : 's'} sent again` : '';
      io.stderr(`  [${event.done}/${event.total}] ${plan.stack}: sending ${event.steps} write${event.steps === 1 ? '' : 's'} (${seconds(Date.now() - started)} elapsed${throttled})\n`);
      return;
    }
    if (event.type === 'waiting') {
      io.stderr(`  ${plan.stack}: waiting ${seconds(event.wait.waitMs)} to stay within ${event.wait.limit}\n`);
      return;
    }
    if (event.type === 'reconciled') {
      const d = event.duplicate;
      const outcome = d.error ? `could not delete all of them: ${d.error}` : `kept ${d.kept}, deleted ${d.deleted.join(', ')}`;
      out(paint.change(`  reconciled ${d.deleted.length + 1} objects named '${d.displayName}' made by one step: ${outcome}\n`));
      return;
    }
    const r = event.result;
    const lost = r.lostAnswer ? ` (answer lost: ${r.lostAnswer})` : '';
    if (r.status === 'done') out(paint.add(`  ok      ${r.step.title}${lost}\n`));
    else if (r.status === 'failed') out(paint.remove(`  failed  ${r.step.title}: ${r.error}${lost}\n`));
    else out(paint.change(`  skipped ${r.step.title}: ${r.error}\n`));
  });
  const unrecorded = await recordStackInventory(backend, plan, result);
  if (unrecorded) io.stderr(`  ${plan.stack}: warning: could not record what the stack owns for 'enrollkit drift' (${unrecorded}); drift cannot tell objects deleted in the tenant until an apply records it.\n`);
  const count = (status: string) => result.results.filter((r) => r.status === status).length;
  io.stderr(`  ${plan.stack}: ${result.results.length} of ${plan.steps.length} steps ended in ${seconds(Date.now() - started)}\n`);
  if (result.ok) {
    const reconciled = result.reconciled.length > 0 ? ` ${result.reconciled.length} duplicated object${result.reconciled.length === 1 ? '' : 's'} reconciled.` : '';
    out(paint.bold(`Apply complete: ${count('done')} write${count('done') === 1 ? '' : 's'} for stack ${plan.stack}.${reconciled}\n`));
    return { code: ExitCode.Success, result };
  }
  out(
    paint.remove(
      `Apply incomplete for stack ${plan.stack}: ${count('done')} done, ${count('failed')} failed, ${count('skipped')} skipped. What was done is in the tenant; run apply again once the failure is fixed.\n`,
    ),
  );
  return { code: ExitCode.Error, result };
}
