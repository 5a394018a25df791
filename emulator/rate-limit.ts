/**
 * Per-client fixed-window rate limit with Port's x-ratelimit-* headers (port-api.md §2).
 * `x-ratelimit-reset` is seconds until the window resets, the reading terraform-provider-port-labs
 * relies on; the docs say epoch seconds (the disagreement is listed in emulator/README.md).
 */
import type { RateLimitOptions } from "./types";

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

interface Window {
  startedAt: number;
  used: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request against `key` and says whether it may proceed. */
  take(key: string): RateLimitVerdict {
    const now = this.now();
    const periodMs = this.options.periodSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= periodMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    window.used += 1;
    const allowed = window.used <= this.options.limit;
    const resetSeconds = Math.max(0, Math.ceil((window.startedAt + periodMs - now) / 1000));
    return {
      allowed,
      resetSeconds,
      headers: {
        "x-ratelimit-limit": String(this.options.limit),
        "x-ratelimit-remaining": String(Math.max(0, this.options.limit - window.used)),
        "x-ratelimit-reset": String(resetSeconds),
        "x-ratelimit-period": String(this.options.periodSeconds),
      },
    };
  }
}
