/**
 * The JQ strings of ingestion mappings (webhook mappings, integration resources): a non-empty
 * string here, compiled with real jq at check time (jq.ts), which finds syntax errors.
 */
import { z } from "zod";
import type { JqField } from "./jq";
import { formatFieldPath } from "./problems";

/** A JQ expression Port evaluates over the incoming data, e.g. `.body.repository.name`. A constant needs JSON quotes: `'"service"'`. */
export const JqExpression = z.string().superRefine((expression, ctx) => {
  if (expression.trim() !== "") return;
  ctx.addIssue({
    code: "custom",
    input: expression,
    message: `is empty; write a JQ expression such as ".body.name" (a constant needs quotes, e.g. '"service"'). Set the expression.`,
  });
});
export type JqExpression = z.output<typeof JqExpression>;

/** The value of a JQ string literal (`"service"` gives `service`), or undefined when the expression is anything else. */
export function jqStringLiteral(expression: string): string | undefined {
  const text = expression.trim();
  if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) return undefined;
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/**
 * Collects the JQ fields of a document: `add(path, value)` records `value` when it is a string,
 * `addMap(path, map)` every string entry of a map, with the path as problems show it
 * (`mappings[0].entity.properties.url`).
 */
export class JqFieldList {
  readonly fields: JqField[] = [];

  add(path: PropertyKey[], value: unknown): void {
    if (typeof value === "string") this.fields.push({ field: formatFieldPath(path), expression: value });
  }

  addMap(path: PropertyKey[], map: unknown): void {
    if (map === null || typeof map !== "object") return;
    for (const [key, value] of Object.entries(map)) this.add([...path, key], value);
  }
}
