/** National clouds Microsoft Graph runs in. */
export type CloudName = 'public' | 'usgov' | 'china';

/** Where Graph and Entra sign-in live in one cloud. */
export interface Cloud {
  /** Graph's root URL. */
  readonly graphUrl: string;
  /** The `.default` scope of Graph in that cloud. */
  readonly scope: string;
  /** The Entra authority host. */
  readonly authorityHost: string;
}

/** Graph endpoints per national cloud. */
export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  public: { graphUrl: 'https://graph.microsoft.com', scope: 'https://graph.microsoft.com/.default', authorityHost: 'https://login.microsoftonline.com' },
  usgov: { graphUrl: 'https://graph.microsoft.us', scope: 'https://graph.microsoft.us/.default', authorityHost: 'https://login.microsoftonline.us' },
  china: { graphUrl: 'https://microsoftgraph.chinacloudapi.cn', scope: 'https://microsoftgraph.chinacloudapi.cn/.default', authorityHost: 'https://login.chinacloudapi.cn' },
};
