/**
 * Injected failures for /v1 routes, so client retry logic and Pulumi runs can be tested against
 * the failures a real SaaS produces: error statuses, slow answers, dropped connections and answers
 * lost after the write was applied. Faults are the emulator's own test machinery, not Port behaviour.
 */
import { ApiError } from "./api-error";
import { isPlainObject, Problems } from "./validation-problems";
import { CHAOS_FAULT_KINDS, type ChaosFaultKind, type FaultCounts, type FaultSpec, type RequestMatcher } from "./types";

/** Port-style error codes for injected statuses; anything else is "injected_fault". */
const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "invalid_request",
  429: "rate_limited",
  500: "internal_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

export const DEFAULT_CHAOS_DELAY_MS = 3000;

/** What the gateway does to one /v1 request; every field absent means "answer normally". */
export interface FaultPlan {
  /** Destroy the socket before reading or applying the request. */
  reset?: true;
  /** Wait this long (besides `latencyMs`) before handling the request. */
  delayMs?: number;
  /** Answer with this error instead of running the route (after the rate-limit headers are set). */
  failure?: ApiError;
  /** Run the route (its change is stored), then destroy the socket instead of answering. */
  loseAnswer?: true;
}

export class FaultInjector {
  private spec: FaultSpec = {};
  private random: (() => number) | undefined;
  private counts: FaultCounts = zeroCounts();

  /** Replaces the current faults (restarting chaos's random sequence); throws a 422 ApiError listing every problem of `spec`. */
  set(spec: unknown): void {
    this.spec = validateFaultSpec(spec);
    this.random = this.spec.chaos ? mulberry32(this.spec.chaos.seed) : undefined;
  }

  clear(): void {
    this.spec = {};
    this.random = undefined;
  }

  current(): FaultSpec {
    return structuredClone(this.spec);
  }

  get latencyMs(): number {
    return this.spec.latencyMs ?? 0;
  }

  /** Faults injected since start or resetCounts(), per kind (see FaultCounts). */
  faultCounts(): FaultCounts {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = zeroCounts();
  }

  /**
   * Decides, and counts, what happens to this /v1 request. Chaos draws for every request while it is on, so the
   * same seed and the same requests give the same faults; the one-shot faults (dropNext, failNext, loseAnswerNext)
   * take precedence over it, in that order.
   */
  plan(method: string, path: string): FaultPlan {
    const drawn = this.drawChaos();
    if (this.spec.dropNext) {
      this.spec.dropNext -= 1;
      return this.count("reset", { reset: true });
    }
    const fail = this.spec.failNext;
    if (fail && takeMatching(fail, method, path)) {
      if (fail.count === 0) delete this.spec.failNext;
      // retry-after 0 keeps clients that honour it from sleeping through a test.
      return this.count(`http${fail.status}`, { failure: injectedError(fail.status, fail.status === 429 ? { "retry-after": "0" } : {}) });
    }
    const lose = this.spec.loseAnswerNext;
    if (lose && takeMatching(lose, method, path)) {
      if (lose.count === 0) delete this.spec.loseAnswerNext;
      return this.count("lostAnswer", { loseAnswer: true });
    }
    if (drawn === undefined) return {};
    return this.count(drawn, chaosPlan(drawn, this.spec.chaos?.delayMs ?? DEFAULT_CHAOS_DELAY_MS));
  }

  /** The chaos fault for this request, or undefined; two draws per request whether it is faulted or not. */
  private drawChaos(): ChaosFaultKind | undefined {
    const chaos = this.spec.chaos;
    if (!chaos || !this.random) return undefined;
    const faulted = this.random() < chaos.rate;
    const kinds = chaos.kinds ?? CHAOS_FAULT_KINDS;
    const kind = kinds[Math.floor(this.random() * kinds.length)];
    return faulted ? kind : undefined;
  }

  private count(kind: string, plan: FaultPlan): FaultPlan {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    return plan;
  }
}

function chaosPlan(kind: ChaosFaultKind, delayMs: number): FaultPlan {
  switch (kind) {
    case "http429":
      // Port's rate-limit headers as a real limit would send them (rate-limit.ts): none left, reset in 1 s.
      return { failure: injectedError(429, { "retry-after": "1", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1" }) };
    case "http500":
      return { failure: injectedError(500) };
    case "http502":
      return { failure: injectedError(502) };
    case "http503":
      return { failure: injectedError(503) };
    case "reset":
      return { reset: true };
    case "delay":
      return { delayMs };
    case "lostAnswer":
      return { loseAnswer: true };
  }
}

function injectedError(status: number, headers: Record<string, string> = {}): ApiError {
  return new ApiError(status, CODES[status] ?? "injected_fault", `Injected fault: the emulator was told to answer ${status}`, undefined, headers);
}

/** True (and counts down) when `matcher` has requests left and this request matches it. */
function takeMatching(matcher: RequestMatcher, method: string, path: string): boolean {
  if (matcher.count <= 0) return false;
  if (matcher.method && matcher.method.toUpperCase() !== method.toUpperCase()) return false;
  if (matcher.pathPrefix && !path.startsWith(matcher.pathPrefix)) return false;
  matcher.count -= 1;
  return true;
}

function zeroCounts(): FaultCounts {
  return Object.fromEntries(CHAOS_FAULT_KINDS.map((kind) => [kind, 0]));
}

/** mulberry32: a tiny seeded PRNG (uniform in [0, 1)), enough to make fault sequences repeatable. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validateFaultSpec(spec: unknown): FaultSpec {
  const problems = new Problems();
  if (!isPlainObject(spec)) {
    problems.add("/", "must be an object");
    problems.throwIfAny();
  }
  const s = spec as Record<string, unknown>;
  const out: FaultSpec = {};
  for (const key of Object.keys(s)) {
    if (!["failNext", "latencyMs", "dropNext", "loseAnswerNext", "chaos"].includes(key)) problems.add(`/${key}`, "is not a known fault kind");
  }
  if (s.latencyMs !== undefined) {
    if (nonNegativeInt(s.latencyMs)) out.latencyMs = s.latencyMs;
    else problems.add("/latencyMs", "must be a non-negative integer");
  }
  if (s.dropNext !== undefined) {
    if (nonNegativeInt(s.dropNext)) out.dropNext = s.dropNext;
    else problems.add("/dropNext", "must be a non-negative integer");
  }
  if (s.failNext !== undefined) {
    const matcher = validateMatcher(s.failNext, "/failNext", problems);
    const status = isPlainObject(s.failNext) ? s.failNext.status : undefined;
    if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) problems.add("/failNext/status", "must be an HTTP error status (400-599)");
    if (matcher) out.failNext = { count: matcher.count, status: status as number, ...(matcher.method !== undefined ? { method: matcher.method } : {}), ...pathPrefixOf(matcher) };
  }
  if (s.loseAnswerNext !== undefined) {
    const matcher = validateMatcher(s.loseAnswerNext, "/loseAnswerNext", problems);
    if (matcher) out.loseAnswerNext = matcher;
  }
  if (s.chaos !== undefined) {
    const chaos = validateChaos(s.chaos, problems);
    if (chaos) out.chaos = chaos;
  }
  problems.throwIfAny();
  return out;
}

function nonNegativeInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function pathPrefixOf(matcher: RequestMatcher): { pathPrefix?: string } {
  return matcher.pathPrefix !== undefined ? { pathPrefix: matcher.pathPrefix } : {};
}

/** `{count, method?, pathPrefix?}`; keys other than these (and failNext's `status`) are reported. */
function validateMatcher(value: unknown, at: string, problems: Problems): RequestMatcher | undefined {
  if (!isPlainObject(value)) {
    problems.add(at, "must be an object");
    return undefined;
  }
  const known = at === "/failNext" ? ["count", "status", "method", "pathPrefix"] : ["count", "method", "pathPrefix"];
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.add(`${at}/${key}`, `is not a known field; use ${known.join(", ")}`);
  if (!nonNegativeInt(value.count)) problems.add(`${at}/count`, "must be a non-negative integer");
  if (value.method !== undefined && typeof value.method !== "string") problems.add(`${at}/method`, "must be a string");
  if (value.pathPrefix !== undefined && typeof value.pathPrefix !== "string") problems.add(`${at}/pathPrefix`, "must be a string");
  return {
    count: value.count as number,
    ...(value.method !== undefined ? { method: value.method as string } : {}),
    ...(value.pathPrefix !== undefined ? { pathPrefix: value.pathPrefix as string } : {}),
  };
}

function validateChaos(value: unknown, problems: Problems): FaultSpec["chaos"] {
  if (!isPlainObject(value)) {
    problems.add("/chaos", "must be an object");
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!["rate", "seed", "delayMs", "kinds"].includes(key)) problems.add(`/chaos/${key}`, "is not a known field; use rate, seed, delayMs, kinds");
  const { rate, seed, delayMs, kinds } = value;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) problems.add("/chaos/rate", "must be a number from 0 to 1 (the share of /v1 requests to fault)");
  if (!Number.isInteger(seed)) problems.add("/chaos/seed", "must be an integer");
  if (delayMs !== undefined && !nonNegativeInt(delayMs)) problems.add("/chaos/delayMs", "must be a non-negative integer");
  const knownKinds: readonly string[] = CHAOS_FAULT_KINDS;
  if (kinds !== undefined && (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !knownKinds.includes(k as string)))) {
    problems.add("/chaos/kinds", `must be a non-empty list of ${CHAOS_FAULT_KINDS.join(", ")}`);
  }
  return {
    rate: rate as number,
    seed: seed as number,
    ...(delayMs !== undefined ? { delayMs: delayMs as number } : {}),
    ...(kinds !== undefined ? { kinds: kinds as ChaosFaultKind[] } : {}),
  };
}
