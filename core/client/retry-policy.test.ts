import {
  fullJitterDelayMs,
  isNotSentErrorCode,
  isRetryableStatus,
  pacingIntervalMs,
  parseRateLimitResetMs,
  parseRateLimitWaitMs,
  parseRetryAfterMs,
  retryDelay,
} from "./retry-policy";

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("retry policy", () => {
  it("retries 429 and 5xx only", () => {
    expect([429, 500, 502, 503, 504, 599].map(isRetryableStatus)).toEqual([true, true, true, true, true, true]);
    expect([200, 400, 401, 403, 404, 409, 413, 422, 600].map(isRetryableStatus)).toEqual(Array(9).fill(false));
  });

  it("draws full-jitter backoff below a doubling ceiling capped at maxDelayMs", () => {
    const almostOne = () => 0.999999;
    expect(fullJitterDelayMs(1, policy, () => 0)).toBe(0);
    expect(fullJitterDelayMs(1, policy, almostOne)).toBe(99);
    expect(fullJitterDelayMs(3, policy, almostOne)).toBe(399);
    expect(fullJitterDelayMs(10, policy, almostOne)).toBe(999);
  });

  it("reads retry-after as seconds or as an HTTP date", () => {
    expect(parseRetryAfterMs("3", NOW)).toBe(3_000);
    expect(parseRetryAfterMs(new Date(NOW + 5_000).toUTCString(), NOW)).toBe(5_000);
    expect(parseRetryAfterMs(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfterMs("soon", NOW)).toBeUndefined();
    expect(parseRetryAfterMs(null, NOW)).toBeUndefined();
  });

  it("reads x-ratelimit-reset as seconds until reset, or as epoch seconds above 1e9", () => {
    expect(parseRateLimitWaitMs("0", "2", NOW)).toBe(2_000);
    expect(parseRateLimitWaitMs("0", String(NOW / 1000 + 7), NOW)).toBe(7_000);
    expect(parseRateLimitWaitMs("0", String(NOW / 1000 - 7), NOW)).toBe(0);
  });

  it("does not wait while requests remain or when the headers are missing or blank", () => {
    expect(parseRateLimitWaitMs("3", "2", NOW)).toBeUndefined();
    expect(parseRateLimitWaitMs(null, "2", NOW)).toBeUndefined();
    expect(parseRateLimitWaitMs("0", null, NOW)).toBeUndefined();
    expect(parseRateLimitWaitMs("", "2", NOW)).toBeUndefined();
    expect(parseRateLimitWaitMs("0", "later", NOW)).toBeUndefined();
  });

  it("prefers retry-after, then the rate-limit reset, then backoff, all capped at maxDelayMs", () => {
    const noJitter = () => 0;
    expect(retryDelay(1, headers({ "retry-after": "0.5", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.8" }), policy, NOW, noJitter)).toEqual({
      delayMs: 500,
      source: "retry-after",
    });
    expect(retryDelay(1, headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.8" }), policy, NOW, noJitter)).toEqual({ delayMs: 800, source: "rate-limit-reset" });
    expect(retryDelay(1, headers({ "retry-after": "60" }), policy, NOW, noJitter)).toEqual({ delayMs: 1_000, source: "retry-after" });
    expect(retryDelay(2, undefined, policy, NOW, () => 0.5)).toEqual({ delayMs: 100, source: "backoff" });
  });

  it("adds at most 10% jitter to a server-requested wait", () => {
    expect(retryDelay(1, headers({ "retry-after": "0.5" }), policy, NOW, () => 0.999999).delayMs).toBe(550);
  });

  it("reads x-ratelimit-reset alone as milliseconds until reset, by the same seconds-or-epoch rule", () => {
    expect(parseRateLimitResetMs("1.5", NOW)).toBe(1_500);
    expect(parseRateLimitResetMs(String(NOW / 1000 + 4), NOW)).toBe(4_000);
    expect(parseRateLimitResetMs("-1", NOW)).toBeUndefined();
    expect(parseRateLimitResetMs(undefined, NOW)).toBeUndefined();
  });

  it("paces nothing while more than a fifth of the limit remains", () => {
    expect(pacingIntervalMs(headers({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "21", "x-ratelimit-reset": "10" }), NOW)).toBe(0);
    expect(pacingIntervalMs(headers({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "20", "x-ratelimit-reset": "10" }), NOW)).toBe(0);
    expect(pacingIntervalMs(headers({}), NOW)).toBe(0);
  });

  it("spreads the remaining requests and the reset evenly over the time to reset once below a fifth of the limit", () => {
    // 19 left, 10 s to go: 20 starts (19 requests and the one after the reset), 500 ms apart.
    expect(pacingIntervalMs(headers({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "19", "x-ratelimit-reset": "10" }), NOW)).toBe(500);
    expect(pacingIntervalMs(headers({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "1", "x-ratelimit-reset": "10" }), NOW)).toBe(5_000);
    expect(pacingIntervalMs(headers({ "x-ratelimit-limit": "15000", "x-ratelimit-remaining": "2999", "x-ratelimit-reset": String(NOW / 1000 + 300) }), NOW)).toBe(100);
  });

  it("waits the whole time to reset when none remain, with or without x-ratelimit-limit", () => {
    expect(pacingIntervalMs(headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2" }), NOW)).toBe(2_000);
    expect(pacingIntervalMs(headers({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2" }), NOW)).toBe(2_000);
    expect(pacingIntervalMs(headers({ "x-ratelimit-remaining": "3", "x-ratelimit-reset": "2" }), NOW)).toBe(0);
  });

  it("knows the connection errors that happen before a request is sent", () => {
    expect(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"].map(isNotSentErrorCode)).toEqual(Array(6).fill(true));
    expect(["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_HEADERS_TIMEOUT", "EPIPE", undefined].map(isNotSentErrorCode)).toEqual(Array(5).fill(false));
  });
});
