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

/** Where a page starts and how many objects it holds: `$top` (or the default page size) from the offset of `$skiptoken` (or `$skip`). */
export function pageBounds(options: QueryOptions, defaultPageSize: number): { start: number; size: number } {
  return { start: options.offset ?? options.skip ?? 0, size: Math.min(options.top ?? defaultPageSize, Math.max(defaultPageSize, MAX_TOP)) };
}

/** The absolute `@odata.nextLink` of the page starting at `end`: the original query with an opaque `$skiptoken`. */
export function nextPageLink(url: URL, end: number): string {
  const next = new URL(url);
  for (const key of [...next.searchParams.keys()]) {
    if (/^\$?(skiptoken|skip)$/i.test(key)) next.searchParams.delete(key);
  }
  next.searchParams.set('$skiptoken', encodeSkipToken(end));
  return `${next.origin}${next.pathname}?${queryString(next.searchParams)}`;
}

/** Cuts one page (see {@link pageBounds}) out of a full result, with a {@link nextPageLink} when more remain. */
export function pageOf<T>(items: readonly T[], options: QueryOptions, defaultPageSize: number, url: URL): Page<T> {
  const { start, size } = pageBounds(options, defaultPageSize);
  const end = start + size;
  const page = items.slice(start, end);
  return end >= items.length ? { items: page } : { items: page, nextLink: nextPageLink(url, end) };
}

/** A query string with literal `$` in option names, as Graph writes its links. */
function queryString(params: URLSearchParams): string {
  return [...params].map(([key, value]) => `${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%24/g, '$')}`).join('&');
}
