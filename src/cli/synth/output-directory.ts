import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../model';

/** The path with symbolic links resolved as far as it exists (the rest appended as given). */
function realPath(target: string): string {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...missing.reverse());
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Refuses an output directory that synth must not clear: the file system root, the home
 * directory, the app's own directory or any directory above it. Synth removes `<output>/stacks`
 * and `<output>/manifest.json` before each run, so the output must be a directory of its own.
 */
export function checkOutputDirectory(outdir: string, appDir: string): void {
  const out = realPath(outdir);
  const app = realPath(appDir);
  const what =
    path.dirname(out) === out ? 'the root of the file system' : out === realPath(os.homedir()) ? 'your home directory' : isWithin(app, out) ? (out === app ? "the app's own directory" : "a directory above the app's") : undefined;
  if (what === undefined) return;
  throw new UsageError(
    `the output directory ${outdir} is ${what}; synth clears its stacks/ and manifest.json before each run, so it would delete files that are not its own. Fix: set "output" in cdktf.json to a directory of its own inside the app, such as "cdktf.out"`,
  );
}
