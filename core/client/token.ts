/**
 * Client-credentials token cache.
 * Why: Port issues one token per credential pair (valid ~3 h) from a route with a small unauthenticated rate limit,
 * so the token is fetched once, shared by concurrent callers, and renewed shortly before it expires or after a 401.
 */

/** Port's token route (apispec.yaml: POST /v1/auth/access_token). */
export const ACCESS_TOKEN_PATH = "/v1/auth/access_token";

/** The useful part of `POST /v1/auth/access_token`'s `{ok, accessToken, expiresIn, tokenType}`. */
export interface AccessTokenGrant {
  accessToken: string;
  /** Lifetime in seconds; when absent the token is kept until an API call answers 401. */
  expiresIn?: number;
  /** Authorization scheme; Port answers "Bearer". */
  tokenType?: string;
}

export type FetchAccessToken = () => Promise<AccessTokenGrant>;

/** Renew at most this long before expiry... */
export const MAX_REFRESH_MARGIN_MS = 60_000;
/** ...or this fraction of the lifetime for short-lived tokens, so a 30 s token is not "expired" on arrival. */
export const REFRESH_MARGIN_RATIO = 0.1;

export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs * REFRESH_MARGIN_RATIO);
}

interface CachedToken {
  authorization: string;
  refreshAtMs: number;
}

export class AccessTokenCache {
  readonly #fetchToken: FetchAccessToken;
  readonly #now: () => number;
  #current: CachedToken | undefined;
  #inFlight: Promise<string> | undefined;

  constructor(fetchToken: FetchAccessToken, now: () => number = Date.now) {
    this.#fetchToken = fetchToken;
    this.#now = now;
  }

  /** The `Authorization` header value to send, e.g. `Bearer eyJ…`. */
  authorization(): Promise<string> {
    const current = this.#current;
    if (current && this.#now() < current.refreshAtMs) return Promise.resolve(current.authorization);
    this.#inFlight ??= this.#renew();
    return this.#inFlight;
  }

  /**
   * Forget `authorization` after Port rejected it. Only that exact value is dropped: when several calls hit a 401
   * together, the first one's renewal must not be thrown away by the others.
   */
  invalidate(authorization: string): void {
    if (this.#current?.authorization === authorization) this.#current = undefined;
  }

  async #renew(): Promise<string> {
    // Measure the lifetime from before the request, so slow token responses err towards renewing early.
    const requestedAtMs = this.#now();
    try {
      const grant = await this.#fetchToken();
      const authorization = `${grant.tokenType || "Bearer"} ${grant.accessToken}`;
      const lifetimeMs = typeof grant.expiresIn === "number" && Number.isFinite(grant.expiresIn) ? grant.expiresIn * 1000 : Infinity;
      const refreshAtMs = lifetimeMs === Infinity ? Infinity : requestedAtMs + lifetimeMs - refreshMarginMs(lifetimeMs);
      this.#current = { authorization, refreshAtMs };
      return authorization;
    } finally {
      // A failed fetch is not cached: the next caller tries again.
      this.#inFlight = undefined;
    }
  }
}
