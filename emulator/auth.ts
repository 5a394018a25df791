/**
 * Access tokens as Port documents them (port-api.md §1): one active token per credential pair,
 * re-requesting before expiry returns the same token, and an expired token is refused.
 */
import { randomBytes } from "crypto";
import type { ClientCredentials } from "./types";

export interface IssuedToken {
  accessToken: string;
  /** Seconds until expiry, rounded up. */
  expiresIn: number;
}

export type TokenCheck = { ok: true; clientId: string } | { ok: false; reason: "unknown" | "expired" };

interface TokenRecord {
  clientId: string;
  expiresAt: number;
}

export class TokenIssuer {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly activeByClient = new Map<string, string>();

  constructor(
    private readonly credentials: ClientCredentials[],
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Undefined when the pair is not configured. */
  issue(clientId: string, clientSecret: string): IssuedToken | undefined {
    const known = this.credentials.some((c) => c.clientId === clientId && c.clientSecret === clientSecret);
    if (!known) return undefined;
    const now = this.now();
    const active = this.activeByClient.get(clientId);
    const record = active ? this.tokens.get(active) : undefined;
    if (active && record && record.expiresAt > now) {
      return { accessToken: active, expiresIn: Math.ceil((record.expiresAt - now) / 1000) };
    }
    // The old token stays known as expired, so its 401 can say why.
    const accessToken = `emu_${randomBytes(24).toString("base64url")}`;
    this.tokens.set(accessToken, { clientId, expiresAt: now + this.ttlSeconds * 1000 });
    this.activeByClient.set(clientId, accessToken);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  check(token: string): TokenCheck {
    const record = this.tokens.get(token);
    if (!record) return { ok: false, reason: "unknown" };
    if (record.expiresAt <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, clientId: record.clientId };
  }
}

/** The token of an `Authorization: Bearer <token>` header; undefined when absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
