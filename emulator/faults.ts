/**
 * Injected failures for /v1 routes, so client retry logic and Pulumi runs can be tested against
 * the failures a real SaaS produces: error statuses, slow answers and dropped connections.
 */
import { ApiError } from "./api-error";
import { isPlainObject, Problems } from "./validation-problems";
import type { FaultSpec } from "./types";

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

export class FaultInjector {
  private spec: FaultSpec = {};

  /** Replaces the current faults; throws a 422 ApiError listing every problem of `spec`. */
  set(spec: unknown): void {
    this.spec = validateFaultSpec(spec);
  }

  clear(): void {
    this.spec = {};
  }

  current(): FaultSpec {
    return structuredClone(this.spec);
  }

  get latencyMs(): number {
    return this.spec.latencyMs ?? 0;
  }

  /** True (and counts down) when this request's socket should be destroyed. */
  takeDrop(): boolean {
    if (!this.spec.dropNext) return false;
    this.spec.dropNext -= 1;
    return true;
  }

  /** The injected error for this request, if one is due (and counts down). */
  takeFailure(method: string, path: string): ApiError | undefined {
    const fail = this.spec.failNext;
    if (!fail || fail.count <= 0) return undefined;
    if (fail.method && fail.method.toUpperCase() !== method.toUpperCase()) return undefined;
    if (fail.pathPrefix && !path.startsWith(fail.pathPrefix)) return undefined;
    fail.count -= 1;
    if (fail.count === 0) delete this.spec.failNext;
    // retry-after 0 keeps clients that honour it from sleeping through a test.
    const headers: Record<string, string> = fail.status === 429 ? { "retry-after": "0" } : {};
    return new ApiError(fail.status, CODES[fail.status] ?? "injected_fault", `Injected fault: the emulator was told to answer ${fail.status}`, undefined, headers);
  }
}

function validateFaultSpec(spec: unknown): FaultSpec {
  const problems = new Problems();
  if (!isPlainObject(spec)) {
    problems.add("/", "must be an object");
    problems.throwIfAny();
  }
  const s = spec as Record<string, unknown>;
  const out: FaultSpec = {};
  const nonNegativeInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  for (const key of Object.keys(s)) {
    if (!["failNext", "latencyMs", "dropNext"].includes(key)) problems.add(`/${key}`, "is not a known fault kind");
  }
  if (s.latencyMs !== undefined) {
    if (nonNegativeInt(s.latencyMs)) out.latencyMs = s.latencyMs as number;
    else problems.add("/latencyMs", "must be a non-negative integer");
  }
  if (s.dropNext !== undefined) {
    if (nonNegativeInt(s.dropNext)) out.dropNext = s.dropNext as number;
    else problems.add("/dropNext", "must be a non-negative integer");
  }
  if (s.failNext !== undefined) {
    const f = s.failNext;
    if (!isPlainObject(f)) {
      problems.add("/failNext", "must be an object");
    } else {
      if (!nonNegativeInt(f.count)) problems.add("/failNext/count", "must be a non-negative integer");
      if (!Number.isInteger(f.status) || (f.status as number) < 400 || (f.status as number) > 599) {
        problems.add("/failNext/status", "must be an HTTP error status (400-599)");
      }
      if (f.method !== undefined && typeof f.method !== "string") problems.add("/failNext/method", "must be a string");
      if (f.pathPrefix !== undefined && typeof f.pathPrefix !== "string") {
        problems.add("/failNext/pathPrefix", "must be a string");
      }
      out.failNext = {
        count: f.count as number,
        status: f.status as number,
        ...(f.method !== undefined ? { method: f.method as string } : {}),
        ...(f.pathPrefix !== undefined ? { pathPrefix: f.pathPrefix as string } : {}),
      };
    }
  }
  problems.throwIfAny();
  return out;
}
