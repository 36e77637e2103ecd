import { Command, CommanderError } from 'commander';
import { EnrollkitError, UsageError, ValidationError, formatIssue } from '../model';
import { ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { errorDocument, printJson } from './json-output';
import { VERSION } from './version';

/** A command's action: its exit code, set on the holder the program reads after parsing. */
export interface ExitHolder {
  code: number;
}

/** Builds one sub-command; each lives in `commands/` and reports its exit code through `exit`. */
export type CommandFactory = (io: CliIo, exit: ExitHolder) => Command;

/** Renders an error for the terminal: every validation issue on its own line, no stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    return `Error: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} found:\n${error.issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}\n`;
  }
  if (error instanceof EnrollkitError) return `Error: ${error.message}\n`;
  if (error instanceof Error) return `Error: ${error.message}\n`;
  return `Error: ${String(error)}\n`;
}

/** True when the arguments ask for JSON output (`--format json` or `--format=json`). */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}

/**
 * Runs the command line with the given arguments (without `node` and the script) and returns
 * the exit code. Nothing here exits the process.
 */
export async function exec(argv: readonly string[], io: CliIo, commands: readonly CommandFactory[]): Promise<number> {
  const exit: ExitHolder = { code: ExitCode.Success };
  const program = new Command('enrollkit')
    .description('Intune iOS/iPadOS enrollment configuration as code: synth, plan, apply, lint, simulate.')
    .version(VERSION, '-V, --version', 'print the enrollkit version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');
  for (const factory of commands) {
    program.addCommand(factory(io, exit).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.Success;
    if (wantsJson(argv)) {
      const usage = error instanceof CommanderError ? new UsageError(error.message.replace(/^error: /, '')) : error;
      io.stdout(printJson(errorDocument(argv[0] ?? '', usage)));
    }
    if (!(error instanceof CommanderError)) io.stderr(describeError(error));
    return ExitCode.Error;
  }
}
