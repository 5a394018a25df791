/**
 * Checks across the keys of one action input that only inputs have (a formatted default fits its
 * format, a secret input holds no clear-text value); the ones shared with blueprint properties are
 * in value-checks.ts. They read the value defensively: they also run when other keys already failed.
 */
import { showValue } from "../../core/schemas/messages";
import type { Report } from "../../core/schemas/value-checks";

export type { Report };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A literal string default must fit its format (date-time, url, email). */
export function checkFormattedDefault(value: Record<string, unknown>, report: Report): void {
  const given = value.default;
  if (typeof given !== "string") return;
  const fits: Record<string, [(text: string) => boolean, string]> = {
    "date-time": [(text) => ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)), 'an ISO 8601 date-time such as "2024-01-31T00:00:00Z"'],
    url: [(text) => URL.canParse(text), 'an absolute URL such as "https://example.com"'],
    email: [(text) => /^[^@\s]+@[^@\s]+$/.test(text), 'an email address such as "jane@example.com"'],
  };
  const rule = typeof value.format === "string" ? fits[value.format] : undefined;
  if (rule === undefined || rule[0](given)) return;
  report({ path: ["default"], input: given, message: `${showValue(given)} is not ${rule[1]}, as format "${String(value.format)}" requires. Fix the default.` });
}

/**
 * A secret input (`encryption`) is typed at run time and reaches the backend encrypted: a
 * default or an enum would put the secret in the action's definition, in clear text.
 */
export function checkSecret(value: Record<string, unknown>, report: Report): void {
  if (value.encryption === undefined) return;
  for (const key of ["default", "enum"]) {
    if (value[key] === undefined) continue;
    report({
      path: [key],
      input: value[key],
      message: `is set on a secret input (encryption ${typeof value.encryption === "string" ? JSON.stringify(value.encryption) : "client-side"}); it would be stored in clear text in the action definition. Remove ${key}, or remove encryption if the value is not secret.`,
    });
  }
}
