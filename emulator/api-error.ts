/**
 * Port's error envelope: `{ ok: false, error, message, details? }`. Route handlers throw an
 * ApiError and the server turns it into the response, so no handler formats errors by hand.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    const body: Record<string, unknown> = { ok: false, error: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/** The 404 shape quoted in port-api.md §2 (terraform-provider-port-labs#85). */
export function notFound(resource: string, withValue: string, byField = "identifier"): ApiError {
  return new ApiError(404, "not_found", `${resource} with ${byField} "${withValue}" was not found`, {
    resource,
    byField,
    withValue,
  });
}

/** Duplicate identifier on create: 409 `identifier_taken` (assumption; see emulator/README.md). */
export function identifierTaken(resource: string, identifier: string): ApiError {
  return new ApiError(409, "identifier_taken", `${resource} with identifier "${identifier}" already exists`, {
    resource,
    identifier,
  });
}

export function unauthorized(message: string): ApiError {
  return new ApiError(401, "unauthorized", message);
}
