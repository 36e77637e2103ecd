import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { Backend } from '../engine';
import { readHintsFromJson, readHintsOf, readHintsToJson, rememberReadHints } from '../engine/read-hints';

/** Where the read hints are kept between runs, relative to the working directory. */
export const READ_HINTS_FILE = path.join('.enrollkit', 'read-hints.json');

/** At most this many tenants' hints are kept; the least recently written go first. */
const MAX_TENANTS = 50;

const FileSchema = z.strictObject({
  version: z.literal(1),
  tenants: z.record(z.string().max(1024), z.unknown()).refine((t) => Object.keys(t).length <= MAX_TENANTS),
});

/**
 * The read hints (engine `ReadHints`: the IDs of the tenant's tokens and groups) of each tenant a
 * command reached, kept in `.enrollkit/read-hints.json` of the working directory so that the next
 * run reads in one round of round trips what a first run reads in two. The file holds IDs only,
 * no secret. It is a cache and input from outside: a missing, unreadable or malformed file, or a
 * malformed entry, gives no hints, and a hint is used only where the read confirms it.
 */
export class ReadHintsFile {
  private readonly file: string;
  private readonly keys = new Map<Backend, string>();

  constructor(cwd: string) {
    this.file = path.join(cwd, READ_HINTS_FILE);
  }

  /** Gives the backend the hints kept under its key (its settings and its tenant), if any. */
  give(backend: Backend, key: string): void {
    this.keys.set(backend, key);
    const hints = readHintsFromJson(this.read().get(key));
    if (hints) rememberReadHints(backend, hints);
  }

  /** Keeps the hints of the last read through each backend given; a file that cannot be written is left as it was. */
  keep(): void {
    const tenants = this.read();
    let changed = false;
    for (const [backend, key] of this.keys) {
      const hints = readHintsOf(backend);
      if (!hints) continue;
      const json = readHintsToJson(hints);
      if (JSON.stringify(tenants.get(key)) === JSON.stringify(json)) continue;
      tenants.delete(key);
      tenants.set(key, json);
      changed = true;
    }
    if (!changed) return;
    const kept = Object.fromEntries([...tenants].slice(-MAX_TENANTS));
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, `${JSON.stringify({ version: 1, tenants: kept }, null, 2)}\n`);
      fs.renameSync(temporary, this.file);
    } catch {
      // A cache: a read-only working directory only costs the next run a round of round trips.
      fs.rmSync(temporary, { force: true });
    }
  }

  private read(): Map<string, unknown> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return new Map(parsed.success ? Object.entries(parsed.data.tenants) : []);
    } catch {
      return new Map();
    }
  }
}
