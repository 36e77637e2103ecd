/**
 * The storage of the plain baseline servers: one better-sqlite3 table of JSON documents, WAL and
 * synchronous=FULL like the reference server, statements prepared once, one transaction (one
 * fsync) per write.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Per collection, the object a create starts from: the body's properties replace its own, in place. */
export type Templates = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Lists and creates the JSON documents of a collection. */
export interface PlainStore {
  /** The `value` array of a collection as JSON text, in insertion order. */
  list(collection: string): string;
  /** Stores a document (the collection's template, the body's properties over it) with a new `id` and timestamps; returns it as JSON text. */
  create(collection: string, body: Record<string, unknown>): string;
}

/** Opens (or creates) the store in a database file. */
export function openPlainStore(file: string, templates: Templates = {}): PlainStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS documents (seq INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL)');
  db.exec('CREATE INDEX IF NOT EXISTS documents_collection ON documents (collection, seq)');
  const select = db.prepare<[string], { json: string }>('SELECT json FROM documents WHERE collection = ? ORDER BY seq');
  const insert = db.prepare<[string, string, string]>('INSERT INTO documents (collection, id, json) VALUES (?, ?, ?)');
  return {
    list: (collection) => `[${select.all(collection).map((row) => row.json).join(',')}]`,
    create: (collection, body) => {
      const now = new Date().toISOString();
      const id = randomUUID();
      const json = JSON.stringify({ ...templates[collection], ...body, id, createdDateTime: now, lastModifiedDateTime: now });
      insert.run(collection, id, json);
      return json;
    },
  };
}

/** The command line of a baseline server: `--port P --data FILE --token T [--templates FILE]` (a JSON file of {@link Templates}). */
export function serverArgs(argv: readonly string[]): { port: number; data: string; token: string; templates: Templates } {
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
  };
  const templates = value('templates', '');
  return {
    port: Number(value('port', '0')),
    data: value('data', 'plain.db'),
    token: value('token', 'bench-token'),
    templates: templates ? (JSON.parse(readFileSync(templates, 'utf8')) as Templates) : {},
  };
}
