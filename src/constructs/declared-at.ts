import * as path from 'node:path';

/** enrollkit's own compiled or source directory: frames inside it are not the app's. */
const OWN_DIR = path.resolve(__dirname, '..');
const FRAME = /\(?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?$/;

/**
 * Where the app created the construct being built: `file:line` of the first stack frame outside
 * enrollkit, `constructs` and Node's internals, relative to the working directory; undefined when
 * the stack trace does not show it.
 */
export function declaredAt(): string | undefined {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    const match = FRAME.exec(frame.trim());
    if (!match?.[1] || !match[2]) continue;
    const file = match[1].startsWith('file://') ? new URL(match[1]).pathname : match[1];
    if (!path.isAbsolute(file) || file.startsWith(OWN_DIR + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return `${path.relative(process.cwd(), file) || file}:${match[2]}`;
  }
  return undefined;
}
