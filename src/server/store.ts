import Database from 'better-sqlite3';
import { DELEGATED_ADMIN, type TokenGrant } from './token-grant';
import { type FileSync, WalSync } from './wal-sync';
import type { CloudName } from '../model';

/** A tenant's cloud: decides the host of its service discovery `BaseURL`. */
export type Cloud = CloudName;

/** A tenant of the reference server. */
export interface TenantRecord {
  /** Entra tenant id (GUID). */
  readonly id: string;
  /** Cloud of the tenant. */
  readonly cloud: Cloud;
  /** Domains whose service discovery file the server answers for this tenant. */
  readonly domains: readonly string[];
  /** The organization's name, as Graph's `organization.displayName` gives it. */
  readonly displayName: string;
}

/** One stored object: an Intune entity, a group or a user. */
export interface EntityRecord {
  /** Tenant owning the object. */
  readonly tenantId: string;
  /** Entity set name, e.g. `deviceEnrollmentConfigurations`, `groups`. */
  readonly collection: string;
  /** Graph `id` of the object. */
  readonly id: string;
  /** Graph type name without namespace, e.g. `iosStoreApp`. */
  readonly type: string;
  /** Every wire property of the object except `@odata.type`. */
  readonly data: Record<string, unknown>;
  /** Sequence the priority belongs to, `null` for objects without priority. */
  readonly priorityClass: string | null;
  /** Priority within that sequence, `null` for objects without priority. */
  readonly priority: number | null;
  /** Secondary unique lookup key, e.g. a user's `userPrincipalName`. */
  readonly lookupKey: string | null;
}

/** One stored assignment of an Intune object. */
export interface AssignmentRecord {
  /** Tenant owning the assigned object. */
  readonly tenantId: string;
  /** Entity set of the assigned object. */
  readonly collection: string;
  /** Id of the assigned object. */
  readonly parentId: string;
  /** Graph `id` of the assignment. */
  readonly id: string;
  /** Every wire property of the assignment. */
  readonly data: Record<string, unknown>;
}

/** The tenant a bearer token belongs to and what it may do. */
export interface TokenOwner {
  /** Tenant of the token. */
  readonly tenantId: string;
  /** What the token may do. */
  readonly grant: TokenGrant;
}

/** Which objects of a collection to read: those with a display name or lookup key (case-insensitive), or all. */
export interface EntityFilter {
  /** Display name. */
  readonly displayName?: string;
  /** Lookup key, e.g. a user's `userPrincipalName`. */
  readonly lookupKey?: string;
}

interface EntityRow {
  tenant_id: string;
  collection: string;
  id: string;
  type: string;
  json: string;
  priority_class: string | null;
  priority: number | null;
  lookup_key: string | null;
}

interface AssignmentRow {
  tenant_id: string;
  collection: string;
  parent_id: string;
  id: string;
  json: string;
}

/**
 * Collections whose objects clients look up by display name (groups by the engine's read, web links
 * in `mobileApps`, users by name): only their objects are in the display-name index, so that
 * creating any other object writes one index fewer. A display-name filter on another collection
 * reads the collection's objects instead.
 */
const NAMED_COLLECTIONS = ['groups', 'users', 'mobileApps'];
const IN_NAMED_COLLECTIONS = `collection IN (${NAMED_COLLECTIONS.map((name) => `'${name}'`).join(', ')})`;

/**
 * The tables of schema versions 1 and 2, which {@link createTables} makes: later versions change
 * them by migrations. Objects and assignments are ordered by `seq`, their rowid: a new row gets the
 * highest plus one, so it is creation order without an `AUTOINCREMENT` counter to write on every insert.
 */
const TABLES_OF_VERSION_1 = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, cloud TEXT NOT NULL, apns TEXT, display_name TEXT);
CREATE TABLE IF NOT EXISTS domains (domain TEXT PRIMARY KEY COLLATE NOCASE, tenant_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, grant_json TEXT);
CREATE TABLE IF NOT EXISTS entities (
  seq INTEGER PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  display_name TEXT COLLATE NOCASE,
  lookup_key TEXT COLLATE NOCASE,
  priority_class TEXT,
  priority INTEGER,
  created TEXT,
  modified TEXT,
  json TEXT NOT NULL,
  UNIQUE (tenant_id, collection, id)
);
CREATE INDEX IF NOT EXISTS entities_in_order ON entities (tenant_id, collection, seq);
CREATE INDEX IF NOT EXISTS entities_by_name ON entities (tenant_id, collection, display_name) WHERE ${IN_NAMED_COLLECTIONS};
-- Partial indexes: most objects have no lookup key or priority, and an insert touches only the indexes it is in.
CREATE INDEX IF NOT EXISTS entities_with_lookup_key ON entities (tenant_id, collection, lookup_key) WHERE lookup_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_with_priority ON entities (tenant_id, collection, priority_class, priority) WHERE priority_class IS NOT NULL;
CREATE TABLE IF NOT EXISTS assignments (
  seq INTEGER PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  id TEXT NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (tenant_id, collection, parent_id, id)
);
CREATE TABLE IF NOT EXISTS members (
  tenant_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  PRIMARY KEY (tenant_id, group_id, member_id)
);
CREATE INDEX IF NOT EXISTS members_by_member ON members (tenant_id, member_id);
`;

/** The organization name of a tenant created without one. */
export function defaultTenantName(tenantId: string): string {
  return `Reference tenant ${tenantId.slice(0, 8)}`;
}

const ENTITY_COLUMNS = 'tenant_id, collection, id, type, json, priority_class, priority, lookup_key';

/** How every stored JSON text of an object starts: with its `@odata.type`, as Graph answers it. */
const ODATA_TYPE = '{"@odata.type":"#microsoft.graph.';

/**
 * The JSON text an object is stored as: Graph's JSON of it without `$select`, `@odata.type` first,
 * then its properties, so that lists answer with the stored text as it is.
 */
function storedJson(type: string, data: Record<string, unknown>): string {
  const properties = JSON.stringify(data);
  return `${ODATA_TYPE}${type}"${properties.length > 2 ? `,${properties.slice(1)}` : '}'}`;
}

/** {@link storedJson} in SQL, of the type and the JSON text of a file of version 1 or older, which held the properties alone. */
const STORED_JSON_OF_PROPERTIES = `'${ODATA_TYPE}' || type || '"' || iif(length(json) > 2, ',' || substr(json, 2), '}')`;

/**
 * SQL of an object's stored JSON text with the priority column in place of the stored `priority`.
 * The stored text is `JSON.stringify` output, which SQLite's `json_set` keeps as it is apart from
 * the value it sets.
 */
const WIRE_JSON = `iif(priority IS NULL, json, json_set(json, '$.priority', priority))`;

/**
 * Creates the tables in a new file or one of version 0 (written before files had versions). The
 * objects and assignments of a version 0 file are copied into the new tables with their `seq`, so
 * their order stays (their old tables had `AUTOINCREMENT`, and a display-name index of every
 * collection); columns added to version 0 files over time (token grants, tenant names) are added
 * when missing.
 */
function createTables(db: Database.Database): void {
  const exists = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const columnsOf = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
  const older = ['entities', 'assignments'].filter(exists);
  for (const table of older) {
    // Index names belong to the file: the old ones go before the new tables' indexes take them.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(table) as string[];
    for (const index of indexes) db.exec(`DROP INDEX "${index}"`);
    db.exec(`ALTER TABLE ${table} RENAME TO ${table}_version0`);
  }
  db.exec(TABLES_OF_VERSION_1);
  if (!columnsOf('tokens').includes('grant_json')) db.exec('ALTER TABLE tokens ADD COLUMN grant_json TEXT');
  if (!columnsOf('tenants').includes('display_name')) db.exec('ALTER TABLE tenants ADD COLUMN display_name TEXT');
  for (const table of older) {
    const columns = columnsOf(`${table}_version0`).join(', ');
    db.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_version0 ORDER BY seq; DROP TABLE ${table}_version0`);
  }
  if (exists('sqlite_sequence')) db.exec("DELETE FROM sqlite_sequence WHERE name IN ('entities', 'assignments')");
}

/** The indexes of objects from schema version 3: keyed by partition, a number a few bytes long. */
const ENTITY_INDEXES = `
CREATE INDEX entities_in_order ON entities (part, seq);
CREATE INDEX entities_by_name ON entities (part, display_name) WHERE ${IN_NAMED_COLLECTIONS};
CREATE INDEX entities_with_lookup_key ON entities (part, lookup_key) WHERE lookup_key IS NOT NULL;
CREATE INDEX entities_with_priority ON entities (part, priority_class, priority) WHERE priority_class IS NOT NULL;
`;

/**
 * Schema version 3: each object belongs to a partition, one tenant's collection, numbered in the
 * `partitions` table, and the indexes of objects are keyed by that number instead of the tenant's
 * id and the collection's name (some 60 bytes an entry), so that an insert splits index pages
 * less often and writes fewer pages to the log. The creation and modification times, which were
 * never read (the stored JSON holds them), are dropped.
 */
function partitionEntities(db: Database.Database): void {
  db.exec(`
CREATE TABLE partitions (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, collection TEXT NOT NULL, UNIQUE (tenant_id, collection));
INSERT INTO partitions (tenant_id, collection) SELECT tenant_id, collection FROM entities GROUP BY tenant_id, collection ORDER BY min(seq);
DROP INDEX IF EXISTS entities_in_order;
DROP INDEX IF EXISTS entities_by_name;
DROP INDEX IF EXISTS entities_with_lookup_key;
DROP INDEX IF EXISTS entities_with_priority;
ALTER TABLE entities RENAME TO entities_version2;
CREATE TABLE entities (
  seq INTEGER PRIMARY KEY,
  part INTEGER NOT NULL,
  tenant_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  display_name TEXT COLLATE NOCASE,
  lookup_key TEXT COLLATE NOCASE,
  priority_class TEXT,
  priority INTEGER,
  json TEXT NOT NULL,
  UNIQUE (part, id)
);
INSERT INTO entities (seq, part, tenant_id, collection, id, type, display_name, lookup_key, priority_class, priority, json)
  SELECT e.seq, p.id, e.tenant_id, e.collection, e.id, e.type, e.display_name, e.lookup_key, e.priority_class, e.priority, e.json
  FROM entities_version2 e JOIN partitions p ON p.tenant_id = e.tenant_id AND p.collection = e.collection ORDER BY e.seq;
DROP TABLE entities_version2;
${ENTITY_INDEXES}`);
}

/**
 * What brings a file of each schema version (`PRAGMA user_version`, the index here) to the next
 * one; the last version is the one this code writes. Files are migrated when they are opened (a
 * new file is made as version 1 and migrated too).
 */
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  createTables,
  // Objects are stored in the form of `storedJson`, `@odata.type` first.
  (db) => db.exec(`UPDATE entities SET json = ${STORED_JSON_OF_PROPERTIES}`),
  partitionEntities,
];

/** The schema version this code writes. */
const SCHEMA_VERSION = MIGRATIONS.length;

/** Wire properties from their stored JSON; the priority column is the truth (renumbering a sequence updates only the column). */
function wireData(type: string, json: string, priority: number | null): Record<string, unknown> {
  // After the type's closing quote: `,` and the properties, or the closing brace of an object without any.
  const end = ODATA_TYPE.length + type.length + 1;
  const data = JSON.parse(json[end] === ',' ? `{${json.slice(end + 1)}` : '{}') as Record<string, unknown>;
  if (priority !== null) data['priority'] = priority;
  return data;
}

/**
 * A stored object whose wire properties stay JSON text until they are read: a list can filter
 * on the type and answer with the stored text without parsing every object.
 */
export class StoredEntity {
  private parsed: Record<string, unknown> | undefined;

  constructor(
    /** Graph `id`. */
    readonly id: string,
    /** Graph type name without namespace. */
    readonly type: string,
    /** Priority column, `null` for objects without priority. */
    readonly priority: number | null,
    /** Graph's JSON of the object as stored, `@odata.type` first (its `priority` may be stale: the column wins). */
    readonly json: string,
  ) {}

  /** The wire properties, parsed on first use. */
  get data(): Record<string, unknown> {
    this.parsed ??= wireData(this.type, this.json, this.priority);
    return this.parsed;
  }
}

function toEntity(row: EntityRow): EntityRecord {
  return {
    tenantId: row.tenant_id,
    collection: row.collection,
    id: row.id,
    type: row.type,
    data: wireData(row.type, row.json, row.priority),
    priorityClass: row.priority_class,
    priority: row.priority,
    lookupKey: row.lookup_key,
  };
}

function toAssignment(row: AssignmentRow): AssignmentRecord {
  return {
    tenantId: row.tenant_id,
    collection: row.collection,
    parentId: row.parent_id,
    id: row.id,
    data: JSON.parse(row.json) as Record<string, unknown>,
  };
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The reference server's storage: one SQLite database (a file in WAL mode, or `:memory:`).
 * Every method is synchronous; callers group the writes of one request with {@link Store.transaction}.
 * A commit does not wait for the disk: {@link Store.commits} makes commits durable, and every
 * request waits for it before it is answered.
 */
export class Store {
  /** The underlying database connection. */
  readonly db: Database.Database;
  /** Makes the commits durable: requests wait for it, writes made outside requests call its `flush`. */
  readonly commits: WalSync;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tokenOwners = new Map<string, TokenOwner>();
  /** Partition numbers by tenant, then collection, of partitions found or made outside a transaction (which could still roll back). */
  private readonly partitions = new Map<string, Map<string, number>>();
  /** One transaction function for every call: better-sqlite3 builds a transaction function at a cost. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;

  /**
   * @param file the database file, or `:memory:`
   * @param fileSync how the write-ahead log is flushed
   */
  constructor(file: string, fileSync?: FileSync) {
    this.db = new Database(file);
    const inMemory = this.db.memory || this.db.pragma('journal_mode = WAL', { simple: true }) !== 'wal';
    // NORMAL: a commit is written to the log without waiting for the disk; the log is flushed
    // before a response leaves (see WalSync), so an acknowledged write survives a killed process
    // and a lost machine alike. Checkpoints flush the log and the file themselves.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const changes = this.db.prepare('SELECT total_changes()').pluck();
    this.commits = new WalSync(inMemory ? undefined : `${this.db.name}-wal`, () => changes.get() as number, fileSync);
    this.migrate();
    this.commits.flush();
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  /** Creates the schema in a new file, or brings an older file's up to {@link SCHEMA_VERSION}, in one transaction. */
  private migrate(): void {
    this.db.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new Error(`the database has schema version ${version}, newer than this enrollkit's ${SCHEMA_VERSION}: use a newer enrollkit or another file`);
      for (const migration of MIGRATIONS.slice(version)) migration(this.db);
      if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }

  /** The prepared statement of some SQL, prepared on first use; `pluck` ones return the first column of each row. */
  private statement(sql: string, { pluck = false } = {}): Database.Statement {
    const key = pluck ? `pluck:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (pluck) statement.pluck(true);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.runInTransaction(fn) as T;
  }

  /** Makes every commit durable and closes the database. */
  close(): void {
    if (!this.db.open) return;
    this.commits.flush();
    this.commits.close();
    this.db.close();
  }

  /** A server-wide setting, e.g. the admin token. */
  getSetting(key: string): string | undefined {
    const row = this.statement('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Sets a server-wide setting. */
  setSetting(key: string, value: string): void {
    this.statement('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Adds a tenant. */
  insertTenant(tenant: TenantRecord): void {
    this.statement('INSERT INTO tenants (id, cloud, display_name) VALUES (?, ?, ?)').run(tenant.id, tenant.cloud, tenant.displayName);
    this.setDomains(tenant.id, tenant.domains);
  }

  /** Changes a tenant's cloud. */
  setCloud(tenantId: string, cloud: Cloud): void {
    this.statement('UPDATE tenants SET cloud = ? WHERE id = ?').run(cloud, tenantId);
  }

  /** Renames a tenant's organization. */
  setDisplayName(tenantId: string, displayName: string): void {
    this.statement('UPDATE tenants SET display_name = ? WHERE id = ?').run(displayName, tenantId);
  }

  /** Replaces a tenant's domains. */
  setDomains(tenantId: string, domains: readonly string[]): void {
    this.statement('DELETE FROM domains WHERE tenant_id = ?').run(tenantId);
    const insert = this.statement('INSERT INTO domains (domain, tenant_id) VALUES (?, ?)');
    for (const domain of domains) insert.run(domain.toLowerCase(), tenantId);
  }

  /** A tenant by id. */
  getTenant(id: string): TenantRecord | undefined {
    const row = this.statement('SELECT id, cloud, display_name FROM tenants WHERE id = ?').get(id) as { id: string; cloud: Cloud; display_name: string | null } | undefined;
    if (!row) return undefined;
    const domains = (this.statement('SELECT domain FROM domains WHERE tenant_id = ? ORDER BY domain').all(id) as { domain: string }[]).map(
      (d) => d.domain,
    );
    return { id: row.id, cloud: row.cloud, domains, displayName: row.display_name ?? defaultTenantName(row.id) };
  }

  /** Every tenant. */
  listTenants(): TenantRecord[] {
    const ids = this.statement('SELECT id FROM tenants ORDER BY rowid').all() as { id: string }[];
    return ids.flatMap(({ id }) => this.getTenant(id) ?? []);
  }

  /** The tenant owning a domain. */
  tenantIdForDomain(domain: string): string | undefined {
    const row = this.statement('SELECT tenant_id FROM domains WHERE domain = ?').get(domain.toLowerCase()) as { tenant_id: string } | undefined;
    return row?.tenant_id;
  }

  /** Adds a bearer token for a tenant, with what it may do ({@link DELEGATED_ADMIN} when absent). */
  insertToken(tenantId: string, token: string, grant?: TokenGrant): void {
    this.statement('INSERT INTO tokens (token, tenant_id, grant_json) VALUES (?, ?, ?)').run(token, tenantId, grant === undefined ? null : JSON.stringify(grant));
  }

  /**
   * The tenant a bearer token belongs to and what it may do. Tokens are never changed or deleted,
   * so a token found once (outside a transaction, which could still roll back) is remembered and
   * later requests with it do not read the database.
   */
  tokenOwner(token: string): TokenOwner | undefined {
    const known = this.tokenOwners.get(token);
    if (known) return known;
    const row = this.statement('SELECT tenant_id, grant_json FROM tokens WHERE token = ?').get(token) as { tenant_id: string; grant_json: string | null } | undefined;
    if (!row) return undefined;
    const owner = { tenantId: row.tenant_id, grant: row.grant_json === null ? DELEGATED_ADMIN : (JSON.parse(row.grant_json) as TokenGrant) };
    if (!this.db.inTransaction) this.tokenOwners.set(token, owner);
    return owner;
  }

  /** The tenant a bearer token belongs to. */
  tenantIdForToken(token: string): string | undefined {
    return this.tokenOwner(token)?.tenantId;
  }

  /** The first token issued for a tenant. */
  firstToken(tenantId: string): string | undefined {
    const row = this.statement('SELECT token FROM tokens WHERE tenant_id = ? ORDER BY rowid LIMIT 1').get(tenantId) as { token: string } | undefined;
    return row?.token;
  }

  /** The tenant's APNs certificate (wire properties), `null` when it has none. */
  getApns(tenantId: string): Record<string, unknown> | null {
    const row = this.statement('SELECT apns FROM tenants WHERE id = ?').get(tenantId) as { apns: string | null } | undefined;
    return row?.apns ? (JSON.parse(row.apns) as Record<string, unknown>) : null;
  }

  /** Sets or removes the tenant's APNs certificate. */
  setApns(tenantId: string, apns: Record<string, unknown> | null): void {
    this.statement('UPDATE tenants SET apns = ? WHERE id = ?').run(apns === null ? null : JSON.stringify(apns), tenantId);
  }

  /**
   * The number of a tenant's collection, the key of its objects in every index; 0, which no
   * partition has, when it has never held an object. Partitions are never removed or renumbered.
   */
  private partition(tenantId: string, collection: string): number {
    const known = this.partitions.get(tenantId)?.get(collection);
    if (known !== undefined) return known;
    const found = this.statement('SELECT id FROM partitions WHERE tenant_id = ? AND collection = ?', { pluck: true }).get(tenantId, collection) as number | undefined;
    if (found === undefined) return 0;
    this.remember(tenantId, collection, found);
    return found;
  }

  /** {@link partition}, made when the collection has none yet (another process on the file may have just made it). */
  private partitionToWrite(tenantId: string, collection: string): number {
    const found = this.partition(tenantId, collection);
    if (found !== 0) return found;
    this.statement('INSERT INTO partitions (tenant_id, collection) VALUES (?, ?) ON CONFLICT (tenant_id, collection) DO NOTHING').run(tenantId, collection);
    return this.partition(tenantId, collection);
  }

  /** Keeps a partition's number, unless a transaction that could still roll back is under way. */
  private remember(tenantId: string, collection: string, partition: number): void {
    if (this.db.inTransaction) return;
    let byCollection = this.partitions.get(tenantId);
    if (!byCollection) this.partitions.set(tenantId, (byCollection = new Map()));
    byCollection.set(collection, partition);
  }

  /** The condition of the objects of a collection that {@link EntityFilter} picks, and its parameters. */
  private entityCondition(tenantId: string, collection: string, where: EntityFilter): { condition: string; params: unknown[] } {
    let condition = 'part = ?';
    const params: unknown[] = [this.partition(tenantId, collection)];
    if (where.displayName !== undefined) {
      // The display-name index holds the named collections only; SQLite uses it when the query names its condition.
      if (NAMED_COLLECTIONS.includes(collection)) condition += ` AND ${IN_NAMED_COLLECTIONS}`;
      condition += ' AND display_name = ?';
      params.push(where.displayName);
    }
    if (where.lookupKey !== undefined) {
      condition += ' AND lookup_key = ?';
      params.push(where.lookupKey);
    }
    return { condition, params };
  }

  /** Rows of {@link entityCondition} in creation order, all or `limit` from `offset`. */
  private entitiesInOrder(columns: string, tenantId: string, collection: string, where: EntityFilter, range?: { offset: number; limit: number }, pluck = false): unknown[] {
    const { condition, params } = this.entityCondition(tenantId, collection, where);
    // A bare parameter in LIMIT or OFFSET makes SQLite prepare the statement again at every run, for a plan of its value (6-8 µs).
    const sql = `SELECT ${columns} FROM entities WHERE ${condition} ORDER BY seq${range ? ' LIMIT CAST(? AS INTEGER) OFFSET CAST(? AS INTEGER)' : ''}`;
    return this.statement(sql, { pluck }).all(...params, ...(range ? [range.limit, range.offset] : []));
  }

  /** Objects of a collection in creation order, optionally only those with a display name or lookup key (case-insensitive). */
  listEntities(tenantId: string, collection: string, where: EntityFilter = {}): EntityRecord[] {
    return (this.entitiesInOrder(ENTITY_COLUMNS, tenantId, collection, where) as EntityRow[]).map(toEntity);
  }

  /**
   * Objects of a collection in creation order as stored, unparsed (see {@link StoredEntity}):
   * all of them, or `limit` from `offset`.
   */
  listStoredEntities(tenantId: string, collection: string, where: EntityFilter = {}, range?: { offset: number; limit: number }): StoredEntity[] {
    const rows = this.entitiesInOrder('id, type, priority, json', tenantId, collection, where, range) as Pick<EntityRow, 'id' | 'type' | 'priority' | 'json'>[];
    return rows.map((row) => new StoredEntity(row.id, row.type, row.priority, row.json));
  }

  /**
   * Objects of a collection in creation order as Graph answers them without `$select`, each as
   * its stored JSON text, unparsed, with the priority column in place of the stored `priority`.
   * `limit` from `offset`. Each row is one text column: rows of several columns cost more than the
   * rest of a list request.
   */
  listWireJson(tenantId: string, collection: string, where: EntityFilter, range: { offset: number; limit: number }): string[] {
    return this.entitiesInOrder(WIRE_JSON, tenantId, collection, where, range, true) as string[];
  }

  /** How many objects of a collection match (see {@link listEntities}). */
  countEntities(tenantId: string, collection: string, where: EntityFilter = {}): number {
    const { condition, params } = this.entityCondition(tenantId, collection, where);
    return (this.statement(`SELECT COUNT(*) AS n FROM entities WHERE ${condition}`).get(...params) as { n: number }).n;
  }

  /** Objects of one priority sequence, by priority. */
  listByPriority(tenantId: string, collection: string, priorityClass: string): EntityRecord[] {
    const rows = this.statement(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE part = ? AND priority_class = ? ORDER BY priority, seq`).all(
      this.partition(tenantId, collection),
      priorityClass,
    ) as EntityRow[];
    return rows.map(toEntity);
  }

  /** How many objects of one priority sequence have an id that does not start with `excludedIdPrefix`. */
  countByPriority(tenantId: string, collection: string, priorityClass: string, excludedIdPrefix: string): number {
    const row = this.statement('SELECT COUNT(*) AS n FROM entities WHERE part = ? AND priority_class = ? AND substr(id, 1, ?) <> ?').get(
      this.partition(tenantId, collection),
      priorityClass,
      excludedIdPrefix.length,
      excludedIdPrefix,
    ) as { n: number };
    return row.n;
  }

  /** One object by id. */
  getEntity(tenantId: string, collection: string, id: string): EntityRecord | undefined {
    const row = this.statement(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE part = ? AND id = ?`).get(this.partition(tenantId, collection), id) as EntityRow | undefined;
    return row ? toEntity(row) : undefined;
  }

  /** Inserts or replaces an object; returns the JSON text it is stored as: Graph's JSON of it, `@odata.type` first. */
  putEntity(entity: EntityRecord): string {
    const json = storedJson(entity.type, entity.data);
    this.statement(
      `INSERT INTO entities (part, tenant_id, collection, id, type, display_name, lookup_key, priority_class, priority, json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (part, id) DO UPDATE SET
         type = excluded.type, display_name = excluded.display_name, lookup_key = excluded.lookup_key,
         priority_class = excluded.priority_class, priority = excluded.priority, json = excluded.json`,
    ).run(
      this.partitionToWrite(entity.tenantId, entity.collection),
      entity.tenantId,
      entity.collection,
      entity.id,
      entity.type,
      textOrNull(entity.data['displayName']),
      entity.lookupKey,
      entity.priorityClass,
      entity.priority,
      json,
    );
    return json;
  }

  /** Deletes an object with its assignments and memberships. */
  deleteEntity(tenantId: string, collection: string, id: string): void {
    this.statement('DELETE FROM entities WHERE part = ? AND id = ?').run(this.partition(tenantId, collection), id);
    this.statement('DELETE FROM assignments WHERE tenant_id = ? AND collection = ? AND parent_id = ?').run(tenantId, collection, id);
    this.statement('DELETE FROM members WHERE tenant_id = ? AND (group_id = ? OR member_id = ?)').run(tenantId, id, id);
  }

  /** Assignments of one object, in creation order. */
  listAssignments(tenantId: string, collection: string, parentId: string): AssignmentRecord[] {
    const rows = this.statement('SELECT tenant_id, collection, parent_id, id, json FROM assignments WHERE tenant_id = ? AND collection = ? AND parent_id = ? ORDER BY seq').all(
      tenantId,
      collection,
      parentId,
    ) as AssignmentRow[];
    return rows.map(toAssignment);
  }

  /** Assignments of every object of a collection, grouped by object id. */
  assignmentsByParent(tenantId: string, collection: string): Map<string, AssignmentRecord[]> {
    const rows = this.statement('SELECT tenant_id, collection, parent_id, id, json FROM assignments WHERE tenant_id = ? AND collection = ? ORDER BY seq').all(
      tenantId,
      collection,
    ) as AssignmentRow[];
    const byParent = new Map<string, AssignmentRecord[]>();
    for (const row of rows) {
      const list = byParent.get(row.parent_id) ?? [];
      list.push(toAssignment(row));
      byParent.set(row.parent_id, list);
    }
    return byParent;
  }

  /** The stored JSON of the assignments of the given objects, by object id, in creation order. */
  assignmentJsonOf(tenantId: string, collection: string, parentIds: readonly string[]): Map<string, string[]> {
    const rows = this.statement(
      'SELECT parent_id, json FROM assignments WHERE tenant_id = ? AND collection = ? AND parent_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
    ).all(tenantId, collection, JSON.stringify(parentIds)) as Pick<AssignmentRow, 'parent_id' | 'json'>[];
    const byParent = new Map<string, string[]>();
    for (const row of rows) {
      const list = byParent.get(row.parent_id);
      if (list) list.push(row.json);
      else byParent.set(row.parent_id, [row.json]);
    }
    return byParent;
  }

  /** Inserts or replaces an assignment. */
  putAssignment(assignment: AssignmentRecord): void {
    this.statement(
      `INSERT INTO assignments (tenant_id, collection, parent_id, id, json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, collection, parent_id, id) DO UPDATE SET json = excluded.json`,
    ).run(assignment.tenantId, assignment.collection, assignment.parentId, assignment.id, JSON.stringify(assignment.data));
  }

  /** Deletes one assignment, or all of an object's assignments when `id` is omitted. */
  deleteAssignments(tenantId: string, collection: string, parentId: string, id?: string): void {
    if (id === undefined) {
      this.statement('DELETE FROM assignments WHERE tenant_id = ? AND collection = ? AND parent_id = ?').run(tenantId, collection, parentId);
    } else {
      this.statement('DELETE FROM assignments WHERE tenant_id = ? AND collection = ? AND parent_id = ? AND id = ?').run(tenantId, collection, parentId, id);
    }
  }

  /** Adds a member to a group; false when it already was one. */
  addMember(tenantId: string, groupId: string, memberId: string): boolean {
    const result = this.statement('INSERT OR IGNORE INTO members (tenant_id, group_id, member_id) VALUES (?, ?, ?)').run(tenantId, groupId, memberId);
    return result.changes > 0;
  }

  /** Removes a member from a group; false when it was not one. */
  removeMember(tenantId: string, groupId: string, memberId: string): boolean {
    const result = this.statement('DELETE FROM members WHERE tenant_id = ? AND group_id = ? AND member_id = ?').run(tenantId, groupId, memberId);
    return result.changes > 0;
  }

  /** Ids of a group's direct members, in the order they were added. */
  memberIds(tenantId: string, groupId: string): string[] {
    const rows = this.statement('SELECT member_id FROM members WHERE tenant_id = ? AND group_id = ? ORDER BY rowid').all(tenantId, groupId) as {
      member_id: string;
    }[];
    return rows.map((r) => r.member_id);
  }

  /** Ids of the groups an object is a direct member of. */
  groupIdsOf(tenantId: string, memberId: string): string[] {
    const rows = this.statement('SELECT group_id FROM members WHERE tenant_id = ? AND member_id = ? ORDER BY rowid').all(tenantId, memberId) as {
      group_id: string;
    }[];
    return rows.map((r) => r.group_id);
  }
}
