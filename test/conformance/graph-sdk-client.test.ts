import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  GraphError,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';

// Microsoft's own Graph SDK, used the way its documentation shows: the reference server must work
// for clients enrollkit did not write. The SDK's default chain sends tokens only over https, so
// the chain here is the SDK's own handlers behind a bearer header.
let server: StartedReferenceServer;
let client: Client;

class Bearer implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: string) {}

  async execute(context: Context): Promise<void> {
    context.options = { ...context.options, headers: { ...(context.options?.headers as Record<string, string>), Authorization: `Bearer ${this.token}` } };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

beforeAll(async () => {
  server = await startReferenceServer({ data: ':memory:' });
  const bearer = new Bearer(server.token);
  const retry = new RetryHandler();
  const redirect = new RedirectHandler();
  bearer.setNext(retry);
  retry.setNext(redirect);
  redirect.setNext(new HTTPMessageHandler());
  client = Client.initWithMiddleware({ middleware: bearer, baseUrl: server.url, defaultVersion: 'beta' });
});
afterAll(() => server.close());

// The SDK's batch content keeps only the path of Graph URLs; the batch itself goes to the server.
const GRAPH = 'https://graph.microsoft.com/beta';

const clip = (n: number) => ({
  '@odata.type': '#microsoft.graph.iosiPadOSWebClip',
  displayName: `Clip ${n}`,
  appUrl: `https://example.com/${n}`,
  useManagedBrowser: false,
});

describe("Microsoft's Graph SDK against the reference server", () => {
  it('creates, reads, updates and deletes with the fluent API', async () => {
    const created = (await client.api('/deviceAppManagement/mobileApps').post(clip(0))) as { id: string; '@odata.type': string };
    expect(created['@odata.type']).toBe('#microsoft.graph.iosiPadOSWebClip');
    await client.api(`/deviceAppManagement/mobileApps/${created.id}`).patch({ '@odata.type': '#microsoft.graph.iosiPadOSWebClip', displayName: 'Renamed' });
    const read = (await client.api(`/deviceAppManagement/mobileApps/${created.id}`).select('id,displayName').get()) as { displayName: string };
    expect(read.displayName).toBe('Renamed');
    await client.api(`/deviceAppManagement/mobileApps/${created.id}`).delete();
    const missing = await client.api(`/deviceAppManagement/mobileApps/${created.id}`).get().catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GraphError);
    expect(missing).toMatchObject({ statusCode: 404 });
  });

  it("batches requests with the SDK's BatchRequestContent and reads each response", async () => {
    const batch = new BatchRequestContent([
      { id: '1', request: new Request(`${GRAPH}/deviceAppManagement/mobileApps?$top=1`, { method: 'GET' }) },
      { id: '2', request: new Request(`${GRAPH}/deviceManagement/applePushNotificationCertificate`, { method: 'GET' }) },
      { id: '3', request: new Request(`${GRAPH}/deviceAppManagement/mobileApps/00000000-0000-0000-0000-000000000000`, { method: 'GET' }) },
      { id: '4', request: new Request(`${GRAPH}/deviceAppManagement/mobileApps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(clip(9)) }) },
    ]);
    const response = new BatchResponseContent(await client.api('/$batch').post(await batch.getContent()));
    expect(response.getResponseById('1').status).toBe(200);
    expect(response.getResponseById('2').status).toBe(200);
    expect(response.getResponseById('3').status).toBe(404);
    expect(response.getResponseById('4').status).toBe(201);
  });
});
