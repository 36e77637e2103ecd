import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../model';
import { EnvironmentsSchema, type EnvironmentConfig } from '../environments';

/** What `enrollkit synth` reads of `cdktf.json`. */
export interface CdktfConfig {
  /** The command that runs the app, e.g. `npx tsx main.ts`. */
  readonly app: string;
  /** The output directory, absolute. */
  readonly outdir: string;
  /** The `context` values cdktf passes to the app (`CDKTF_CONTEXT_JSON`). */
  readonly context: Readonly<Record<string, unknown>>;
  /** False when `"typeCheck": false` turns off the type check of a TypeScript app. */
  readonly typeCheck: boolean;
  /** The named environments stacks may belong to (`"environments"`), by name. */
  readonly environments: Readonly<Record<string, EnvironmentConfig>>;
}

/** The default output directory, as cdktf's. */
export const DEFAULT_OUTPUT = 'cdktf.out';

/** Reads `cdktf.json` in `cwd`; a missing or malformed file is a usage error that says the fix. */
export function readCdktfConfig(cwd: string): CdktfConfig {
  const file = path.join(cwd, 'cdktf.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      `no cdktf.json in ${cwd}. Fix: run enrollkit in the directory of your app, or create cdktf.json with {"language":"typescript","app":"main.ts","output":"cdktf.out"}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}). Fix: correct the file's syntax`);
  }
  const config = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (typeof config.app !== 'string' || config.app.trim() === '') {
    throw new UsageError(`${file} has no "app" command (got ${JSON.stringify(config.app)}). Fix: add "app": "main.ts" (a TypeScript app enrollkit runs itself) or the command that runs your app`);
  }
  if (config.output !== undefined && (typeof config.output !== 'string' || config.output === '')) {
    throw new UsageError(`${file} has an invalid "output" (got ${JSON.stringify(config.output)}). Fix: give a directory such as "cdktf.out", or leave it out`);
  }
  if (config.context !== undefined && (typeof config.context !== 'object' || config.context === null || Array.isArray(config.context))) {
    throw new UsageError(`${file} has an invalid "context" (got ${JSON.stringify(config.context)}). Fix: give an object of context values, or leave it out`);
  }
  if (config.typeCheck !== undefined && typeof config.typeCheck !== 'boolean') {
    throw new UsageError(`${file} has an invalid "typeCheck" (got ${JSON.stringify(config.typeCheck)}). Fix: use true or false, or leave it out`);
  }
  const environments = EnvironmentsSchema.safeParse(config.environments ?? {});
  if (!environments.success) {
    const issue = environments.error.issues[0]!;
    const at = issue.path.length > 0 ? `"environments".${issue.path.join('.')}` : '"environments"';
    throw new UsageError(`${file} has an invalid ${at}: ${issue.message}. Fix: give each environment { "tenantId": "<Entra tenant ID>" } and optionally "displayName", "cloud", "backend", "url", "variablePrefix" (docs/environments.md)`);
  }
  return {
    app: config.app,
    outdir: path.resolve(cwd, typeof config.output === 'string' ? config.output : DEFAULT_OUTPUT),
    context: (config.context ?? {}) as Record<string, unknown>,
    typeCheck: config.typeCheck !== false,
    environments: environments.data,
  };
}
