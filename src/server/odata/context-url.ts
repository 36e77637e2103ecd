import type { ApiVersion } from './query-options';

/** Shape of an `@odata.context` URL. */
export interface ContextOptions {
  /** `$select`ed properties, rendered as `(a,b)`. */
  readonly select?: readonly string[];
  /** Expanded navigation properties, rendered as `(nav())`. */
  readonly expand?: readonly string[];
  /** A single entity (`/$entity`). */
  readonly entity?: boolean;
}

/** The `@odata.context` of a response, e.g. `https://graph.microsoft.com/beta/$metadata#groups/$entity`. */
export function contextUrl(version: ApiVersion, path: string, options: ContextOptions = {}): string {
  const projection = [...(options.select ?? []), ...(options.expand ?? []).map((name) => `${name}()`)];
  const suffix = projection.length > 0 ? `(${projection.join(',')})` : '';
  return `https://graph.microsoft.com/${version}/$metadata#${path}${suffix}${options.entity ? '/$entity' : ''}`;
}
