/**
 * The environment variable naming the file where the app's process writes what it read (the
 * modules it loaded, the environment variables it looked at) when it exits, for the synth cache.
 */
export const INPUT_RECORD_ENV = 'ENROLLKIT_INPUT_RECORD';

/** What the app's process read, as `record-inputs` writes it. */
export interface InputRecord {
  /** Every module file it loaded, absolute. */
  readonly modules: readonly string[];
  /** The names of the environment variables it read, or `all` when it listed the environment. */
  readonly env: readonly string[] | 'all';
}
