/**
 * The request pipeline in front of the /v1 routes, in the order a SaaS gateway applies it:
 * injected resets and delays, rate limit (headers on every answer), injected failures, body
 * limits, routing, then authentication; an injected lost answer drops the reply after the route ran.
 * Handlers only ever see authenticated, parsed requests.
 */
import { randomUUID } from "crypto";
import type { IncomingMessage, ServerResponse } from "http";
import { ApiError, unauthorized } from "./api-error";
import { bearerToken, type TokenIssuer } from "./auth";
import { readJsonBody, sendJson } from "./http-io";
import type { FaultInjector, FaultPlan } from "./faults";
import type { RateLimiter } from "./rate-limit";
import type { Route, Router } from "./router";
import type { StatsCounter } from "./stats";

export interface GatewayDeps {
  router: Router;
  issuer: TokenIssuer;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: StatsCounter;
}

export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, deps: GatewayDeps): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator");
  const isV1 = url.pathname === "/v1" || url.pathname.startsWith("/v1/");
  const headers: Record<string, string> = { "x-trace-id": randomUUID() };

  let match: { route: Route; params: Record<string, string> } | undefined;
  let matchError: unknown;
  try {
    match = deps.router.match(method, url.pathname);
  } catch (err) {
    matchError = err;
  }
  const label = match?.route.label ?? `${method} (unmatched)`;
  deps.stats.record(label);

  const fault: FaultPlan = isV1 ? deps.faults.plan(method, url.pathname) : {};
  if (fault.reset) {
    req.socket.destroy();
    return;
  }
  const delayMs = (isV1 ? deps.faults.latencyMs : 0) + (fault.delayMs ?? 0);
  if (delayMs > 0) await sleep(delayMs);

  const token = bearerToken(req.headers.authorization);
  const tokenCheck = token ? deps.issuer.check(token) : undefined;

  try {
    if (isV1) {
      // Service accounts are limited per client; anonymous callers per address.
      const key = tokenCheck?.ok ? `client:${tokenCheck.clientId}` : `anonymous:${req.socket.remoteAddress}`;
      const verdict = deps.limiter.take(key);
      Object.assign(headers, verdict.headers);
      if (fault.failure) throw fault.failure;
      if (!verdict.allowed) {
        // 429 `rate_limited` with retry-after (assumption; see emulator/README.md).
        throw new ApiError(429, "rate_limited", `Rate limit exceeded; retry in ${verdict.resetSeconds} s`, undefined, {
          "retry-after": String(verdict.resetSeconds),
        });
      }
    }
    const body = await readJsonBody(req);
    if (matchError) throw matchError;
    if (!match) {
      throw new ApiError(404, "not_found", `Route ${method} ${url.pathname} was not found`, {
        resource: "Route",
        byField: "path",
        withValue: `${method} ${url.pathname}`,
      });
    }
    const clientId = authenticate(req.headers.authorization, tokenCheck, match.route.public);
    const reply = await match.route.handler({ method, params: match.params, query: url.searchParams, body, clientId });
    if (fault.loseAnswer) {
      req.socket.destroy();
      return;
    }
    sendJson(res, reply.status ?? 200, reply.body, headers);
  } catch (err) {
    // A lost answer is lost whatever it said.
    if (fault.loseAnswer) {
      req.socket.destroy();
      return;
    }
    sendError(res, err, headers);
  }
}

/**
 * Returns the caller's clientId. A header with a bad token is refused even on the public token
 * route, as Port's gateway does (the k8s exporter strips stale headers for this reason).
 */
function authenticate(header: string | undefined, check: ReturnType<TokenIssuer["check"]> | undefined, isPublic: boolean): string {
  if (check?.ok) return check.clientId;
  if (check && check.reason === "expired") {
    throw unauthorized("The access token has expired; request a new one from POST /v1/auth/access_token");
  }
  if (check || header) throw unauthorized("The Authorization header does not carry a valid bearer token");
  if (isPublic) return "";
  throw unauthorized("Missing Authorization header; send `Authorization: Bearer <accessToken>`");
}

export function sendError(res: ServerResponse, err: unknown, headers: Record<string, string>): void {
  if (err instanceof ApiError) {
    sendJson(res, err.status, err.body(), { ...headers, ...err.headers });
    return;
  }
  console.error("Port emulator: unexpected error", err);
  sendJson(res, 500, { ok: false, error: "internal_error", message: `Emulator bug: ${(err as Error)?.message ?? err}` }, headers);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
