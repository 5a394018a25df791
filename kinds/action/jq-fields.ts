/**
 * Every JQ expression of an action or automation document, with the field it sits in, so each
 * can be compiled at preview (jq.ts) and a syntax error names its field:
 * - every `{jqQuery}` anywhere (defaults, enums, visibility, required, dataset values ...);
 * - every `{{ }}` segment of every string inside `invocationMethod` (URLs, headers, bodies, mappings);
 * - every expression of an automation's `trigger.condition`.
 */
import { asRecord } from "../../core/schemas/closed";
import { templateExpressions, type JqField } from "../../core/schemas/jq";
import { formatFieldPath } from "../../core/schemas/problems";

function collect(value: unknown, path: PropertyKey[], templates: boolean, out: JqField[]): void {
  if (typeof value === "string") {
    if (!templates) return;
    for (const expression of templateExpressions(value)) out.push({ field: formatFieldPath(path), expression });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, [...path, index], templates, out));
    return;
  }
  const record = asRecord(value);
  if (record === undefined) return;
  if (!templates && typeof record.jqQuery === "string" && Object.keys(record).length === 1) {
    out.push({ field: formatFieldPath([...path, "jqQuery"]), expression: record.jqQuery });
    return;
  }
  for (const [key, item] of Object.entries(record)) collect(item, [...path, key], templates, out);
}

/** The JQ fields of a parsed action or automation document, in document order. */
export function actionJqFields(doc: Record<string, unknown>): JqField[] {
  const out: JqField[] = [];
  const trigger = asRecord(doc.trigger);
  collect(trigger, ["trigger"], false, out);
  const condition = asRecord(trigger?.condition);
  if (trigger?.type === "automation" && Array.isArray(condition?.expressions)) {
    condition.expressions.forEach((expression, index) => {
      if (typeof expression === "string") out.push({ field: formatFieldPath(["trigger", "condition", "expressions", index]), expression });
    });
  }
  collect(doc.invocationMethod, ["invocationMethod"], true, out);
  return out;
}
