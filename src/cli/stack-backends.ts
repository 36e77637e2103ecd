import type { Backend } from '../engine';
import { checkTenant, readTenant, sameTenant, tenantName, type TenantRef } from '../engine/tenant';
import { UsageError, type Manifest } from '../model';
import { bindingOf, bindingOfEnvironment, environmentVariables, hasTenantCredentials, inCi, stackLabel, type StackBinding } from './environments';
import type { CliIo } from './io';
import { openBackend, type BackendFlags } from './open-backend';
import { ReadHintsFile } from './read-hints-file';
import { readCdktfConfig } from './synth/cdktf-config';

/** A stack's backend, opened and checked: the tenant its credentials open. */
export interface StackBackend {
  /** The backend. */
  readonly backend: Backend;
  /** The tenant it opens, checked against the stack's binding. */
  readonly tenant: TenantRef;
}

/** A stack's backend, opened but not checked yet: the check to run on the tenant it opens, before anything read is used. */
export interface UncheckedStackBackend {
  /** The backend. */
  readonly backend: Backend;
  /** Throws a `WrongTenantError` naming both tenants when the backend opens another tenant than the stack's. */
  readonly checkTenant: (tenant: TenantRef) => void;
}

/** Where a stack goes: the key of its backend settings, how to open it, and the check of its tenant. */
interface Destination {
  readonly key: string;
  readonly make: () => Promise<Backend>;
  readonly checkTenant: (tenant: TenantRef) => void;
  /** The tenant the stack belongs to, when it is bound to one. */
  readonly tenant?: TenantRef;
}

/**
 * The backends of a command's stacks. A stack that names no tenant goes where the flags and the
 * environment say (the embedded tenant by default). A stack bound to a tenant goes to its own:
 * the backend, URL and credentials of its environment (the variables prefixed with its name, else
 * the unprefixed ones; `cdktf.json` may name the backend and URL), never the embedded database
 * unless `--backend embedded` (or `ENROLLKIT_BACKEND=embedded`) asks for it. The tenant its
 * credentials open is checked against the one it belongs to before anything of the stack is used:
 * read on its own before anything is read ({@link forStack}), or by the plan in its first round of
 * reads ({@link forPlan}). Stacks with the same settings share one backend.
 */
export class StackBackends {
  private readonly backends = new Map<string, Promise<Backend>>();
  private readonly tenants = new Map<string, Promise<TenantRef>>();
  private readonly hints: ReadHintsFile;

  constructor(
    private readonly io: CliIo,
    private readonly flags: BackendFlags,
  ) {
    this.hints = new ReadHintsFile(io.cwd);
  }

  /** The backend of a stack, its tenant read and checked; throws a `WrongTenantError` naming both tenants when it is another. */
  forStack(manifest: Manifest): Promise<StackBackend> {
    return this.checked(this.destination(bindingOf(manifest, () => this.configuredEnvironments())));
  }

  /**
   * The backend of a stack for a plan, checked before anything of the stack is read: by the token's
   * tenant claim where it has one, with no round trip of its own (the plan reads the tenant's name
   * in its first round of reads and checks it again before it uses anything read), else by reading
   * the tenant on its own first.
   */
  async forPlan(manifest: Manifest): Promise<UncheckedStackBackend> {
    const destination = this.destination(bindingOf(manifest, () => this.configuredEnvironments()));
    const backend = await this.open(destination);
    if (destination.tenant) {
      // Checked before anything of the stack is read: by the token's tenant claim (Graph's tokens
      // have one) at no cost; a token without one, or of another tenant, by reading the tenant on
      // its own, which also names it in the refusal.
      const { tenantId } = await backend.identity();
      if (tenantId === undefined || !sameTenant(destination.tenant, { id: tenantId })) await this.checked(destination);
    }
    return { backend, checkTenant: destination.checkTenant };
  }

  /**
   * The backend of the environment `name` of `cdktf.json`, for a command that names the
   * environment rather than planning a stack of it (`unlock`, `import`, `simulate`); `stack` names
   * the stack in messages.
   */
  forEnvironment(name: string, stack?: string): Promise<StackBackend> {
    return this.checked(this.destination(bindingOfEnvironment(stack, { name }, () => this.configuredEnvironments())));
  }

  /** The backend the flags and the unprefixed variables select, for a command that names no environment. */
  forFlags(): Promise<StackBackend> {
    return this.checked(this.destination(undefined));
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

  /** True in CI when nothing named a backend and the embedded one is the default. */
  private embeddedByDefault(): boolean {
    const { env } = this.io;
    return inCi(env) && !this.flags.backend && !this.flags.url && !env.ENROLLKIT_BACKEND && !env.ENROLLKIT_URL;
  }

  private configuredEnvironments() {
    return { file: 'cdktf.json', environments: readCdktfConfig(this.io.cwd).environments };
  }

  /** The destination's backend, its tenant read on its own (once per backend) and checked. */
  private async checked(destination: Destination): Promise<StackBackend> {
    const backend = await this.open(destination);
    let tenant = this.tenants.get(destination.key);
    if (!tenant) {
      tenant = readTenant(backend);
      this.tenants.set(destination.key, tenant);
    }
    const opened = { backend, tenant: await tenant };
    destination.checkTenant(opened.tenant);
    return opened;
  }

  private destination(binding: StackBinding | undefined): Destination {
    const env = binding ? environmentVariables(this.io.env, binding.variablePrefix) : this.io.env;
    if (!binding || (this.flags.backend ?? env.ENROLLKIT_BACKEND) === 'embedded') {
      if (binding) this.io.stderr(`Note: ${stackLabel(binding)} belongs to tenant ${tenantName(binding.tenant)}; the embedded backend was asked for, so it is planned against the local reference tenant instead.\n`);
      const make = () => {
        if (this.embeddedByDefault()) {
          const annotation = this.io.env.GITHUB_ACTIONS === 'true' ? '::warning title=embedded backend::' : 'Warning: ';
          this.io.stderr(
            `${annotation}no backend is named, so this run goes to the embedded reference tenant in the working directory, which a CI job does not keep. Fix: bind each stack to its tenant (env on EnrollmentStack, docs/environments.md), or pass --backend graph; --backend embedded says it is meant\n`,
          );
        }
        return openBackend(this.io, this.flags);
      };
      return { key: 'default', make, checkTenant: () => undefined };
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
    return {
      key: `${prefix}|${name}|${url ?? ''}|${binding.cloud}`,
      make: () => openBackend(io, flags, { subject: `${stackLabel(binding)} of tenant ${tenantName(binding.tenant)}`, variablePrefix: prefix }),
      checkTenant: (tenant) => checkTenant(binding.tenant, tenant, stackLabel(binding), fixFor(prefix)),
      tenant: binding.tenant,
    };
  }

  /** The destination's backend, opened once, with the read hints kept for its tenant. */
  private open({ key, make, tenant }: Destination): Promise<Backend> {
    let opened = this.backends.get(key);
    if (!opened) {
      opened = make().then((backend) => {
        this.hints.give(backend, `${key}|${tenant?.id ?? ''}|${backend.description}`);
        return backend;
      });
      this.backends.set(key, opened);
    }
    return opened;
  }

  /** Keeps the read hints of every backend opened, and closes them. */
  async close(): Promise<void> {
    const all = await Promise.allSettled([...this.backends.values()]);
    this.hints.keep();
    await Promise.all(all.flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
  }
}

function fixFor(prefix: string): string {
  const own = prefix
    ? `give it the credentials of its own tenant (${prefix}AZURE_CLIENT_ID and ${prefix}AZURE_CLIENT_SECRET, or ${prefix}ENROLLKIT_URL and ${prefix}ENROLLKIT_TOKEN for a reference server)`
    : 'give it credentials of its own tenant';
  return `${own}; --url, --token and unprefixed variables reach every stack, so run the others with --stack. See docs/environments.md`;
}
