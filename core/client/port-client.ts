/**
 * HTTP client for Port's REST API: token handling, retries with backoff, rate-limit waits and typed errors.
 * Why hand-rolled on global fetch: Node 20 ships fetch and AbortController, and the retry/401/rate-limit rules
 * are Port-specific enough that a generic HTTP library would still need all of this code around it.
 */

import { setTimeout as sleep } from "node:timers/promises";
import { resolvePortBaseUrl } from "./base-url";
import { errorFieldsFromBody, isRecord, parseBody, type ParsedBody } from "./envelope";
import { PortApiError } from "./errors";
import { redactText } from "./redact";
import { isNotSentErrorCode, isRetryableStatus, pacingIntervalMs, retryDelay, type BackoffPolicy } from "./retry-policy";
import { ACCESS_TOKEN_PATH, AccessTokenCache, type AccessTokenGrant } from "./token";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Appended to the URL; `undefined` values are left out. */
  query?: QueryParams;
  /**
   * Whether sending the request twice has the same effect as sending it once. Default: every method but POST.
   * A non-idempotent request (a create, an action run) is repeated only when Port surely did not apply it: a 429,
   * the 401 that renews the token, or a connection that failed before sending. After a timeout, a connection lost
   * after sending or a 5xx it throws at once with `outcomeUnknown`. Mark POSTs that are safe to repeat (upserts,
   * searches) `idempotent: true` to have them retried like PUTs.
   */
  idempotent?: boolean;
}

export interface RetryInfo {
  method: string;
  path: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** Why, e.g. `HTTP 429`, `timeout after 30000 ms`, `network error (fetch failed: other side closed)`. */
  reason: string;
}

export interface PortClientOptions {
  /** Base URL, e.g. from `resolvePortBaseUrl()`; a region name ("eu", "us") is accepted too. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Total attempts per call, first one included. Default 5 (as Port's Terraform provider). */
  maxAttempts?: number;
  /** Per attempt, covering headers and body. Default 30000. */
  timeoutMs?: number;
  /** Backoff scale for attempt 1; doubles per attempt. Default 250. */
  baseDelayMs?: number;
  /** Cap on any single wait, including server-requested ones. Default 15000. */
  maxDelayMs?: number;
  userAgent?: string;
  /** Called before each wait-and-retry; useful for logging. */
  onRetry?: (info: RetryInfo) => void;
}

export const DEFAULT_USER_AGENT = "port-portal-client";

/** `notSent`: the connection failed before the request left, so Port cannot have applied it. */
type AttemptOutcome = { kind: "response"; status: number; headers: Headers; body: ParsedBody } | { kind: "failure"; reason: string; cause: unknown; notSent: boolean };

/** Lets the token route reject a 2xx body that lacks a token, with the real status in the error. */
type BodyCheck = (body: Record<string, unknown>) => string | undefined;

export class PortClient {
  readonly baseUrl: string;
  // Private (#) so that JSON.stringify and util.inspect never show credentials or the cached token.
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #maxAttempts: number;
  readonly #timeoutMs: number;
  readonly #backoff: BackoffPolicy;
  readonly #userAgent: string;
  readonly #onRetry: ((info: RetryInfo) => void) | undefined;
  readonly #tokens: AccessTokenCache;
  /** Earliest time the next request may start, from Port's rate-limit headers; each request moves it on by #paceMs. */
  #notBeforeMs = 0;
  /** Gap between request starts while the rate-limit window runs low (see pacingIntervalMs); 0 otherwise. */
  #paceMs = 0;

  constructor(opts: PortClientOptions) {
    this.baseUrl = resolvePortBaseUrl(opts.baseUrl);
    if (!opts.clientId) throw new Error("PortClient: clientId is empty; set it to your Port client ID.");
    if (!opts.clientSecret) throw new Error("PortClient: clientSecret is empty; set it to your Port client secret.");
    this.#clientId = opts.clientId;
    this.#clientSecret = opts.clientSecret;
    this.#maxAttempts = checkedNumber("maxAttempts", opts.maxAttempts, 5, 1, true);
    this.#timeoutMs = checkedNumber("timeoutMs", opts.timeoutMs, 30_000, 1, false);
    this.#backoff = {
      baseDelayMs: checkedNumber("baseDelayMs", opts.baseDelayMs, 250, 0, false),
      maxDelayMs: checkedNumber("maxDelayMs", opts.maxDelayMs, 15_000, 0, false),
    };
    this.#userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.#onRetry = opts.onRetry;
    this.#tokens = new AccessTokenCache(() => this.#fetchToken());
  }

  /** Calls Port and returns the whole success envelope (`{ok: true, ...}`); throws PortApiError otherwise. */
  request<T = Record<string, unknown>>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    return this.#execute<T>(method, path, opts, true);
  }

  async #fetchToken(): Promise<AccessTokenGrant> {
    const body = await this.#execute<Record<string, unknown>>(
      "POST",
      ACCESS_TOKEN_PATH,
      { body: { clientId: this.#clientId, clientSecret: this.#clientSecret }, idempotent: true },
      false,
      (res) => (typeof res.accessToken === "string" && res.accessToken !== "" ? undefined : "the response has no accessToken"),
    );
    return {
      accessToken: body.accessToken as string,
      expiresIn: typeof body.expiresIn === "number" ? body.expiresIn : undefined,
      tokenType: typeof body.tokenType === "string" ? body.tokenType : undefined,
    };
  }

  async #execute<T>(method: HttpMethod, rawPath: string, opts: RequestOptions, authenticated: boolean, check?: BodyCheck): Promise<T> {
    const { path, url } = this.#buildUrl(rawPath, opts.query);
    const bodyText = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const idempotent = opts.idempotent ?? method !== "POST";
    // Only a request that can change Port has an unknown outcome; a read or a token grant changes nothing.
    const changesPort = method !== "GET" && path !== ACCESS_TOKEN_PATH;
    let maybeApplied = false;
    let renewedAfter401 = false;

    for (let attempt = 1; ; attempt++) {
      await this.#waitForRateLimit();
      // The token route gets no Authorization header: Port's gateway rejects stale tokens even there.
      const authorization = authenticated ? await this.#tokens.authorization() : undefined;
      const outcome = await this.#attempt(method, url, bodyText, authorization);
      const secrets = [this.#clientSecret, authorization?.split(" ").pop()];

      if (outcome.kind === "failure") {
        const reason = redactText(outcome.reason, secrets);
        maybeApplied ||= !outcome.notSent;
        if ((idempotent || outcome.notSent) && attempt < this.#maxAttempts) {
          await this.#pauseBeforeRetry(method, path, attempt, undefined, reason);
          continue;
        }
        throw new PortApiError({ method, path, status: 0, reason, attempts: attempt, cause: outcome.cause, outcomeUnknown: changesPort && maybeApplied });
      }

      this.#noteRateLimit(outcome.headers);
      const { status, headers, body } = outcome;
      const traceId = headers.get("x-trace-id") ?? undefined;
      if (status >= 200 && status < 300) return this.#successBody<T>(method, path, status, traceId, body, secrets, attempt, check);

      if (status === 401 && authorization !== undefined && !renewedAfter401) {
        // Expired or revoked token: renew once and repeat this attempt without spending the retry budget.
        renewedAfter401 = true;
        this.#tokens.invalidate(authorization);
        attempt--;
        continue;
      }
      // A 429 was refused before it ran; a 5xx may have failed after applying part or all of the request.
      const serverError = status >= 500;
      maybeApplied ||= serverError;
      if (isRetryableStatus(status) && (idempotent || !serverError) && attempt < this.#maxAttempts) {
        await this.#pauseBeforeRetry(method, path, attempt, headers, `HTTP ${status}`);
        continue;
      }
      const fields = errorFieldsFromBody(body, secrets);
      const location = headers.get("location");
      if (status >= 300 && status < 400 && location) fields.reason = `redirected to ${redactText(location, secrets)}`;
      throw new PortApiError({ method, path, status, traceId, attempts: attempt, ...fields, outcomeUnknown: changesPort && serverError });
    }
  }

  async #attempt(method: HttpMethod, url: string, bodyText: string | undefined, authorization: string | undefined): Promise<AttemptOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    try {
      const headers: Record<string, string> = { accept: "application/json", "user-agent": this.#userAgent };
      if (bodyText !== undefined) headers["content-type"] = "application/json";
      if (authorization !== undefined) headers.authorization = authorization;
      // redirect "manual": following a redirect would re-send the token (or the token route's secret) elsewhere.
      const res = await fetch(url, { method, headers, body: bodyText, signal: controller.signal, redirect: "manual" });
      // The body is read under the same timeout: a server that stalls mid-body is as stuck as one that never answers.
      const text = await res.text();
      return { kind: "response", status: res.status, headers: res.headers, body: parseBody(text) };
    } catch (error) {
      if (timedOut) return { kind: "failure", reason: `timeout after ${this.#timeoutMs} ms`, cause: error, notSent: false };
      return { kind: "failure", reason: describeNetworkError(error), cause: error, notSent: isNotSentErrorCode(networkErrorCode(error)) };
    } finally {
      clearTimeout(timer);
    }
  }

  #successBody<T>(
    method: HttpMethod,
    path: string,
    status: number,
    traceId: string | undefined,
    body: ParsedBody,
    secrets: (string | undefined)[],
    attempts: number,
    check: BodyCheck | undefined,
  ): T {
    if (body.kind === "empty") return {} as T;
    const fail = (fields: object) => new PortApiError({ method, path, status, traceId, attempts, ...fields });
    if (body.kind !== "json" || !isRecord(body.value)) throw fail(errorFieldsFromBody(body, secrets));
    // Port signals some failures inside a 2xx envelope.
    if (body.value.ok === false) throw fail(errorFieldsFromBody(body, secrets));
    const problem = check?.(body.value);
    if (problem) throw fail({ reason: problem });
    return body.value as T;
  }

  async #pauseBeforeRetry(method: string, path: string, attempt: number, headers: Headers | undefined, reason: string): Promise<void> {
    const { delayMs } = retryDelay(attempt, headers, this.#backoff, Date.now());
    this.#onRetry?.({ method, path, attempt, delayMs, reason });
    if (delayMs > 0) await sleep(delayMs);
  }

  /**
   * Each response's rate-limit headers set the pace of this client's later requests (pacingIntervalMs): the next one
   * starts no sooner than this gap after the response, and each one waiting takes its own slot one gap later, so
   * concurrent callers are spread too. `remaining: 0` makes the gap the whole time to reset.
   */
  #noteRateLimit(headers: Headers): void {
    const now = Date.now();
    this.#paceMs = Math.min(pacingIntervalMs(headers, now), this.#backoff.maxDelayMs);
    this.#notBeforeMs = Math.max(this.#notBeforeMs, now + this.#paceMs);
  }

  async #waitForRateLimit(): Promise<void> {
    const now = Date.now();
    const startMs = Math.max(now, this.#notBeforeMs);
    if (this.#paceMs > 0) this.#notBeforeMs = startMs + this.#paceMs;
    if (startMs > now) await sleep(startMs - now);
  }

  #buildUrl(rawPath: string, query: QueryParams | undefined): { path: string; url: string } {
    if (!rawPath.startsWith("/")) throw new Error(`PortClient: request paths start with "/", got ${JSON.stringify(rawPath)}.`);
    const url = new URL(this.baseUrl + rawPath);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.append(key, String(value));
    }
    const queryStart = rawPath.indexOf("?");
    return { path: queryStart === -1 ? rawPath : rawPath.slice(0, queryStart), url: url.toString() };
  }
}

/**
 * Node's fetch says only "fetch failed"; the useful part (ECONNRESET, "other side closed") is in `cause`.
 * Duck-typed rather than `instanceof Error`: fetch errors come from Node's own realm, which differs under jest's vm.
 */
function describeNetworkError(error: unknown): string {
  const messageOf = (value: unknown) => (isRecord(value) && typeof value.message === "string" ? value.message : undefined);
  const message = messageOf(error) ?? String(error);
  const cause = isRecord(error) ? error.cause : undefined;
  const code = isRecord(cause) && typeof cause.code === "string" ? cause.code : undefined;
  const extra = [code, messageOf(cause)].filter((part) => part && part !== message).join(" ");
  return `network error (${message}${extra ? `: ${extra}` : ""})`;
}

/** The `code` of fetch's `cause` (e.g. ECONNREFUSED), or of the first error of an AggregateError from connecting to several addresses. */
function networkErrorCode(error: unknown): string | undefined {
  const cause = isRecord(error) ? error.cause : undefined;
  if (!isRecord(cause)) return undefined;
  if (typeof cause.code === "string") return cause.code;
  const first = Array.isArray(cause.errors) ? cause.errors[0] : undefined;
  return isRecord(first) && typeof first.code === "string" ? first.code : undefined;
}

function checkedNumber(name: string, value: number | undefined, fallback: number, min: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`PortClient: ${name} must be ${integer ? "an integer" : "a number"} >= ${min}, got ${String(value)}.`);
  }
  return value;
}
