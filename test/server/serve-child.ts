import { serveCommand } from '../../src/cli/commands/serve';

// Runs `enrollkit serve` as its own process, for the tests that kill or signal it.
serveCommand({ stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text), cwd: process.cwd() })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
