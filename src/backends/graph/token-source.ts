/** Something that hands out bearer tokens for Graph. */
export interface TokenSource {
  /** A valid access token (cached and refreshed by the source). */
  token(): Promise<string>;
}

/** A fixed bearer token, as the reference server takes. */
export function staticToken(token: string): TokenSource {
  return { token: async () => token };
}

/** The claims of a JWT access token that say what it may do; empty for an opaque token. */
export function tokenClaims(token: string): { roles?: string[]; scp?: string; tid?: string } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: string[]; scp?: string; tid?: string };
  } catch {
    return {};
  }
}
