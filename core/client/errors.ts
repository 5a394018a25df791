/**
 * The one error type the client throws for anything Port (or the network on the way to Port) rejects.
 * Why: providers and components need to branch on `status`/`code` (e.g. treat a 404 on delete as done)
 * and users need one readable sentence; both come from here. Messages never carry request bodies or credentials.
 */

import { ACCESS_TOKEN_PATH } from "./token";

export interface PortApiErrorInit {
  method: string;
  /** Request path without the query string, e.g. `/v1/blueprints/svc`. */
  path: string;
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  status: number;
  /** Port's machine-readable `error` field, e.g. `not_found`, `has_dependents`. */
  code?: string;
  /** Port's human-readable `message` field. */
  portMessage?: string;
  /** Port's `details` field, passed through as-is. */
  details?: unknown;
  /** Value of the `x-trace-id` response header, for Port support tickets. */
  traceId?: string;
  /** Client-side explanation used when Port sent no message (network error, timeout, non-JSON body). */
  reason?: string;
  /** How many HTTP attempts were made before giving up (default 1). */
  attempts?: number;
  /** See PortApiError.outcomeUnknown; default false. */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class PortApiError extends Error {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly portMessage: string | undefined;
  readonly details: unknown;
  readonly traceId: string | undefined;
  readonly attempts: number;
  /**
   * True when this write may have been applied in Port although no answer says so: a timeout, a connection lost
   * after sending, or a 5xx, on the request's last attempt or an earlier one (a create is not repeated after these;
   * an idempotent write is, until its attempts run out). Never true for a GET or the token route, which change
   * nothing. Whoever sent the write reads Port back to learn what happened before deciding what to do next.
   */
  readonly outcomeUnknown: boolean;

  constructor(init: PortApiErrorInit) {
    super(formatPortApiErrorMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "PortApiError";
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.portMessage = init.portMessage;
    this.details = init.details;
    this.traceId = init.traceId;
    this.attempts = init.attempts ?? 1;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }

  /**
   * True for any 404 of the call's own route, whatever the body: Port's own clients read every 404 as "gone"
   * (terraform-provider-port-labs port/<kind>/resource.go: `statusCode == 404` removes the resource; Ocean's
   * port_ocean/clients/port/mixins/entities.py: a 404 on delete means "already deleted"). The token route is the
   * exception: a 404 there means a wrong base URL (no object was asked for), and Terraform fails the provider's
   * configuration on it, never a resource's read.
   */
  get isNotFound(): boolean {
    return this.status === 404 && this.path !== ACCESS_TOKEN_PATH;
  }
}

/** `Port API PUT /v1/blueprints/svc failed with 422 (invalid_request): <message>`, plus attempts and an unknown outcome when they apply. */
export function formatPortApiErrorMessage(init: PortApiErrorInit): string {
  const outcome = init.status === 0 ? "no response" : String(init.status);
  const code = init.code ? ` (${init.code})` : "";
  const explanation = init.portMessage ?? init.reason;
  const text = explanation ? `: ${explanation}` : "";
  const attempts = init.attempts !== undefined && init.attempts > 1 ? ` (gave up after ${init.attempts} attempts)` : "";
  const unknown = init.outcomeUnknown ? "; the outcome is unknown: Port may have applied it, so the provider reads Port back to find out" : "";
  return `Port API ${init.method} ${init.path} failed with ${outcome}${code}${text}${attempts}${unknown}`;
}
