import { COMMANDS } from '../../src/cli/commands';
import { exec, type CommandSource } from '../../src/cli/program';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { recordingIo } from './synth-app';

/** What one command printed and the code it exited with. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A reference server started afresh for each test, and the CLI run against it. */
export interface ReferenceCli {
  /** The current test's server. */
  readonly server: StartedReferenceServer;
  /** Runs a command in `cwd` with the backend variables set to the server (plus `env`). */
  run(cwd: string, argv: string[], env?: Readonly<Record<string, string>>): Promise<CliRun>;
}

/**
 * Starts an in-memory reference server before each test of the suite and closes it after; the
 * commands run with `ENROLLKIT_BACKEND=reference` and its URL and token, outside GitHub Actions.
 */
export function referenceCli(commands: readonly CommandSource[] = COMMANDS): ReferenceCli {
  let started: StartedReferenceServer | undefined;
  beforeEach(async () => {
    started = await startReferenceServer({ data: ':memory:' });
  });
  afterEach(() => started?.close());
  const server = (): StartedReferenceServer => {
    if (!started) throw new Error('the reference server runs only inside a test');
    return started;
  };
  return {
    get server() {
      return server();
    },
    async run(cwd, argv, env = {}) {
      const io = recordingIo(cwd);
      Object.assign(io.env as Record<string, string>, { ENROLLKIT_BACKEND: 'reference', ENROLLKIT_URL: server().url, ENROLLKIT_TOKEN: server().token, GITHUB_ACTIONS: '' }, env);
      const code = await exec(argv, io, commands);
      return { code, out: io.out(), err: io.err() };
    },
  };
}
