/**
 * Collects every validation problem of one request body, so a client sees all of them at once
 * (details.errors) while `message` still reads as one line naming field paths, the way Port's
 * ajv-based 422s do ("/schema/properties/port/type must be equal to one of the allowed values").
 */
import { ApiError } from "./api-error";

export interface Problem {
  /** JSON pointer into the request body ("/" is the body itself). */
  path: string;
  message: string;
  allowedValues?: unknown[];
}

export class Problems {
  readonly list: Problem[] = [];

  add(path: string, message: string, allowedValues?: unknown[]): void {
    const problem: Problem = { path: path || "/", message };
    if (allowedValues) problem.allowedValues = allowedValues;
    this.list.push(problem);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** 422 invalid_request (assumption; see emulator/README.md). */
  throwIfAny(): void {
    if (this.empty) return;
    const message = this.list.map((p) => `${p.path} ${p.message}`).join("; ");
    throw new ApiError(422, "invalid_request", message, { errors: this.list });
  }
}

/** Appends one JSON-pointer segment, escaping "~" and "/" as RFC 6901 requires. */
export function pointer(base: string, key: string | number): string {
  const segment = String(key).replace(/~/g, "~0").replace(/\//g, "~1");
  return `${base === "/" ? "" : base}/${segment}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON-Schema type of a value, as ajv names it. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Route bodies must be JSON objects; anything else is one 422 problem at the root. */
export function requireBodyObject(body: unknown): Record<string, unknown> {
  if (isPlainObject(body)) return body;
  const problems = new Problems();
  problems.add("/", `must be object (got ${jsonType(body)})`);
  problems.throwIfAny();
  return {};
}
