/** The Microsoft clouds Intune runs in: commercial, US Government, operated by 21Vianet in China. */
export const CLOUD_NAMES = ['public', 'usgov', 'china'] as const;

/** One Microsoft cloud. */
export type CloudName = (typeof CLOUD_NAMES)[number];

/** Where Graph, Entra sign-in and Intune live in one cloud. */
export interface CloudEndpoints {
  /** Graph's root URL. */
  readonly graphUrl: string;
  /** The `.default` scope of Graph in that cloud. */
  readonly graphScope: string;
  /** The Entra authority host. */
  readonly authorityHost: string;
  /** The Intune service host, which the service discovery file points at (004). */
  readonly intuneHost: string;
}

/** The endpoints of each cloud. */
export const CLOUDS: Readonly<Record<CloudName, CloudEndpoints>> = {
  public: {
    graphUrl: 'https://graph.microsoft.com',
    graphScope: 'https://graph.microsoft.com/.default',
    authorityHost: 'https://login.microsoftonline.com',
    intuneHost: 'manage.microsoft.com',
  },
  usgov: {
    graphUrl: 'https://graph.microsoft.us',
    graphScope: 'https://graph.microsoft.us/.default',
    authorityHost: 'https://login.microsoftonline.us',
    intuneHost: 'manage.microsoft.us',
  },
  china: {
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    graphScope: 'https://microsoftgraph.chinacloudapi.cn/.default',
    authorityHost: 'https://login.chinacloudapi.cn',
    intuneHost: 'manage.microsoft.cn',
  },
};

/** True when the value names a cloud. */
export function isCloudName(value: string): value is CloudName {
  return (CLOUD_NAMES as readonly string[]).includes(value);
}
