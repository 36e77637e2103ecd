import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version of the installed enrollkit package. */
export const VERSION: string = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
