import { applyPlan, type Backend, type Plan } from '../engine';
import { PlanBlockedError, UsageError } from '../model';
import { ExitCode } from './exit-codes';
import { colourEnabled, type CliIo } from './io';
import { NO_COLOUR, TERMINAL_COLOUR } from './render/plan-text';

/**
 * Asks for confirmation unless `autoApprove`; without a terminal to ask on, refuses and says how
 * to approve. Returns false when the user declined.
 */
export async function confirm(io: CliIo, what: string, autoApprove: boolean): Promise<boolean> {
  if (autoApprove) return true;
  if (!io.prompt) throw new UsageError(`${what} needs --auto-approve when no terminal can confirm it (or review with 'enrollkit plan --out plan.json' and apply that file).`);
  const answer = await io.prompt(`Do you want to ${what}? Only 'yes' will be accepted: `);
  if (answer.trim() === 'yes') return true;
  io.stderr('Cancelled: nothing was changed.\n');
  return false;
}

/** Applies a plan, printing each step as it ends, and returns the exit code. */
export async function runApply(io: CliIo, backend: Backend, plan: Plan): Promise<number> {
  if (plan.blockers.length > 0) throw new PlanBlockedError(plan.stack, plan.blockers);
  const paint = colourEnabled(io) ? TERMINAL_COLOUR : NO_COLOUR;
  const result = await applyPlan(backend, plan, (event) => {
    if (event.type === 'wave') {
      if (io.isTTY) io.stderr(`  [${event.done}/${event.total}] sending ${event.steps} write${event.steps === 1 ? '' : 's'}\n`);
      return;
    }
    if (event.type === 'reconciled') {
      const d = event.duplicate;
      const outcome = d.error ? `could not delete all of them: ${d.error}` : `kept ${d.kept}, deleted ${d.deleted.join(', ')}`;
      io.stdout(paint.change(`  reconciled ${d.deleted.length + 1} objects named '${d.displayName}' made by one step: ${outcome}\n`));
      return;
    }
    const r = event.result;
    const lost = r.lostAnswer ? ` (answer lost: ${r.lostAnswer})` : '';
    if (r.status === 'done') io.stdout(paint.add(`  ok      ${r.step.title}${lost}\n`));
    else if (r.status === 'failed') io.stdout(paint.remove(`  failed  ${r.step.title}: ${r.error}${lost}\n`));
    else io.stdout(paint.change(`  skipped ${r.step.title}: ${r.error}\n`));
  });
  const count = (status: string) => result.results.filter((r) => r.status === status).length;
  if (result.ok) {
    const reconciled = result.reconciled.length > 0 ? ` ${result.reconciled.length} duplicated object${result.reconciled.length === 1 ? '' : 's'} reconciled.` : '';
    io.stdout(paint.bold(`Apply complete: ${count('done')} write${count('done') === 1 ? '' : 's'} for stack ${plan.stack}.${reconciled}\n`));
    return ExitCode.Success;
  }
  io.stdout(
    paint.remove(
      `Apply incomplete for stack ${plan.stack}: ${count('done')} done, ${count('failed')} failed, ${count('skipped')} skipped. What was done is in the tenant; run apply again once the failure is fixed.\n`,
    ),
  );
  return ExitCode.Error;
}
