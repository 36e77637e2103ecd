import { readFileSync } from 'node:fs';
import { UsageError } from '../../model';
import { GithubApi } from './github-api';

type Env = Readonly<Record<string, string | undefined>>;

/** The GitHub Actions run a command is a step of, as its environment describes it. */
export interface GithubRun {
  /** The REST API, with the job's token. */
  readonly api: GithubApi;
  /** The pull request of a `pull_request` event. */
  readonly pull?: number;
  /** The commit the run is for (`GITHUB_SHA`). */
  readonly sha: string;
  /** The job summary file (`GITHUB_STEP_SUMMARY`), when there is one. */
  readonly summaryFile?: string;
  /** A link to the run, for comments. */
  readonly runUrl: string;
}

function pullOfEvent(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown }; number?: unknown };
  const number = event.pull_request?.number ?? undefined;
  return typeof number === 'number' ? number : undefined;
}

/** Reads the run from `GITHUB_*` variables; says which are missing. */
export function githubRun(env: Env): GithubRun {
  const missing = ['GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'GITHUB_SHA'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new UsageError(`enrollkit github runs as a step of a GitHub Actions job and needs ${missing.join(', ')}; in a workflow, pass the token with 'env: { GITHUB_TOKEN: \${{ github.token }} }' (the enrollkit action does).`);
  }
  const repository = env.GITHUB_REPOSITORY!;
  const pull = pullOfEvent(env.GITHUB_EVENT_PATH);
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    api: new GithubApi({ baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com', token: env.GITHUB_TOKEN!, repository }),
    ...(pull !== undefined ? { pull } : {}),
    sha: env.GITHUB_SHA!,
    ...(env.GITHUB_STEP_SUMMARY ? { summaryFile: env.GITHUB_STEP_SUMMARY } : {}),
    runUrl: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
  };
}
