/**
 * Why: Port (or a proxy) may echo parts of a request in an error message; whatever lands in a PortApiError
 * ends up in Pulumi logs and CI output, so known secrets are scrubbed before an error is built.
 */

export const REDACTED = "[REDACTED]";

/** Secrets shorter than this are not scrubbed: replacing every "a" would garble messages and protect nothing. */
const MIN_SECRET_LENGTH = 4;

export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Deep copy of a JSON value with every string scrubbed. */
export function redactJson(value: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactText(key, secrets)] = redactJson(item, secrets);
    return out;
  }
  return value;
}
