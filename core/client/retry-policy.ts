/**
 * Pure timing decisions for retries and rate limits, kept apart from I/O so they are testable without a server.
 */

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 429 means "slow down", 5xx means "Port had a problem"; every other status is an answer that retrying won't change. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))].
 * Why full jitter: many Pulumi resources retry at once after a shared 429; spreading them avoids a second burst.
 */
export function fullJitterDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Port's docs call `x-ratelimit-reset` UTC epoch seconds; Port's Terraform provider treats it as seconds until reset.
 * Accept both: no sane "seconds until reset" exceeds 1e9 (~31 years), and every current epoch value does.
 */
export const EPOCH_SECONDS_THRESHOLD = 1e9;

/** Milliseconds until the window resets, from `x-ratelimit-reset`; undefined when absent or not a number. */
export function parseRateLimitResetMs(reset: string | null | undefined, nowMs: number): number | undefined {
  const resetText = reset?.trim();
  if (!resetText) return undefined;
  const resetValue = Number(resetText);
  if (!Number.isFinite(resetValue) || resetValue < 0) return undefined;
  const waitMs = resetValue > EPOCH_SECONDS_THRESHOLD ? resetValue * 1000 - nowMs : resetValue * 1000;
  return Math.max(0, Math.ceil(waitMs));
}

/** A non-negative header count, e.g. `x-ratelimit-remaining`; undefined when absent or not one. */
function parseCount(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const count = Number(text);
  return Number.isFinite(count) && count >= 0 ? count : undefined;
}

/** How long to wait when `x-ratelimit-remaining` is 0; undefined when the headers don't ask for a wait. */
export function parseRateLimitWaitMs(remaining: string | null | undefined, reset: string | null | undefined, nowMs: number): number | undefined {
  if (parseCount(remaining) !== 0) return undefined;
  return parseRateLimitResetMs(reset, nowMs);
}

/** Below this share of `x-ratelimit-limit` left, the client spreads the window's remaining requests until the reset. */
export const PACING_THRESHOLD = 0.2;

/**
 * Gap to keep between the starts of the next requests, read from one response's rate-limit headers (Port limits
 * per organization, DOCS rate-limits.mdx, so one run's requests share a window). 0 while more than
 * PACING_THRESHOLD of the limit remains; below it, the time to reset split evenly over the `remaining` requests and
 * the reset itself (reset / (remaining + 1)), so the window's last requests are spread rather than burst into a 429;
 * with none remaining, the whole time to reset. Without `x-ratelimit-limit` only `remaining: 0` paces.
 */
export function pacingIntervalMs(headers: HeaderSource, nowMs: number): number {
  const remaining = parseCount(headers.get("x-ratelimit-remaining"));
  const resetMs = parseRateLimitResetMs(headers.get("x-ratelimit-reset"), nowMs);
  if (remaining === undefined || resetMs === undefined) return 0;
  const limit = parseCount(headers.get("x-ratelimit-limit"));
  const low = remaining === 0 || (limit !== undefined && remaining < limit * PACING_THRESHOLD);
  return low ? Math.ceil(resetMs / (remaining + 1)) : 0;
}

/**
 * Error codes (the `code` of fetch's `cause`, set by Node and undici) of a connection that failed before any byte of
 * the request left: no DNS answer, nobody listening, no route, connect timeout. Port cannot have applied such a
 * request, so even a create is safe to send again. Anything else (reset or closed after sending, timeouts) may have
 * reached Port.
 */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL", "UND_ERR_CONNECT_TIMEOUT"]);

export function isNotSentErrorCode(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/** Minimal view of response headers, so these functions work with fetch `Headers` and plain test maps alike. */
export interface HeaderSource {
  get(name: string): string | null;
}

export interface RetryDelay {
  delayMs: number;
  /** What decided the delay; reported through `onRetry`. */
  source: "retry-after" | "rate-limit-reset" | "backoff";
}

/**
 * Delay before retrying `attempt` (1-based). A server hint wins over backoff (plus up to 10% jitter, as Port's
 * Terraform provider does, so waiting clients don't return in lockstep); everything is capped by maxDelayMs.
 */
export function retryDelay(attempt: number, headers: HeaderSource | undefined, policy: BackoffPolicy, nowMs: number, random: () => number = Math.random): RetryDelay {
  const retryAfter = parseRetryAfterMs(headers?.get("retry-after"), nowMs);
  const reset = parseRateLimitWaitMs(headers?.get("x-ratelimit-remaining"), headers?.get("x-ratelimit-reset"), nowMs);
  const hinted = retryAfter ?? reset;
  if (hinted !== undefined) {
    const jittered = Math.ceil(hinted * (1 + 0.1 * random()));
    return { delayMs: Math.min(policy.maxDelayMs, jittered), source: retryAfter !== undefined ? "retry-after" : "rate-limit-reset" };
  }
  return { delayMs: fullJitterDelayMs(attempt, policy, random), source: "backoff" };
}
