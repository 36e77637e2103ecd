import { Command } from 'commander';
import { outputJsonSchema } from '../json-output';
import type { CommandFactory } from '../program';

/** `enrollkit schema`: the JSON Schema of what `plan`, `apply` and `drift` print with `--format json`. */
export const schemaCommand: CommandFactory = (io) =>
  new Command('schema').action(() => {
    io.stdout(`${JSON.stringify(outputJsonSchema(), null, 2)}\n`);
  });
