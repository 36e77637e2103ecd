import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../model';

/** The optional peer dependencies `enrollkit/cdktf` needs, with the ranges enrollkit supports. */
function peerRanges(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
  return manifest.peerDependencies ?? {};
}

/**
 * Throws a `UsageError` naming the install command when a peer of `enrollkit/cdktf` (`cdktf`,
 * `@cdktf/provider-azuread`) cannot be resolved; the rest of enrollkit runs without them.
 */
export function requirePeers(): void {
  const ranges = peerRanges();
  const missing = Object.keys(ranges).filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const install = Object.entries(ranges).map(([name, range]) => `${name}@${range}`).join(' ');
  throw new UsageError(
    `enrollkit/cdktf needs the optional peer dependencies ${Object.keys(ranges).join(' and ')}, and ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not installed. Fix: npm install ${install} (or import App from 'enrollkit' when the app declares no Terraform resources)`,
  );
}

requirePeers();
