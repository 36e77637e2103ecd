import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../model';
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
  /**
   * The default tenant's organization name (`GET /organization`).
   * @default the stored name, or `Reference tenant` and the ID's first 8 characters
   */
  readonly displayName?: string;
}

/** A started reference server with its default tenant. */
export interface StartedReferenceServer {
  /** Base URL; the Graph API is at `${url}/beta` and `${url}/v1.0`. */
  readonly url: string;
  /** Id of the default tenant. */
  readonly tenantId: string;
  /** The default tenant's organization name. */
  readonly displayName: string;
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
 * Creates the missing directories above a database file one level at a time (a recursive
 * `mkdir` can spin forever on file systems such as `/proc`); a {@link UsageError} naming the path
 * and the reason when one cannot be created.
 */
export function createDataDirectory(file: string): void {
  const missing: string[] = [];
  let current = resolve(dirname(file));
  for (;;) {
    const stats = statSync(current, { throwIfNoEntry: false });
    if (stats) {
      if (!stats.isDirectory()) throw new UsageError(`cannot keep the database at '${file}': '${current}' is not a directory. Fix: choose another --data path.`);
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of missing) {
    try {
      mkdirSync(directory);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot create the directory '${directory}' for the database '${file}': ${reason}. Fix: choose a --data path in a writable directory.`);
    }
  }
}

/**
 * Starts a reference server on a port with one default tenant. The default tenant and its token
 * are kept in the database, so reopening the same file gives the same tenant and token.
 */
export async function startReferenceServer(options: StartReferenceServerOptions = {}): Promise<StartedReferenceServer> {
  const { port = 0, host = '127.0.0.1', token, tenantId, domains, cloud, displayName, ...serverOptions } = options;
  if (serverOptions.data !== undefined && serverOptions.data !== ':memory:') createDataDirectory(serverOptions.data);
  const server = createReferenceServer(serverOptions);
  try {
    const tenant = server.defaultTenant({
      ...(token === undefined ? {} : { token }),
      ...(tenantId === undefined ? {} : { tenantId }),
      ...(domains === undefined ? {} : { domains }),
      ...(cloud === undefined ? {} : { cloud }),
      ...(displayName === undefined ? {} : { displayName }),
    });
    const listening = await server.listen(port, host);
    return {
      url: listening.url,
      tenantId: tenant.tenantId,
      displayName: tenant.displayName,
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
