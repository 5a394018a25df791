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
  /** POST/PUT/PATCH/DELETE requests, excluding the token route. */
  writes: number;
  /** Request count per route pattern, e.g. "GET /v1/blueprints/:id". */
  byRoute: Record<string, number>;
}

export interface FaultSpec {
  /** Answer the next `count` matching /v1 requests with `status` and a Port-style error body. */
  failNext?: { count: number; status: number; method?: string; pathPrefix?: string };
  /** Delay every /v1 response by this many milliseconds. */
  latencyMs?: number;
  /** Destroy the socket of the next N /v1 requests without answering. */
  dropNext?: number;
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Drop all org data (blueprints, entities). Tokens survive so running clients keep working. */
  reset(): void;
  setFaults(f: FaultSpec): void;
  clearFaults(): void;
}

export const DEFAULT_CREDENTIALS: ClientCredentials[] = [{ clientId: "emulator-client-id", clientSecret: "emulator-client-secret" }];
export const DEFAULT_TOKEN_TTL_SECONDS = 3 * 60 * 60;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 15000, periodSeconds: 300 };
