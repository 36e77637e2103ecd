import { Option, type Command } from 'commander';
import type { BackendFlags } from './open-backend';

/** Adds the backend options (`--backend`, `--url`, `--token`, `--cloud`) to a command. */
export function addBackendOptions(command: Command): Command {
  return command
    .addOption(new Option('--backend <backend>', 'tenant to talk to (default: ENROLLKIT_BACKEND, else embedded)').choices(['embedded', 'reference', 'graph']))
    .option('--url <url>', 'reference server URL (default: ENROLLKIT_URL)')
    .option('--token <token>', 'reference server token (default: ENROLLKIT_TOKEN)')
    .addOption(new Option('--cloud <cloud>', 'Microsoft cloud of the graph backend').choices(['public', 'usgov', 'china']));
}

/** The backend flags out of a command's parsed options. */
export function backendFlags(options: Record<string, unknown>): BackendFlags {
  const pick = (key: string) => (typeof options[key] === 'string' ? { [key]: options[key] as string } : {});
  return { ...pick('backend'), ...pick('url'), ...pick('token'), ...pick('cloud') };
}

/**
 * `--environment`: the commands that name a tenant rather than plan a stack (`unlock`, `import`,
 * `simulate`) reach an environment of `cdktf.json` with its own credentials, its tenant checked.
 */
export function environmentOption(): Option {
  return new Option('--environment <name>', "the environment of cdktf.json whose tenant to use, with its credentials (variables prefixed with its name); its tenant is checked");
}
