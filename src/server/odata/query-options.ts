import { badRequest } from '../graph-error';
import { type FilterExpr, parseFilter } from './filter-parser';

/** A Graph API version segment. */
export type ApiVersion = 'beta' | 'v1.0';

/** One `$orderby` key. */
export interface OrderKey {
  /** Property path, e.g. `['target', 'groupId']`. */
  readonly path: readonly string[];
  /** Whether the key is sorted `desc`. */
  readonly descending: boolean;
}

/** An `$expand` item, e.g. `assignments($select=id,target)`. */
export interface ExpandItem {
  /** Navigation property expanded. */
  readonly property: string;
  /** Its nested `$select`; every property when absent. */
  readonly select?: readonly string[];
}

/** The OData system query options of a GET request. */
export interface QueryOptions {
  /** Parsed `$filter`. */
  readonly filter?: FilterExpr;
  /** `$select` properties. */
  readonly select?: readonly string[];
  /** `$expand` items. */
  readonly expand?: readonly ExpandItem[];
  /** `$orderby` keys, most significant first. */
  readonly orderBy?: readonly OrderKey[];
  /** `$top`: the page size asked for. */
  readonly top?: number;
  /** `$skip`: objects to leave out before the first page. */
  readonly skip?: number;
  /** Offset decoded from `$skiptoken`. */
  readonly offset?: number;
  /** `$count=true`: the answer carries `@odata.count`. */
  readonly count: boolean;
}

const SUPPORTED = ['select', 'expand', 'filter', 'orderby', 'top', 'skip', 'skiptoken', 'count', 'format'];
const UNSUPPORTED = ['search', 'apply', 'compute', 'levels', 'deltatoken'];

/** The query option `name` (without `$`); on beta the `$` prefix is optional. */
export function queryOption(params: URLSearchParams, version: ApiVersion, name: string): string | undefined {
  return params.get(`$${name}`) ?? (version === 'beta' ? (params.get(name) ?? undefined) : undefined);
}

function list(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

function nonNegativeInteger(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw badRequest(`Invalid value '${text}' for query option '$${name}': expected a non-negative integer.`);
  return Number(text);
}

function parseExpand(text: string): ExpandItem[] {
  return list(text).map((item) => {
    const match = /^([\w.]+)(?:\((.*)\))?$/.exec(item);
    if (!match?.[1]) throw badRequest(`Invalid $expand clause '${item}'.`);
    const nested = match[2] ? /^\$?select=(.*)$/i.exec(match[2]) : null;
    if (match[2] && !nested) throw badRequest(`Only $select is supported inside $expand, in '${item}'.`);
    return nested?.[1] ? { property: match[1], select: list(nested[1]) } : { property: match[1] };
  });
}

function parseOrderBy(text: string): OrderKey[] {
  return list(text).map((item) => {
    const [path = '', direction = 'asc', ...extra] = item.split(/\s+/);
    if (extra.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) throw badRequest(`Invalid $orderby clause '${item}'.`);
    return { path: path.split('/'), descending: direction.toLowerCase() === 'desc' };
  });
}

function decodeSkipToken(token: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof decoded.o === 'number' && Number.isInteger(decoded.o) && decoded.o >= 0) return decoded.o;
  } catch {
    // falls through to the error below
  }
  throw badRequest(`Invalid $skiptoken '${token}'.`);
}

/** Encodes a page offset as an opaque `$skiptoken`. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** The options of a request without a query string. */
export const NO_OPTIONS: QueryOptions = { count: false };

/** Reads and checks the system query options of a request URL. */
export function readQueryOptions(url: URL, version: ApiVersion): QueryOptions {
  if (url.search === '') return NO_OPTIONS;
  for (const key of url.searchParams.keys()) {
    const name = key.startsWith('$') ? key.slice(1).toLowerCase() : version === 'beta' ? key.toLowerCase() : undefined;
    if (name === undefined || SUPPORTED.includes(name)) continue;
    if (UNSUPPORTED.includes(name) || key.startsWith('$')) throw badRequest(`Query option '$${name}' is not supported by this resource.`);
  }
  const option = (name: string) => queryOption(url.searchParams, version, name);
  const filter = option('filter');
  const select = option('select');
  const expand = option('expand');
  const orderBy = option('orderby');
  const top = option('top');
  const skip = option('skip');
  const skipToken = option('skiptoken');
  const count = option('count');
  if (count !== undefined && !['true', 'false'].includes(count.toLowerCase())) throw badRequest(`Invalid value '${count}' for query option '$count'.`);
  const topValue = top === undefined ? undefined : nonNegativeInteger('top', top);
  if (topValue === 0) throw badRequest("Invalid value '0' for query option '$top': expected a positive integer.");
  return {
    ...(filter !== undefined ? { filter: parseFilter(filter) } : {}),
    ...(select !== undefined ? { select: list(select) } : {}),
    ...(expand !== undefined ? { expand: parseExpand(expand) } : {}),
    ...(orderBy !== undefined ? { orderBy: parseOrderBy(orderBy) } : {}),
    ...(topValue !== undefined ? { top: topValue } : {}),
    ...(skip !== undefined ? { skip: nonNegativeInteger('skip', skip) } : {}),
    ...(skipToken !== undefined ? { offset: decodeSkipToken(skipToken) } : {}),
    count: count?.toLowerCase() === 'true',
  };
}
