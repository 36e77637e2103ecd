import { COMMANDS } from './commands';
import { processIo } from './io';
import { exec } from './program';

/** The process entry point: runs the command line and sets the exit code. */
export function main(): void {
  exec(process.argv.slice(2), processIo(), COMMANDS).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
