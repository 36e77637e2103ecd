/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  /** Writes to standard output (text as given, no newline added). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** True when standard output is a terminal (colour and progress allowed). */
  readonly isTTY: boolean;
  /** The environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory. */
  readonly cwd: string;
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** True when output may be coloured: a terminal, and no `NO_COLOR`. */
export function colourEnabled(io: CliIo): boolean {
  return io.isTTY && !io.env.NO_COLOR;
}
