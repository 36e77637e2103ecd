/** Exit codes of the command line (design.md): success, error, changes present. */
export const ExitCode = {
  /** Success; with `--detailed-exitcode`, also "no changes". */
  Success: 0,
  /** Any error. */
  Error: 1,
  /** With `--detailed-exitcode`: changes are present. */
  Changes: 2,
} as const;

/** One of the exit codes. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
