/**
 * Public types of the local Port API emulator. Kept apart from the server so tests, benchmarks and
 * scripts can import them without pulling in the HTTP machinery.
 */

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface RateLimitOptions {
  /** Requests allowed per client per window. */
  limit: number;
  /** Window length in seconds. */
  periodSeconds: number;
}

export interface EmulatorOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Port to bind; 0 (default) picks an ephemeral port. */
  port?: number;
  /** Accepted credential pairs; default one pair, see DEFAULT_CREDENTIALS. */
  credentials?: ClientCredentials[];
  /** Access-token lifetime; default 10800 s (3 h, as Port documents). */
  tokenTtlSeconds?: number;
  /** JSON file holding the org data: loaded at start when present, rewritten after every mutation. */
  stateFile?: string;
  /** Per-client fixed window; default 15000 requests per 300 s (Port's historical non-entity limit). */
  rateLimit?: RateLimitOptions;
  /** Installed integrations (Ocean/exporters) the org has from the start and after reset(); see emulator/integration-routes.ts. */
  integrations?: { installationId: string; installationAppType?: string; title?: string; version?: string; config?: Record<string, unknown> }[];
  /** How long after its blueprint or action a permission scope appears (Port creates them asynchronously); default 300 ms. */
  permissionDelayMs?: number;
  /** How long a deleted entity is still read, listed and counted (Port deletes asynchronously); default 100 ms or PORT_EMULATOR_ENTITY_DELETION_DELAY_MS. */
  entityDeletionDelayMs?: number;
}

export interface EmulatorStats {
  /** Every request except the /_emulator control routes. */
  requests: number;
  /** POST/PUT/PATCH/DELETE requests, excluding the token route and searches (POSTs that change nothing). */
  writes: number;
  /** Request count per route pattern, e.g. "GET /v1/blueprints/:id". */
  byRoute: Record<string, number>;
}

/** Which /v1 requests a one-shot fault hits: the next `count` whose method (any case) and path prefix match. */
export interface RequestMatcher {
  count: number;
  method?: string;
  pathPrefix?: string;
}

/**
 * What chaos injects, each equally likely: 429 (retry-after 1, x-ratelimit-remaining 0, x-ratelimit-reset 1), 500,
 * 502, 503 (none of these apply the request), a connection reset before the request is read, a delay of `delayMs`,
 * and a lost answer (the request is applied, then the connection is destroyed instead of answering).
 */
export const CHAOS_FAULT_KINDS = ["http429", "http500", "http502", "http503", "reset", "delay", "lostAnswer"] as const;
export type ChaosFaultKind = (typeof CHAOS_FAULT_KINDS)[number];

export interface FaultSpec {
  /** Answer the next `count` matching /v1 requests with `status` and a Port-style error body. */
  failNext?: RequestMatcher & { status: number };
  /** Delay every /v1 response by this many milliseconds. */
  latencyMs?: number;
  /** Destroy the socket of the next N /v1 requests without answering. */
  dropNext?: number;
  /** Apply the next `count` matching /v1 requests (the change is stored), then destroy the socket instead of answering. */
  loseAnswerNext?: RequestMatcher;
  /**
   * Fault each /v1 request (the token route included) with probability `rate` (0..1), picking uniformly among
   * `kinds` (default every CHAOS_FAULT_KINDS entry) with a PRNG seeded by `seed`: the same seed and the same
   * requests give the same faults. `delayMs` is the "delay" kind's wait, default 3000.
   */
  chaos?: { rate: number; seed: number; delayMs?: number; kinds?: ChaosFaultKind[] };
}

/**
 * Faults injected since start or resetStats(), per kind: every CHAOS_FAULT_KINDS key (0 when none), plus
 * `http<status>` for failNext statuses. dropNext counts as `reset`, loseAnswerNext as `lostAnswer`; latencyMs is not counted.
 */
export type FaultCounts = Record<string, number>;

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
  stats(): EmulatorStats;
  /** Zeroes the request stats and the fault counts. */
  resetStats(): void;
  /** Drop all org data (blueprints, entities). Tokens survive so running clients keep working. */
  reset(): void;
  setFaults(f: FaultSpec): void;
  /** Stops injecting faults; the counts stay until resetStats(). */
  clearFaults(): void;
  /** Faults injected since start or resetStats(); also in `GET /_emulator/faults` as `counts`. */
  faultCounts(): FaultCounts;
}

export const DEFAULT_CREDENTIALS: ClientCredentials[] = [{ clientId: "emulator-client-id", clientSecret: "emulator-client-secret" }];
export const DEFAULT_TOKEN_TTL_SECONDS = 3 * 60 * 60;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 15000, periodSeconds: 300 };
