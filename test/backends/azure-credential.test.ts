import type { TokenCredential } from '@azure/identity';
import { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, WorkloadIdentityCredential, ClientAssertionCredential } from '@azure/identity';
import { azureTokenSource, credentialFromEnv } from '../../src/backends/graph';
import { BackendError, UsageError } from '../../src/model';

const ids = { AZURE_TENANT_ID: '11111111-1111-1111-1111-111111111111', AZURE_CLIENT_ID: '22222222-2222-2222-2222-222222222222' };

describe('credentialFromEnv', () => {
  it.each([
    ['a client secret', { ...ids, AZURE_CLIENT_SECRET: 's3cret' }, 'client-secret', ClientSecretCredential],
    ['a certificate', { ...ids, AZURE_CLIENT_CERTIFICATE_PATH: '/tmp/cert.pem' }, 'certificate', ClientCertificateCredential],
    ['a federated token file', { ...ids, AZURE_FEDERATED_TOKEN_FILE: '/tmp/token' }, 'workload-identity', WorkloadIdentityCredential],
    ['GitHub Actions OIDC', { ...ids, ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x?a=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }, 'github-oidc', ClientAssertionCredential],
    ['a managed identity', { AZURE_USE_MANAGED_IDENTITY: '1' }, 'managed-identity', ManagedIdentityCredential],
    ['nothing (the Azure CLI login)', {}, 'azure-cli', AzureCliCredential],
  ])('picks the right credential for %s', (_what, env, kind, type) => {
    const chosen = credentialFromEnv(env, 'public');
    expect(chosen.kind).toBe(kind);
    expect(chosen.credential).toBeInstanceOf(type);
  });

  it('says which variables are missing, without echoing the secret', () => {
    const attempt = () => credentialFromEnv({ AZURE_CLIENT_SECRET: 's3cret' }, 'usgov');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/AZURE_TENANT_ID and AZURE_CLIENT_ID/);
    expect(attempt).not.toThrow(/s3cret/);
  });
});

describe('azureTokenSource', () => {
  it('turns a sign-in endpoint it cannot reach into a BackendError that says the fix, without the secret', async () => {
    // A loopback port nothing listens on stands for a machine without a network.
    const credential = new ClientSecretCredential(ids.AZURE_TENANT_ID, ids.AZURE_CLIENT_ID, 's3cret', { authorityHost: 'https://127.0.0.1:9' });
    const failure = await azureTokenSource(credential, 'public')
      .token()
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(BackendError);
    expect((failure as Error).message).toMatch(/^could not reach the Microsoft Entra sign-in endpoint https:\/\/login\.microsoftonline\.com for a Graph token \(.+\)\. Fix: check the network connection/);
    expect((failure as Error).message).not.toContain('s3cret');
  });
});

describe('azureTokenSource when Entra refuses the credentials', () => {
  // An Entra refusal needs a tenant: the credential stands for one that refuses the secret, as @azure/identity reports it.
  const refused: TokenCredential = {
    getToken: () =>
      Promise.reject(Object.assign(new Error('ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.\nTrace ID: 0000'), { name: 'AuthenticationError' })),
  };

  it('names who signs in and the variables to check, on one line and without the secret', async () => {
    const failure = await azureTokenSource(refused, 'public', { kind: 'client-secret', subject: "stack contoso-prod (environment prod) of tenant 'Contoso'", variablePrefix: 'PROD_' })
      .token()
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe(
      "stack contoso-prod (environment prod) of tenant 'Contoso' could not sign in with its client-secret credentials: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Fix: check PROD_AZURE_TENANT_ID, PROD_AZURE_CLIENT_ID and PROD_AZURE_CLIENT_SECRET; see docs/backends.md",
    );
  });

  it('leaves other errors as they are', async () => {
    const broken: TokenCredential = { getToken: () => Promise.reject(new TypeError('boom')) };
    const failure = await azureTokenSource(broken, 'public', { kind: 'certificate', subject: 'the graph backend', variablePrefix: '' })
      .token()
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
  });
});
