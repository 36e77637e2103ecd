import type { CommandFactory } from '../program';

/** Every sub-command of `enrollkit`, in the order `--help` lists them. */
export const COMMANDS: readonly CommandFactory[] = [];
