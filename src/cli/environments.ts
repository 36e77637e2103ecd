import { z } from 'zod';
import { CLOUD_NAMES, ENVIRONMENT_NAME, TENANT_ID, UsageError, variablePrefixOf, type CloudName, type Manifest, type StackEnvironment, type TenantRef } from '../model';

/** One environment of the `environments` of `cdktf.json`: which tenant it is and how to reach it (never a secret). */
export const EnvironmentConfigSchema = z.strictObject({
  tenantId: z.string().regex(TENANT_ID, { message: 'expected the Entra tenant ID, a GUID' }).optional(),
  displayName: z.string().min(1).optional(),
  cloud: z.enum(CLOUD_NAMES).optional(),
  backend: z.enum(['graph', 'reference']).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  variablePrefix: z.string().regex(/^[A-Z][A-Z0-9_]*_$/, { message: 'expected capitals, digits and "_", ending with "_", such as "PROD_"' }).optional(),
});

/** One configured environment. */
export type EnvironmentConfig = z.infer<typeof EnvironmentConfigSchema>;

/** The `environments` of `cdktf.json`, by name. */
export const EnvironmentsSchema = z.record(z.string().regex(ENVIRONMENT_NAME), EnvironmentConfigSchema);

/** Where a stack bound to a tenant goes, resolved from its manifest and the configuration. */
export interface StackBinding {
  /** The stack, unless a command names only the environment. */
  readonly stack?: string;
  /** The environment's name, when the stack names one. */
  readonly environment?: string;
  /** The tenant the stack belongs to (its name, when the configuration gives one). */
  readonly tenant: TenantRef;
  /** The tenant's cloud. */
  readonly cloud: CloudName;
  /** The backend the configuration names. */
  readonly backend?: 'graph' | 'reference';
  /** The reference server the configuration names. */
  readonly url?: string;
  /** The prefix of the environment's variables (`PROD_`), or none for a stack bound by tenant ID alone. */
  readonly variablePrefix?: string;
}

/** The stack as messages name it: `stack contoso-prod (environment prod)`, or `environment prod` without a stack. */
export function stackLabel(binding: Pick<StackBinding, 'stack' | 'environment'>): string {
  if (binding.stack === undefined) return `environment ${binding.environment ?? '(none)'}`;
  return `stack ${binding.stack}${binding.environment ? ` (environment ${binding.environment})` : ''}`;
}

/** The `environments` of a configuration file, read when a binding needs them. */
export type ConfiguredEnvironments = () => { readonly file: string; readonly environments: Readonly<Record<string, EnvironmentConfig>> };

/**
 * The tenant binding of a stack: undefined for a stack that names no tenant. A named environment
 * is looked up in `environments()` (read only when a stack names one); what the code and the
 * configuration both say must agree.
 */
export function bindingOf(manifest: Manifest, environments: ConfiguredEnvironments): StackBinding | undefined {
  return manifest.environment ? bindingOfEnvironment(manifest.stack, manifest.environment, environments) : undefined;
}

/**
 * Where the environment `env` of a stack goes (`stack` undefined when a command names only the
 * environment, as `import --environment prod` does).
 */
export function bindingOfEnvironment(stack: string | undefined, env: StackEnvironment, environments: ConfiguredEnvironments): StackBinding {
  const named = stack === undefined ? {} : { stack };
  const label = stackLabel({ ...named, ...(env.name ? { environment: env.name } : {}) });
  if (!env.name) return { ...named, tenant: { id: env.tenantId!.toLowerCase() }, cloud: env.cloud ?? 'public' };
  const { file, environments: configured } = environments();
  const config = configured[env.name];
  if (!config) {
    const known = Object.keys(configured);
    throw new UsageError(
      `${stack === undefined ? '--environment' : label} names the environment '${env.name}', which ${file} does not list (its environments: ${known.join(', ') || 'none'}). Fix: add "environments": { "${env.name}": { "tenantId": "<Entra tenant ID>" } } to ${file}, or name one of its environments`,
    );
  }
  const tenantId = env.tenantId ?? config.tenantId;
  if (!tenantId) throw new UsageError(`${label}: ${file} gives environment '${env.name}' no tenantId. Fix: add "tenantId": "<Entra tenant ID>" to it`);
  if (env.tenantId && config.tenantId && env.tenantId.toLowerCase() !== config.tenantId.toLowerCase()) {
    throw new UsageError(`${label} says tenant ${env.tenantId}, but ${file} gives environment '${env.name}' tenant ${config.tenantId}. Fix: make them the same, or leave the tenant ID out of the code`);
  }
  if (env.cloud && config.cloud && env.cloud !== config.cloud) {
    throw new UsageError(`${label} says cloud '${env.cloud}', but ${file} gives environment '${env.name}' cloud '${config.cloud}'. Fix: make them the same, or leave the cloud out of the code`);
  }
  return {
    ...named,
    environment: env.name,
    tenant: { id: tenantId.toLowerCase(), ...(config.displayName ? { displayName: config.displayName } : {}) },
    cloud: env.cloud ?? config.cloud ?? 'public',
    ...(config.backend ? { backend: config.backend } : {}),
    ...(config.url ? { url: config.url } : {}),
    variablePrefix: config.variablePrefix ?? variablePrefixOf(env.name),
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variables that make up one set of credentials: all of a set come from one place. */
const CREDENTIAL_SETS: readonly (readonly string[])[] = [
  ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_USE_MANAGED_IDENTITY', 'ENROLLKIT_USE_AZURE_CLI'],
  ['ENROLLKIT_BACKEND', 'ENROLLKIT_URL', 'ENROLLKIT_TOKEN'],
];

/**
 * The variables an environment's backend reads: each set of credentials (the `AZURE_*` ones; the
 * `ENROLLKIT_BACKEND`, `_URL`, `_TOKEN` of a reference server) from the prefixed variables
 * (`PROD_AZURE_CLIENT_ID`) when any of the set is set, else from the unprefixed ones. A set is
 * never mixed from both.
 */
export function environmentVariables(env: Env, prefix: string | undefined): Env {
  if (!prefix) return env;
  const view: Record<string, string | undefined> = { ...env };
  for (const set of CREDENTIAL_SETS) {
    if (!set.some((name) => env[`${prefix}${name}`] !== undefined)) continue;
    for (const name of set) view[name] = env[`${prefix}${name}`];
  }
  return view;
}

/** True when the variables hold credentials of a tenant, not only the Azure CLI fallback. */
export function hasTenantCredentials(env: Env): boolean {
  return Boolean(
    env.AZURE_CLIENT_SECRET ||
      env.AZURE_CLIENT_CERTIFICATE_PATH ||
      env.AZURE_FEDERATED_TOKEN_FILE ||
      (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN && env.AZURE_CLIENT_ID) ||
      env.AZURE_USE_MANAGED_IDENTITY === '1' ||
      env.AZURE_USE_MANAGED_IDENTITY === 'true' ||
      env.ENROLLKIT_USE_AZURE_CLI === '1' ||
      env.ENROLLKIT_USE_AZURE_CLI === 'true',
  );
}

/** True in a CI job (`CI=true`, as GitHub Actions, GitLab CI, Azure Pipelines and most others set it). */
export function inCi(env: Env): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
}
