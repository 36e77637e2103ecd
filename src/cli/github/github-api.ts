import { Octokit } from '@octokit/core';

/** A comment on an issue or pull request. */
export interface IssueComment {
  /** The comment's ID. */
  readonly id: number;
  /** Its Markdown. */
  readonly body: string;
}

/** Where the repository is and who calls. */
export interface GithubApiOptions {
  /** The REST API root (`GITHUB_API_URL`, e.g. `https://api.github.com`). */
  readonly baseUrl: string;
  /** A token that may write pull-request comments (`GITHUB_TOKEN`). */
  readonly token: string;
  /** `owner/name` (`GITHUB_REPOSITORY`). */
  readonly repository: string;
}

/** The few GitHub REST calls the pull-request flow makes, over `@octokit/core`. */
export class GithubApi {
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly repo: string;

  constructor(options: GithubApiOptions) {
    this.octokit = new Octokit({ auth: options.token, baseUrl: options.baseUrl });
    const [owner = '', repo = ''] = options.repository.split('/');
    this.owner = owner;
    this.repo = repo;
  }

  /** Every comment of a pull request, page by page. */
  async comments(pull: number): Promise<IssueComment[]> {
    const all: IssueComment[] = [];
    for (let page = 1; ; page += 1) {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: this.owner,
        repo: this.repo,
        issue_number: pull,
        per_page: 100,
        page,
      });
      all.push(...data.map((c) => ({ id: c.id, body: c.body ?? '' })));
      if (data.length < 100) return all;
    }
  }

  /** Posts a new comment on a pull request. */
  async createComment(pull: number, body: string): Promise<void> {
    await this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: this.owner, repo: this.repo, issue_number: pull, body });
  }

  /** Replaces the body of a comment. */
  async updateComment(id: number, body: string): Promise<void> {
    await this.octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: this.owner, repo: this.repo, comment_id: id, body });
  }

  /** The numbers of the pull requests a commit belongs to (the merged one, after a merge). */
  async pullsOfCommit(sha: string): Promise<number[]> {
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { owner: this.owner, repo: this.repo, commit_sha: sha });
    return data.map((p) => p.number);
  }
}
