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
