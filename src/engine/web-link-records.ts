import { BackendError } from '../model';
import type { Backend, GraphRequest } from './backend';
import { graphErrorMessage, isSuccess } from './graph-errors';
import { filterLiteral } from './read-state';

/** A web link as Graph lists it. */
export type WebLinkItem = Record<string, unknown>;

/**
 * Where enrollkit keeps its own records in the tenant (a stack's lock, its inventory): unassigned
 * web links (`webApp`) among the tenant's mobile apps. No managed kind reads that type, an
 * unassigned link reaches no device, and every stack may write mobile apps' peers.
 */
const WEB_LINKS = '/deviceAppManagement/mobileApps';

/** The web links with this display name; `what` names the record in errors ("the lock of stack 'x'"). */
export async function readWebLinks(backend: Backend, displayName: string, what: string): Promise<WebLinkItem[]> {
  const request: GraphRequest = { method: 'GET', version: 'beta', path: `${WEB_LINKS}?$filter=displayName eq ${filterLiteral(displayName)}` };
  const [response] = await backend.send([request]);
  if (!response || !isSuccess(response)) {
    throw new BackendError(`reading ${what} failed with ${response?.status ?? 'no answer'}: ${graphErrorMessage(response?.body)}.`);
  }
  return ((response.body as { value?: WebLinkItem[] } | undefined)?.value ?? []) as WebLinkItem[];
}

/** Deletes a web link record (gone already is fine). */
export async function deleteWebLink(backend: Backend, id: string, what: string): Promise<void> {
  const [response] = await backend.send([{ method: 'DELETE', version: 'beta', path: `${WEB_LINKS}/${id}` }]);
  if (response && !isSuccess(response) && response.status !== 404) {
    throw new BackendError(`deleting ${what} (${id}) failed with ${response.status}: ${graphErrorMessage(response.body)}.`);
  }
}

/** The request that creates a web link record, or rewrites the description of the one with `id`. */
export function writeWebLinkRequest(displayName: string, description: string, id?: string): GraphRequest {
  const body = { '@odata.type': '#microsoft.graph.webApp', displayName, description };
  if (id !== undefined) return { method: 'PATCH', version: 'beta', path: `${WEB_LINKS}/${id}`, body };
  return { method: 'POST', version: 'beta', path: WEB_LINKS, body: { ...body, appUrl: 'https://enrollkit.invalid/record', publisher: 'enrollkit' } };
}

/** The key=value pairs of a record line `[enrollkit <tag> k=v ...]` ending a description, decoded; undefined when there is none. */
export function recordFields(item: WebLinkItem, tag: string): Map<string, string> | undefined {
  const description = typeof item.description === 'string' ? item.description : '';
  const line = (description.split('\n').at(-1) ?? '').trim();
  const prefix = `[enrollkit ${tag} `;
  if (!line.startsWith(prefix) || !line.endsWith(']')) return undefined;
  const pairs = line.slice(prefix.length, -1).split(' ').filter(Boolean);
  return new Map(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), decodeURIComponent(pair.slice(pair.indexOf('=') + 1))]));
}

/** A record line `[enrollkit <tag> k=v ...]` with each value URI-encoded. */
export function recordLine(tag: string, fields: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(fields).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return `[enrollkit ${tag} ${pairs.join(' ')}]`;
}
