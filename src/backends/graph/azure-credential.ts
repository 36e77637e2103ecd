import {
  AzureCliCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { BackendError, CLOUDS, UsageError, type CloudName } from '../../model';
import type { TokenSource } from './token-source';

type Env = Readonly<Record<string, string | undefined>>;

/** Which credential the environment selects, for messages (never the secret itself). */
export type CredentialKind = 'client-secret' | 'certificate' | 'workload-identity' | 'github-oidc' | 'managed-identity' | 'azure-cli';

async function githubOidcToken(env: Env): Promise<string> {
  const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent('api://AzureADTokenExchange')}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } });
  if (!response.ok) throw new UsageError(`GitHub Actions refused an OIDC token (${response.status}); give the job 'permissions: id-token: write'.`);
  const body = (await response.json()) as { value?: string };
  if (!body.value) throw new UsageError('GitHub Actions returned no OIDC token.');
  return body.value;
}

/**
 * Picks an `@azure/identity` credential from the standard `AZURE_*` variables: client secret,
 * certificate, workload identity federation (a token file, or GitHub Actions OIDC), managed
 * identity (`AZURE_USE_MANAGED_IDENTITY=1`), else the Azure CLI's login.
 */
export function credentialFromEnv(env: Env, cloud: CloudName): { kind: CredentialKind; credential: TokenCredential } {
  const options = { authorityHost: CLOUDS[cloud].authorityHost };
  const tenantId = env.AZURE_TENANT_ID;
  const clientId = env.AZURE_CLIENT_ID;
  const needIds = (what: string) => {
    if (!tenantId || !clientId) throw new UsageError(`${what} needs AZURE_TENANT_ID and AZURE_CLIENT_ID; set both.`);
    return { tenantId, clientId };
  };
  if (env.AZURE_CLIENT_SECRET) {
    const ids = needIds('AZURE_CLIENT_SECRET');
    return { kind: 'client-secret', credential: new ClientSecretCredential(ids.tenantId, ids.clientId, env.AZURE_CLIENT_SECRET, options) };
  }
  if (env.AZURE_CLIENT_CERTIFICATE_PATH) {
    const ids = needIds('AZURE_CLIENT_CERTIFICATE_PATH');
    return {
      kind: 'certificate',
      credential: new ClientCertificateCredential(ids.tenantId, ids.clientId, { certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH }, options),
    };
  }
  if (env.AZURE_FEDERATED_TOKEN_FILE) {
    const ids = needIds('AZURE_FEDERATED_TOKEN_FILE');
    return {
      kind: 'workload-identity',
      credential: new WorkloadIdentityCredential({ ...options, ...ids, tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE }),
    };
  }
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN && clientId) {
    const ids = needIds('GitHub Actions OIDC');
    return { kind: 'github-oidc', credential: new ClientAssertionCredential(ids.tenantId, ids.clientId, () => githubOidcToken(env), options) };
  }
  if (env.AZURE_USE_MANAGED_IDENTITY === '1' || env.AZURE_USE_MANAGED_IDENTITY === 'true') {
    return { kind: 'managed-identity', credential: clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential() };
  }
  return { kind: 'azure-cli', credential: new AzureCliCredential(tenantId ? { ...options, tenantId } : options) };
}

/** Whose sign-in a token source makes, for its messages: never a secret. */
export interface SignIn {
  /** The credential the variables select. */
  readonly kind: CredentialKind;
  /** Who signs in, e.g. `stack contoso-dev (environment dev) of tenant 'Contoso Development' (ID)`. */
  readonly subject: string;
  /** The tenant signed in to, when the variables or the stack name it. */
  readonly tenantId?: string;
  /** Prefix of the variables the credentials come from, e.g. `DEV_`; empty for the unprefixed ones. */
  readonly variablePrefix: string;
}

const SIGN_IN_FAILURES = new Set(['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError']);

/** What to check when a sign-in of a kind was refused: its variables, with `prefix`. */
function toCheck(kind: Exclude<CredentialKind, 'azure-cli'>, prefix: string): string {
  const ids = `${prefix}AZURE_TENANT_ID, ${prefix}AZURE_CLIENT_ID`;
  switch (kind) {
    case 'client-secret':
      return `${ids} and ${prefix}AZURE_CLIENT_SECRET`;
    case 'certificate':
      return `${ids} and ${prefix}AZURE_CLIENT_CERTIFICATE_PATH`;
    case 'workload-identity':
      return `${ids} and ${prefix}AZURE_FEDERATED_TOKEN_FILE`;
    case 'github-oidc':
      return `${ids} and the app registration's federated credential for this workflow`;
    case 'managed-identity':
      return `${prefix}AZURE_USE_MANAGED_IDENTITY and, for a user-assigned identity, ${prefix}AZURE_CLIENT_ID`;
  }
}

/** A `UsageError` that names who could not sign in and the fix, when `error` is a refused sign-in; else undefined. */
function signInFailure(error: unknown, signIn: SignIn): UsageError | undefined {
  if (!(error instanceof Error) || !SIGN_IN_FAILURES.has(error.name)) return undefined;
  const line = error.message.split('\n')[0]?.slice(0, 300).trim() ?? '';
  const reason = /[.!?]$/.test(line) ? line : `${line}.`;
  const prefix = signIn.variablePrefix;
  if (signIn.kind === 'azure-cli') {
    return new UsageError(
      `${signIn.subject} has no credentials set, so it signs in with the Azure CLI, which failed: ${reason} Fix: run 'az login${signIn.tenantId ? ` --tenant ${signIn.tenantId}` : ''}' (with the Azure CLI installed), or set ${prefix}AZURE_CLIENT_ID with ${prefix}AZURE_CLIENT_SECRET or ${prefix}AZURE_CLIENT_CERTIFICATE_PATH; see docs/backends.md`,
    );
  }
  return new UsageError(`${signIn.subject} could not sign in with its ${signIn.kind} credentials: ${reason} Fix: check ${toCheck(signIn.kind, prefix)}; see docs/backends.md`);
}

/**
 * A token source over an `@azure/identity` credential, for Graph in one cloud. A refused sign-in
 * is a `UsageError` naming `signIn`'s subject and the variables to fix; an unreachable sign-in
 * endpoint a `BackendError`.
 */
export function azureTokenSource(credential: TokenCredential, cloud: CloudName, signIn?: SignIn): TokenSource {
  return {
    async token() {
      let token: Awaited<ReturnType<TokenCredential['getToken']>>;
      try {
        token = await credential.getToken(CLOUDS[cloud].graphScope);
      } catch (error) {
        throw networkFailure(error, cloud) ?? (signIn && signInFailure(error, signIn)) ?? error;
      }
      if (!token) throw new UsageError('the Azure credential returned no token; check the AZURE_* settings.');
      return token.token;
    },
  };
}

const NETWORK_FAILURE = /network_error|endpoints_resolution_error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|fetch failed|socket hang up/i;

/** A `BackendError` with the fix when a token request failed for want of a network, else undefined. */
function networkFailure(error: unknown, cloud: CloudName): BackendError | undefined {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { errorCode?: unknown }).errorCode ?? '')}` : String(error);
  if (!NETWORK_FAILURE.test(text)) return undefined;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
  return new BackendError(
    `could not reach the Microsoft Entra sign-in endpoint ${CLOUDS[cloud].authorityHost} for a Graph token (${reason}). Fix: check the network connection and any HTTPS_PROXY setting, and that --cloud names the tenant's cloud; or use --backend embedded to work without a tenant`,
  );
}
