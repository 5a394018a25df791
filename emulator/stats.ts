/** Request counters that end-to-end tests and benchmarks read to prove how many calls a run made. */
import type { EmulatorStats } from "./types";
import { TOKEN_ROUTE } from "./token-route";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class StatsCounter {
  private stats: EmulatorStats = { requests: 0, writes: 0, byRoute: {} };

  /** `route` is the matched pattern ("GET /v1/blueprints/:id"), as `byRoute` keys it. */
  record(route: string): void {
    this.stats.requests += 1;
    if (isWriteRoute(route)) this.stats.writes += 1;
    this.stats.byRoute[route] = (this.stats.byRoute[route] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return { ...this.stats, byRoute: { ...this.stats.byRoute } };
  }

  reset(): void {
    this.stats = { requests: 0, writes: 0, byRoute: {} };
  }
}

/**
 * Whether a request to `route` ("PUT /v1/blueprints/:id", a `byRoute` key) counts as a write. Not
 * writes: the token route, and searches, which Port takes as POSTs but which change nothing
 * (apispec.yaml: /v1/entities/search).
 */
export function isWriteRoute(route: string): boolean {
  return WRITE_METHODS.has(route.split(" ")[0]) && route !== `POST ${TOKEN_ROUTE}` && !route.endsWith("/search");
}
