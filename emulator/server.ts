/**
 * Local Port API emulator: wires the org store, auth, rate limit, faults and stats to an HTTP
 * server. Tests start it in-process on an ephemeral port; `main.ts` runs it as a command.
 */
import * as http from "http";
import type { AddressInfo } from "net";
import { buildAdminRouter, type EmulatorControls } from "./admin-routes";
import { ApiError } from "./api-error";
import { handleApiRequest, sendError } from "./api-gateway";
import { TokenIssuer } from "./auth";
import { registerBlueprintRoutes } from "./blueprint-routes";
import { registerEntityRoutes } from "./entity-routes";
import { registerFolderRoutes } from "./folder-routes";
import { registerPageRoutes } from "./page-routes";
import { registerActionRunRoutes } from "./action-run-routes";
import { registerActionRoutes } from "./action-routes";
import { registerIntegrationAdminRoutes, registerIntegrationRoutes } from "./integration-routes";
import { registerWebhookRoutes } from "./webhook-routes";
import { registerPermissionRoutes } from "./permission-routes";
import { registerTeamRoutes } from "./team-routes";
import { registerUserRoutes } from "./user-routes";
import { registerScorecardRoutes } from "./scorecard-routes";
import { registerSearchRoutes } from "./search-routes";
import { FaultInjector } from "./faults";
import { readJsonBody, sendJson } from "./http-io";
import { OrgStore } from "./org-store";
import { syncPeopleEntities } from "./people-entities";
import { loadSnapshot, saveSnapshot } from "./persistence";
import { lockStateFile } from "./state-lock";
import { RateLimiter } from "./rate-limit";
import { Router } from "./router";
import { StatsCounter } from "./stats";
import { registerTokenRoute } from "./token-route";
import { DEFAULT_CREDENTIALS, DEFAULT_RATE_LIMIT, DEFAULT_TOKEN_TTL_SECONDS, type EmulatorOptions, type RunningEmulator } from "./types";

export * from "./types";

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = new OrgStore();
  if (opts.entityDeletionDelayMs !== undefined) store.entityDeletionDelayMs = opts.entityDeletionDelayMs;
  const stateFile = opts.stateFile;
  const lock = stateFile ? lockStateFile(stateFile) : undefined;
  const issuer = new TokenIssuer(opts.credentials ?? DEFAULT_CREDENTIALS, opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS);
  const faults = new FaultInjector();
  const stats = new StatsCounter();
  const limiter = new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);

  const api = new Router();
  registerTokenRoute(api, issuer);
  registerBlueprintRoutes(api, store);
  registerEntityRoutes(api, store);
  registerPageRoutes(api, store);
  registerFolderRoutes(api, store);
  registerActionRunRoutes(api, store); // before the action routes: /v1/actions/runs is not an action
  registerActionRoutes(api, store);
  registerWebhookRoutes(api, store);
  registerIntegrationRoutes(api, store, opts.integrations);
  registerTeamRoutes(api, store);
  registerUserRoutes(api, store);
  registerPermissionRoutes(api, store, { delayMs: opts.permissionDelayMs ?? 300 });
  registerScorecardRoutes(api, store);
  registerSearchRoutes(api, store);
  // Restored once every kind has seeded what an org starts with, so the saved objects win over the seeds.
  if (stateFile) {
    try {
      const snapshot = loadSnapshot(stateFile);
      if (snapshot) {
        store.restore(snapshot);
        syncPeopleEntities(store); // a state saved before the org kept _user/_team entities gets them now
      }
    } catch (err) {
      lock?.release();
      throw err;
    }
    store.onChange = () => saveSnapshot(stateFile, store.snapshot());
  }

  const controls: EmulatorControls = {
    stats: () => stats.snapshot(),
    resetStats: () => {
      stats.reset();
      faults.resetCounts();
    },
    reset: () => {
      store.clear();
      store.changed();
    },
    setFaults: (spec) => faults.set(spec),
    clearFaults: () => faults.clear(),
    faults: () => faults.current(),
    faultCounts: () => faults.faultCounts(),
  };
  const admin = buildAdminRouter(controls);
  registerIntegrationAdminRoutes(admin, store);

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://emulator").pathname;
    const handled = pathname.startsWith("/_emulator/") ? handleAdminRequest(req, res, admin) : handleApiRequest(req, res, { router: api, issuer, limiter, faults, stats });
    handled.catch((err) => sendError(res, err, {}));
  });
  // Keep-alive sockets must not outlive close(), or test runners wait for them.
  server.keepAliveTimeout = 5000;

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => {
      lock?.release();
      reject(err);
    };
    server.once("error", failed);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", failed);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  lock?.setUrl(url);

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        store.dispose(); // pending asynchronous deletions must not write the state file after close
        server.close((err) => {
          lock?.release();
          return err ? reject(err) : resolve();
        });
        server.closeAllConnections();
      }),
    stats: controls.stats,
    resetStats: controls.resetStats,
    reset: controls.reset,
    setFaults: controls.setFaults,
    clearFaults: controls.clearFaults,
    faultCounts: controls.faultCounts,
  };
}

async function handleAdminRequest(req: http.IncomingMessage, res: http.ServerResponse, router: Router): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const pathname = new URL(req.url ?? "/", "http://emulator").pathname;
  try {
    const body = await readJsonBody(req);
    const match = router.match(method, pathname);
    if (!match) throw new ApiError(404, "not_found", `Emulator control route ${method} ${pathname} was not found`);
    const reply = await match.route.handler({ method, params: match.params, query: new URLSearchParams(), body, clientId: "" });
    sendJson(res, reply.status ?? 200, reply.body);
  } catch (err) {
    sendError(res, err, {});
  }
}
