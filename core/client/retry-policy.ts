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

/** How long to wait when `x-ratelimit-remaining` is 0; undefined when the headers don't ask for a wait. */
export function parseRateLimitWaitMs(remaining: string | null | undefined, reset: string | null | undefined, nowMs: number): number | undefined {
  const remainingText = remaining?.trim();
  const resetText = reset?.trim();
  if (!remainingText || !resetText) return undefined;
  const left = Number(remainingText);
  const resetValue = Number(resetText);
  if (!Number.isFinite(left) || left > 0 || !Number.isFinite(resetValue) || resetValue < 0) return undefined;
  const waitMs = resetValue > EPOCH_SECONDS_THRESHOLD ? resetValue * 1000 - nowMs : resetValue * 1000;
  return Math.max(0, Math.ceil(waitMs));
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
