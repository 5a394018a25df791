/**
 * The one error type the client throws for anything Port (or the network on the way to Port) rejects.
 * Why: providers and components need to branch on `status`/`code` (e.g. treat `not_found` on delete as done)
 * and users need one readable sentence; both come from here. Messages never carry request bodies or credentials.
 */

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
  }

  /**
   * True only for Port's own "not found" answer. Why the `code` check: a bare 404 (say, an HTML page from a
   * proxy behind a wrong base URL) must not make a provider believe a resource is gone and drop it from state.
   */
  get isNotFound(): boolean {
    return this.status === 404 && this.code === "not_found";
  }
}

/** `Port API PUT /v1/blueprints/svc failed with 422 (invalid_request): <message>` */
export function formatPortApiErrorMessage(init: PortApiErrorInit): string {
  const outcome = init.status === 0 ? "no response" : String(init.status);
  const code = init.code ? ` (${init.code})` : "";
  const explanation = init.portMessage ?? init.reason;
  const text = explanation ? `: ${explanation}` : "";
  const attempts = init.attempts !== undefined && init.attempts > 1 ? ` (gave up after ${init.attempts} attempts)` : "";
  return `Port API ${init.method} ${init.path} failed with ${outcome}${code}${text}${attempts}`;
}
