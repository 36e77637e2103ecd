import { checkTenant, readTenant, tenantName, type Backend, type TenantRef } from '../engine';
import { UsageError, type Manifest } from '../model';
import { bindingOf, bindingOfEnvironment, environmentVariables, hasTenantCredentials, inCi, stackLabel, type StackBinding } from './environments';
import type { CliIo } from './io';
import { openBackend, type BackendFlags } from './open-backend';
import { readCdktfConfig } from './synth/cdktf-config';

/** A stack's backend, opened and checked: the tenant its credentials open. */
export interface StackBackend {
  /** The backend. */
  readonly backend: Backend;
  /** The tenant it opens, checked against the stack's binding. */
  readonly tenant: TenantRef;
}

/**
 * The backends of a command's stacks. A stack that names no tenant goes where the flags and the
 * environment say (the embedded tenant by default). A stack bound to a tenant goes to its own:
 * the backend, URL and credentials of its environment (the variables prefixed with its name, else
 * the unprefixed ones; `cdktf.json` may name the backend and URL), never the embedded database
 * unless `--backend embedded` (or `ENROLLKIT_BACKEND=embedded`) asks for it. Before anything of a
 * stack is read, the tenant its credentials open is checked against the one it belongs to.
 * Stacks with the same settings share one backend.
 */
export class StackBackends {
  private readonly opened = new Map<string, Promise<StackBackend>>();

  constructor(
    private readonly io: CliIo,
    private readonly flags: BackendFlags,
  ) {}

  /** The backend of a stack, its tenant checked; throws a `WrongTenantError` naming both tenants when it is another. */
  forStack(manifest: Manifest): Promise<StackBackend> {
    return this.forBinding(bindingOf(manifest, () => this.configuredEnvironments()));
  }

  /**
   * The backend of the environment `name` of `cdktf.json`, for a command that names the
   * environment rather than planning a stack of it (`unlock`, `import`, `simulate`); `stack` names
   * the stack in messages.
   */
  forEnvironment(name: string, stack?: string): Promise<StackBackend> {
    return this.forBinding(bindingOfEnvironment(stack, { name }, () => this.configuredEnvironments()));
  }

  /** The backend the flags and the unprefixed variables select, for a command that names no environment. */
  forFlags(): Promise<StackBackend> {
    return this.forBinding(undefined);
  }

  private configuredEnvironments() {
    return { file: 'cdktf.json', environments: readCdktfConfig(this.io.cwd).environments };
  }

  private async forBinding(binding: StackBinding | undefined): Promise<StackBackend> {
    const env = binding ? environmentVariables(this.io.env, binding.variablePrefix) : this.io.env;
    if (!binding || (this.flags.backend ?? env.ENROLLKIT_BACKEND) === 'embedded') {
      if (binding) this.io.stderr(`Note: ${stackLabel(binding)} belongs to tenant ${tenantName(binding.tenant)}; the embedded backend was asked for, so it is planned against the local reference tenant instead.\n`);
      return this.open('default', () => openBackend(this.io, this.flags));
    }
    const url = this.flags.url ?? env.ENROLLKIT_URL ?? binding.url;
    const name = this.flags.backend ?? env.ENROLLKIT_BACKEND ?? binding.backend ?? (url ? 'reference' : 'graph');
    const prefix = binding.variablePrefix ?? '';
    const flags: BackendFlags = { backend: name, ...(url ? { url } : {}), ...(this.flags.token ? { token: this.flags.token } : {}), cloud: binding.cloud };
    if (this.flags.cloud && this.flags.cloud !== binding.cloud) {
      throw new UsageError(`${stackLabel(binding)} belongs to a tenant of the ${binding.cloud} cloud, not ${this.flags.cloud}. Fix: leave --cloud out (the stack's environment gives the cloud), or run the other stacks with --stack`);
    }
    if (name === 'reference' && !flags.token && !env.ENROLLKIT_TOKEN) {
      throw new UsageError(`${stackLabel(binding)} needs the token of its reference server. Fix: set ${prefix}ENROLLKIT_TOKEN (and ${prefix}ENROLLKIT_URL unless cdktf.json gives its url); see docs/environments.md`);
    }
    if (name === 'graph' && inCi(this.io.env) && !hasTenantCredentials(env)) {
      throw new UsageError(
        `${stackLabel(binding)} belongs to tenant ${tenantName(binding.tenant)}, and no credentials for it are set; in CI enrollkit neither falls back to the embedded database nor to an Azure CLI login. Fix: set ${prefix}AZURE_CLIENT_ID with ${prefix}AZURE_CLIENT_SECRET or ${prefix}AZURE_CLIENT_CERTIFICATE_PATH (or give the job 'permissions: id-token: write' for workload identity federation), or ${prefix}ENROLLKIT_USE_AZURE_CLI=true after azure/login; see docs/environments.md`,
      );
    }
    const io: CliIo = { ...this.io, env: { ...env, AZURE_TENANT_ID: env.AZURE_TENANT_ID ?? binding.tenant.id } };
    const opened = await this.open(`${prefix}|${name}|${url ?? ''}|${binding.cloud}`, () => openBackend(io, flags));
    checkTenant(binding.tenant, opened.tenant, stackLabel(binding), fixFor(prefix));
    return opened;
  }

  /**
   * The backends of every stack, each tenant checked before anything of any stack is read: one
   * stack given another tenant's credentials stops the command before it plans or writes anything.
   */
  async forStacks(manifests: readonly Manifest[]): Promise<(StackBackend & { readonly manifest: Manifest })[]> {
    const targets: (StackBackend & { readonly manifest: Manifest })[] = [];
    for (const manifest of manifests) targets.push({ manifest, ...(await this.forStack(manifest)) });
    return targets;
  }

  private open(key: string, make: () => Promise<Backend>): Promise<StackBackend> {
    let opened = this.opened.get(key);
    if (!opened) {
      opened = make().then(async (backend) => {
        try {
          return { backend, tenant: await readTenant(backend) };
        } catch (error) {
          await backend.close();
          throw error;
        }
      });
      this.opened.set(key, opened);
    }
    return opened;
  }

  /** Closes every backend opened. */
  async close(): Promise<void> {
    const all = await Promise.allSettled([...this.opened.values()]);
    await Promise.all(all.flatMap((r) => (r.status === 'fulfilled' ? [r.value.backend.close()] : [])));
  }
}

function fixFor(prefix: string): string {
  const own = prefix
    ? `give it the credentials of its own tenant (${prefix}AZURE_CLIENT_ID and ${prefix}AZURE_CLIENT_SECRET, or ${prefix}ENROLLKIT_URL and ${prefix}ENROLLKIT_TOKEN for a reference server)`
    : 'give it credentials of its own tenant';
  return `${own}; --url, --token and unprefixed variables reach every stack, so run the others with --stack. See docs/environments.md`;
}
