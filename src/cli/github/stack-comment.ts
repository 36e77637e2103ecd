import { fingerprintOf, type Plan } from '../../engine';
import type { GithubApi } from './github-api';

const MARKER = /^<!-- enrollkit:stack=(\S+) plan=([0-9a-f]+) -->/;

/** A stack's comment on a pull request: found again by the hidden marker on its first line. */
export interface StackComment {
  /** The comment's ID. */
  readonly id: number;
  /** The digest of the plan the comment shows (the plan reviewed). */
  readonly planDigest: string;
}

/** A digest of what a plan would write: equal digests mean the same writes, in the same order. */
export function planDigest(plan: Plan): string {
  return fingerprintOf({ stack: plan.stack, backend: plan.backend, steps: plan.steps });
}

/** The hidden first line that marks a stack's comment and records the digest of the plan it shows. */
export function commentMarker(plan: Plan): string {
  return `<!-- enrollkit:stack=${encodeURIComponent(plan.stack)} plan=${planDigest(plan)} -->`;
}

/** The stack's comment on a pull request, if it has one. */
export async function findStackComment(api: GithubApi, pull: number, stack: string): Promise<StackComment | undefined> {
  for (const comment of await api.comments(pull)) {
    const match = MARKER.exec(comment.body);
    if (match && decodeURIComponent(match[1]!) === stack) return { id: comment.id, planDigest: match[2]! };
  }
  return undefined;
}

/** Updates the stack's comment in place, or posts it when there is none; says which. */
export async function upsertStackComment(api: GithubApi, pull: number, stack: string, body: string): Promise<'created' | 'updated'> {
  const existing = await findStackComment(api, pull, stack);
  if (existing) {
    await api.updateComment(existing.id, body);
    return 'updated';
  }
  await api.createComment(pull, body);
  return 'created';
}
