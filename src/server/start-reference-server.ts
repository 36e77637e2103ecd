import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createReferenceServer, type ReferenceServer, type ReferenceServerOptions } from './create-reference-server';
import type { Cloud } from './store';

/** Options of {@link startReferenceServer}. */
export interface StartReferenceServerOptions extends ReferenceServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Host to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Bearer token of the default tenant (added to it when the database already has one).
   * @default the stored token, or a new one
   */
  readonly token?: string;
  /**
   * Id of the default tenant when it is created.
   * @default a new GUID
   */
  readonly tenantId?: string;
  /**
   * Service discovery domains of the default tenant.
   * @default the stored domains, or none
   */
  readonly domains?: readonly string[];
  /**
   * Cloud of the default tenant when it is created.
   * @default 'public'
   */
  readonly cloud?: Cloud;
}

/** A started reference server with its default tenant. */
export interface StartedReferenceServer {
  /** Base URL; the Graph API is at `${url}/beta` and `${url}/v1.0`. */
  readonly url: string;
  /** Id of the default tenant. */
  readonly tenantId: string;
  /** Bearer token of the default tenant. */
  readonly token: string;
  /** Bearer token of `/_enrollkit`. */
  readonly adminToken: string;
  /** Whether the default tenant was created now (a new database). */
  readonly tenantCreated: boolean;
  /** The server itself, for more tenants and controls. */
  readonly server: ReferenceServer;
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

/**
 * Starts a reference server on a port with one default tenant. The default tenant and its token
 * are kept in the database, so reopening the same file gives the same tenant and token.
 */
export async function startReferenceServer(options: StartReferenceServerOptions = {}): Promise<StartedReferenceServer> {
  const { port = 0, host = '127.0.0.1', token, tenantId, domains, cloud, ...serverOptions } = options;
  if (serverOptions.data !== undefined && serverOptions.data !== ':memory:') mkdirSync(dirname(serverOptions.data), { recursive: true });
  const server = createReferenceServer(serverOptions);
  try {
    const tenant = server.defaultTenant({
      ...(token === undefined ? {} : { token }),
      ...(tenantId === undefined ? {} : { tenantId }),
      ...(domains === undefined ? {} : { domains }),
      ...(cloud === undefined ? {} : { cloud }),
    });
    const listening = await server.listen(port, host);
    return {
      url: listening.url,
      tenantId: tenant.tenantId,
      token: tenant.token,
      adminToken: server.adminToken,
      tenantCreated: tenant.created,
      server,
      close: async () => {
        await listening.close();
        server.close();
      },
    };
  } catch (error) {
    server.close();
    throw error;
  }
}
