/**
 * /_emulator control routes: unauthenticated, never counted in stats and never faulted, so that
 * tests and benchmarks driving the Pulumi CLI in another process can observe and steer the run.
 */
import { Router } from "./router";
import type { EmulatorStats, FaultCounts, FaultSpec } from "./types";

export interface EmulatorControls {
  stats(): EmulatorStats;
  resetStats(): void;
  reset(): void;
  /** Throws a 422 ApiError when the spec is malformed. */
  setFaults(spec: unknown): void;
  clearFaults(): void;
  faults(): FaultSpec;
  faultCounts(): FaultCounts;
}

export function buildAdminRouter(controls: EmulatorControls): Router {
  const router = new Router();
  router.add("GET", "/_emulator/health", () => ({ body: { ok: true } }), { public: true });
  router.add("GET", "/_emulator/stats", () => ({ body: { ok: true, stats: controls.stats() } }), { public: true });
  router.add(
    "POST",
    "/_emulator/stats/reset",
    () => {
      controls.resetStats();
      return { body: { ok: true } };
    },
    { public: true },
  );
  router.add("GET", "/_emulator/faults", () => ({ body: { ok: true, faults: controls.faults(), counts: controls.faultCounts() } }), { public: true });
  router.add(
    "POST",
    "/_emulator/faults",
    ({ body }) => {
      controls.setFaults(body);
      return { body: { ok: true, faults: controls.faults() } };
    },
    { public: true },
  );
  router.add(
    "DELETE",
    "/_emulator/faults",
    () => {
      controls.clearFaults();
      return { body: { ok: true } };
    },
    { public: true },
  );
  router.add(
    "POST",
    "/_emulator/reset",
    () => {
      controls.reset();
      return { body: { ok: true } };
    },
    { public: true },
  );
  return router;
}
