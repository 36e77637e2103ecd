import { Command, CommanderError } from 'commander';
import { EnrollkitError, UsageError, ValidationError, formatIssue } from '../model/errors';
import { ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { VERSION } from './version';

/** A command's action: its exit code, set on the holder the program reads after parsing. */
export interface ExitHolder {
  code: number;
}

/** Builds one sub-command; each lives in `commands/` and reports its exit code through `exit`. */
export type CommandFactory = (io: CliIo, exit: ExitHolder) => Command;

/** A sub-command known by name, usage and description; its implementation loads only when it runs or shows its own help. */
export interface LazyCommand {
  /** The name typed after `enrollkit`. */
  readonly name: string;
  /** What follows the name in the command list of `--help`, as commander writes it: `[options] [plan]`. */
  readonly usage: string;
  /** The description of the command, in the list and in its own help. */
  readonly description: string;
  /** Loads the module of the command and returns its factory. */
  readonly load: () => Promise<CommandFactory>;
}

/** A sub-command for `exec`: built at once by its factory, or listed and loaded when wanted. */
export type CommandSource = CommandFactory | LazyCommand;

/** The name of the sub-command the arguments run or ask help for (`enrollkit help plan`), if any. */
function wantedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** The command a source gives: a factory's, the implementation of the wanted lazy command, or a stand-in that only lists it. */
async function commandOf(source: CommandSource, wanted: string | undefined, io: CliIo, exit: ExitHolder): Promise<Command> {
  if (typeof source === 'function') return source(io, exit);
  if (source.name === wanted) return (await source.load())(io, exit).description(source.description);
  return new Command(source.name).description(source.description).usage(source.usage);
}

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
export async function exec(argv: readonly string[], io: CliIo, commands: readonly CommandSource[]): Promise<number> {
  const exit: ExitHolder = { code: ExitCode.Success };
  const program = new Command('enrollkit')
    .description('Intune iOS/iPadOS enrollment configuration as code: synth, plan, apply, lint, simulate.')
    .version(VERSION, '-V, --version', 'print the enrollkit version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ subcommandTerm: (command) => `${command.name()} ${command.usage()}` });
  const wanted = wantedCommand(argv);
  try {
    for (const source of commands) {
      program.addCommand((await commandOf(source, wanted, io, exit)).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }));
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.Success;
    if (wantsJson(argv)) {
      const { errorDocument, printJson } = await import('./json-output.js');
      const usage = error instanceof CommanderError ? new UsageError(error.message.replace(/^error: /, '')) : error;
      io.stdout(printJson(errorDocument(argv[0] ?? '', usage)));
    }
    if (!(error instanceof CommanderError)) io.stderr(describeError(error));
    return ExitCode.Error;
  }
}
