import { createInterface } from 'node:readline/promises';

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
  /** Asks the user a question on the terminal; absent when there is no one to ask. */
  readonly prompt?: (question: string) => Promise<string>;
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdin.isTTY ? { prompt: ask } : {}),
  };
}

/** True when output may be coloured: a terminal, and no `NO_COLOR`. */
export function colourEnabled(io: CliIo): boolean {
  return io.isTTY && !io.env.NO_COLOR;
}
