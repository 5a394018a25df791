/**
 * Reading Port's `{ok, ...}` envelope from a response body.
 * Why separate: both the success path (`ok:false` inside a 2xx) and the error path need the same parsing.
 */

import { redactJson, redactText } from "./redact";

export type ParsedBody = { kind: "empty" } | { kind: "json"; value: unknown } | { kind: "text"; text: string };

export function parseBody(text: string): ParsedBody {
  if (text.trim() === "") return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return { kind: "text", text };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The error fields of a PortApiError, read from `{ok:false, error, message, details}` when the body has them. */
export interface ErrorFields {
  code?: string;
  portMessage?: string;
  details?: unknown;
  reason?: string;
}

/** Longest excerpt of a non-JSON body (say, a proxy's HTML page) kept in an error. */
const MAX_TEXT_EXCERPT = 200;

export function errorFieldsFromBody(body: ParsedBody, secrets: readonly (string | undefined)[]): ErrorFields {
  if (body.kind === "empty") return { reason: "empty response body" };
  if (body.kind === "text") {
    const excerpt = body.text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT_EXCERPT);
    return { reason: `non-JSON response body: ${redactText(excerpt, secrets)}` };
  }
  if (!isRecord(body.value)) return { reason: "response body is not a JSON object" };
  const { error, message, details } = body.value;
  return {
    code: typeof error === "string" ? redactText(error, secrets) : undefined,
    portMessage: typeof message === "string" ? redactText(message, secrets) : undefined,
    details: details === undefined ? undefined : redactJson(details, secrets),
  };
}
