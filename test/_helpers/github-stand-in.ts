import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A comment the stand-in holds. */
export interface StoredComment {
  readonly id: number;
  readonly issue: number;
  body: string;
}

/** A local stand-in of the GitHub REST endpoints the pull-request flow calls, recording what it was sent. */
export interface GithubStandIn {
  /** The API root to give as `GITHUB_API_URL`. */
  readonly url: string;
  /** Every comment, by issue. */
  readonly comments: StoredComment[];
  /** Requests received, as `METHOD path`. */
  readonly requests: string[];
  /** Pull requests of a commit, for `GET /repos/{o}/{r}/commits/{sha}/pulls`. */
  readonly pullsOfCommit: Map<string, number[]>;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

/** Starts the stand-in on a loopback port; it accepts only the token it is given. */
export async function startGithubStandIn(repository: string, token: string): Promise<GithubStandIn> {
  const comments: StoredComment[] = [];
  const requests: string[] = [];
  const pullsOfCommit = new Map<string, number[]>();
  let nextId = 1000;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.headers.authorization !== `token ${token}`) return send(401, { message: 'Bad credentials' });
      const base = `/repos/${repository}`;
      const issueComments = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(url.pathname);
      const comment = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname);
      const commitPulls = new RegExp(`^${base}/commits/([0-9a-f]+)/pulls$`).exec(url.pathname);
      if (issueComments && req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = comments.filter((c) => c.issue === Number(issueComments[1]));
        return send(200, all.slice((page - 1) * perPage, page * perPage).map((c) => ({ id: c.id, body: c.body })));
      }
      if (issueComments && req.method === 'POST') {
        const body = await bodyOf(req);
        const created = { id: nextId++, issue: Number(issueComments[1]), body: String(body.body) };
        comments.push(created);
        return send(201, { id: created.id, body: created.body });
      }
      if (comment && req.method === 'PATCH') {
        const found = comments.find((c) => c.id === Number(comment[1]));
        if (!found) return send(404, { message: 'Not Found' });
        found.body = String((await bodyOf(req)).body);
        return send(200, { id: found.id, body: found.body });
      }
      if (commitPulls && req.method === 'GET') return send(200, (pullsOfCommit.get(commitPulls[1]!) ?? []).map((number) => ({ number })));
      return send(404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    requests,
    pullsOfCommit,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
