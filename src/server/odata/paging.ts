import { encodeSkipToken, type QueryOptions } from './query-options';

/** The largest page a client may ask for with `$top`, unless the default page is larger. */
const MAX_TOP = 999;

/** One page of a collection. */
export interface Page<T> {
  /** Objects of the page. */
  readonly items: readonly T[];
  /** `@odata.nextLink` of the next page; absent on the last one. */
  readonly nextLink?: string;
}

/**
 * Cuts one page out of a full result: `$top` (or the default page size) items from the offset of
 * `$skiptoken` (or `$skip`), with an absolute `@odata.nextLink` carrying the original query and an
 * opaque `$skiptoken` when more remain.
 */
export function pageOf<T>(items: readonly T[], options: QueryOptions, defaultPageSize: number, url: URL): Page<T> {
  const size = Math.min(options.top ?? defaultPageSize, Math.max(defaultPageSize, MAX_TOP));
  const start = options.offset ?? options.skip ?? 0;
  const end = start + size;
  const page = items.slice(start, end);
  if (end >= items.length) return { items: page };
  const next = new URL(url);
  for (const key of [...next.searchParams.keys()]) {
    if (/^\$?(skiptoken|skip)$/i.test(key)) next.searchParams.delete(key);
  }
  next.searchParams.set('$skiptoken', encodeSkipToken(end));
  return { items: page, nextLink: `${next.origin}${next.pathname}?${queryString(next.searchParams)}` };
}

/** A query string with literal `$` in option names, as Graph writes its links. */
function queryString(params: URLSearchParams): string {
  return [...params].map(([key, value]) => `${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%24/g, '$')}`).join('&');
}
