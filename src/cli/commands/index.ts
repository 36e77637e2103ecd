import type { CommandFactory } from '../program';
import { applyCommand } from './apply';
import { destroyCommand } from './destroy';
import { discoveryCommand } from './discovery';
import { driftCommand } from './drift';
import { exportProfileCommand } from './export-profile';
import { githubCommand } from './github';
import { importCommand } from './import';
import { lintCommand } from './lint';
import { planCommand } from './plan';
import { schemaCommand } from './schema';
import { serveCommand } from './serve';
import { simulateCommand } from './simulate';
import { synthCommand } from './synth';
import { unlockCommand } from './unlock';

/** Every sub-command of `enrollkit`, in the order `--help` lists them. */
export const COMMANDS: readonly CommandFactory[] = [
  synthCommand,
  planCommand,
  applyCommand,
  destroyCommand,
  driftCommand,
  githubCommand,
  unlockCommand,
  importCommand,
  lintCommand,
  simulateCommand,
  exportProfileCommand,
  discoveryCommand,
  serveCommand,
  schemaCommand,
];
