import type { RetryPolicy } from '../backends/graph/retry-policy';
import type { Backend } from '../engine';
import { CLOUDS, isCloudName, UsageError } from '../model';
import type { CliIo } from './io';

/** The backend options every tenant-facing command takes. */
export interface BackendFlags {
  /** `embedded`, `reference` or `graph`. */
  readonly backend?: string;
  /** Reference server URL. */
  readonly url?: string;
  /** Reference server token. */
  readonly token?: string;
  /** Graph cloud. */
  readonly cloud?: string;
}

const BACKENDS = ['embedded', 'reference', 'graph'] as const;

/** How {@link openBackend} opens a backend beyond the flags. */
export interface OpenOptions {
  /** Retries of failed requests. */
  readonly retry?: RetryPolicy;
  /** Who signs in to Graph, as a refused sign-in names it; `the graph backend` when absent. */
  readonly subject?: string;
  /** Prefix of the variables the credentials come from (e.g. `DEV_`), as a refused sign-in names them. */
  readonly variablePrefix?: string;
}

/**
 * Opens the backend the flags and environment select: `--backend` or `ENROLLKIT_BACKEND`;
 * `reference` takes `--url`/`ENROLLKIT_URL` and `--token`/`ENROLLKIT_TOKEN`; `graph` takes the
 * `AZURE_*` credentials and `--cloud`, and paces requests within Intune's documented limits;
 * `embedded` (the default) needs nothing. Graph and reference
 * requests go through `HTTPS_PROXY`/`HTTP_PROXY` except for hosts in `NO_PROXY`, as sign-in does.
 */
export async function openBackend(io: CliIo, flags: BackendFlags, options: OpenOptions = {}): Promise<Backend> {
  const { retry } = options;
  const url = flags.url ?? io.env.ENROLLKIT_URL;
  const name = flags.backend ?? io.env.ENROLLKIT_BACKEND ?? (url ? 'reference' : 'embedded');
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new UsageError(`unknown backend '${name}'; use one of ${BACKENDS.join(', ')}.`);
  }
  const retryOption = retry ? { retry } : {};
  if (name === 'reference') {
    const token = flags.token ?? io.env.ENROLLKIT_TOKEN;
    if (!url) throw new UsageError('the reference backend needs --url or ENROLLKIT_URL (the address `enrollkit serve` printed).');
    if (!token) throw new UsageError('the reference backend needs --token or ENROLLKIT_TOKEN (the token `enrollkit serve` printed).');
    const [{ GraphBackend }, { staticToken }, { proxySettingsFromEnv }] = await Promise.all([
      import('../backends/graph/graph-backend.js'),
      import('../backends/graph/token-source.js'),
      import('../backends/graph/proxy-fetch.js'),
    ]);
    return new GraphBackend({ baseUrl: url, tokens: staticToken(token), description: `reference ${url}`, proxy: proxySettingsFromEnv(io.env), ...retryOption });
  }
  if (name === 'graph') {
    const cloud = flags.cloud ?? io.env.ENROLLKIT_CLOUD ?? 'public';
    if (!isCloudName(cloud)) throw new UsageError(`unknown cloud '${cloud}'; use public, usgov or china.`);
    // @azure/identity loads only for the graph backend.
    const [{ GraphBackend }, { azureTokenSource, credentialFromEnv }, { proxySettingsFromEnv }, { INTUNE_LIMITS }] = await Promise.all([
      import('../backends/graph/graph-backend.js'),
      import('../backends/graph/azure-credential.js'),
      import('../backends/graph/proxy-fetch.js'),
      import('../backends/graph/request-pacer.js'),
    ]);
    const { kind, credential } = credentialFromEnv(io.env, cloud);
    return new GraphBackend({
      baseUrl: CLOUDS[cloud].graphUrl,
      tokens: azureTokenSource(credential, cloud, {
        kind,
        subject: options.subject ?? 'the graph backend',
        ...(io.env.AZURE_TENANT_ID ? { tenantId: io.env.AZURE_TENANT_ID } : {}),
        variablePrefix: options.variablePrefix ?? '',
      }),
      description: `graph ${cloud} (${kind})`,
      proxy: proxySettingsFromEnv(io.env),
      limits: INTUNE_LIMITS,
      ...retryOption,
    });
  }
  const { openEmbeddedBackend } = await import('../backends/embedded/index.js');
  return openEmbeddedBackend(io.cwd, retry);
}
