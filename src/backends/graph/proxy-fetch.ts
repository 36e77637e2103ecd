
type Env = Readonly<Record<string, string | undefined>>;

/** The proxies Graph requests go through, as the standard variables give them. */
export interface ProxySettings {
  /** Proxy for `http://` URLs (`http_proxy`/`HTTP_PROXY`). */
  readonly httpProxy: string;
  /** Proxy for `https://` URLs (`https_proxy`/`HTTPS_PROXY`; else the HTTP proxy). */
  readonly httpsProxy: string;
  /** Hosts reached directly (`no_proxy`/`NO_PROXY`: comma-separated names, `.suffix`, `host:port`, `*`). */
  readonly noProxy: string;
}

/** No proxy at all (the embedded backend talks to its own loopback server). */
export const NO_PROXY: ProxySettings = { httpProxy: '', httpsProxy: '', noProxy: '' };

/** The proxy settings of an environment, lower-case variables first as curl reads them. */
export function proxySettingsFromEnv(env: Env): ProxySettings {
  return {
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
}

/** A `fetch` that goes through the configured proxies (CONNECT tunnels), and its connections' release. */
export interface ProxiedFetch {
  /** Fetches as the global `fetch` does. */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

/**
 * A fetch over undici's `EnvHttpProxyAgent` with the given settings, whatever `process.env` says;
 * with no proxy at all, Node's own `fetch`, and undici (a hundred modules) never loads.
 */
export function proxiedFetch(settings: ProxySettings): ProxiedFetch {
  if (settings.httpProxy === '' && settings.httpsProxy === '') return { fetch: (url, init) => fetch(url, init), close: async () => undefined };
  const undici = import('undici').then(({ EnvHttpProxyAgent, fetch: undiciFetch }) => ({ dispatcher: new EnvHttpProxyAgent(settings), undiciFetch }));
  return {
    fetch: async (url, init) => {
      const { dispatcher, undiciFetch } = await undici;
      return (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;
    },
    close: async () => (await undici).dispatcher.close(),
  };
}
