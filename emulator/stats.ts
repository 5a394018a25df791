/** Request counters that end-to-end tests and benchmarks read to prove how many calls a run made. */
import type { EmulatorStats } from "./types";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class StatsCounter {
  private stats: EmulatorStats = { requests: 0, writes: 0, byRoute: {} };

  /**
   * `route` is the matched pattern ("GET /v1/blueprints/:id"). Not writes: the token route, and
   * searches, which Port takes as POSTs but which change nothing (apispec.yaml: /v1/entities/search).
   */
  record(method: string, route: string, isTokenRoute: boolean): void {
    this.stats.requests += 1;
    if (WRITE_METHODS.has(method) && !isTokenRoute && !route.endsWith("/search")) this.stats.writes += 1;
    this.stats.byRoute[route] = (this.stats.byRoute[route] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return { ...this.stats, byRoute: { ...this.stats.byRoute } };
  }

  reset(): void {
    this.stats = { requests: 0, writes: 0, byRoute: {} };
  }
}
