/** One request the server answered. */
export interface RequestLogEntry {
  /** When the request was answered, ISO 8601 UTC. */
  readonly time: string;
  /** HTTP method. */
  readonly method: string;
  /** Path without query string. */
  readonly path: string;
  /** Path with ids replaced by `{id}`, e.g. `/beta/deviceAppManagement/mobileApps/{id}/assign`. */
  readonly template: string;
  /** Status of the response. */
  readonly status: number;
  /** Tenant of the request; `null` when it was not authenticated. */
  readonly tenantId: string | null;
  /** Time spent answering, in milliseconds (microsecond precision). */
  readonly durationMs: number;
}

/** A request as {@link RequestLog.record} takes it: the entry without what the log works out when it is read. */
export interface AnsweredRequest extends Omit<RequestLogEntry, 'time' | 'template'> {
  /** When the request was answered, in milliseconds since the epoch. */
  readonly answeredAt: number;
}

/** Requests per method and path template. */
export interface RequestCount {
  /** HTTP method. */
  readonly method: string;
  /** Path template, as in {@link RequestLogEntry.template}. */
  readonly template: string;
  /** Requests recorded since the last reset. */
  readonly count: number;
}

const ID_PARENTS = new Set([
  'appleUserInitiatedEnrollmentProfiles',
  'deviceEnrollmentConfigurations',
  'deviceConfigurations',
  'mobileApps',
  'managedDevices',
  'assignments',
  'groups',
  'users',
  'members',
]);

/** Templates of the paths seen lately: clients send the same paths again and again. */
const templates = new Map<string, string>();
const TEMPLATES_KEPT = 1000;

/** A request path with object ids replaced by `{id}`. */
export function pathTemplate(path: string): string {
  let template = templates.get(path);
  if (template === undefined) {
    const segments = path.split('/');
    template = segments.map((segment, index) => (index > 0 && ID_PARENTS.has(segments[index - 1] ?? '') && !segment.startsWith('$') ? '{id}' : segment)).join('/');
    if (templates.size >= TEMPLATES_KEPT) templates.clear();
    templates.set(path, template);
  }
  return template;
}

/** The request log: counts per method and path template since the last reset, and the latest entries. */
export class RequestLog {
  private readonly countsByKey = new Map<string, { -readonly [K in keyof RequestCount]: RequestCount[K] }>();
  private recent: AnsweredRequest[] = [];
  private totalCount = 0;

  constructor(private readonly capacity = 1000) {}

  /** Records an answered request. */
  record(request: AnsweredRequest): void {
    this.totalCount++;
    const template = pathTemplate(request.path);
    const key = `${request.method} ${template}`;
    const count = this.countsByKey.get(key);
    if (count) count.count++;
    else this.countsByKey.set(key, { method: request.method, template, count: 1 });
    this.recent.push(request);
    // Trimmed in bulk, so that recording stays constant time on average.
    if (this.recent.length >= 2 * this.capacity) this.recent = this.recent.slice(-this.capacity);
  }

  /** Requests recorded since the last reset. */
  get total(): number {
    return this.totalCount;
  }

  /** Counts per method and template, most frequent first. */
  counts(): RequestCount[] {
    return [...this.countsByKey.values()].map((count) => ({ ...count })).sort((a, b) => b.count - a.count || a.template.localeCompare(b.template));
  }

  /** The latest entries, oldest first. */
  entries(): readonly RequestLogEntry[] {
    return this.recent.slice(-this.capacity).map(({ answeredAt, method, path, ...rest }) => ({
      time: new Date(answeredAt).toISOString(),
      method,
      path,
      template: pathTemplate(path),
      ...rest,
    }));
  }

  /** Forgets everything. */
  clear(): void {
    this.countsByKey.clear();
    this.recent = [];
    this.totalCount = 0;
  }
}
