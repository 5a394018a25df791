/**
 * The `dataset` of an entity input: which entities the user may pick. It is Port's entity query
 * (entity-query.ts, reused as is) with one addition: a rule's `value` may be `{jqQuery}`, computed
 * from the form while the user fills it in (e.g. only the services of the cluster picked above).
 */
import { z } from "zod";
import { asRecord } from "../../core/schemas/closed";
import { EntityQuery, type EntityQueryCombinator, type EntityQueryRule } from "../../core/schemas/entity-query";
import { JqQuery } from "../../core/schemas/jq-query";

/** A rule whose `value` may also be `{jqQuery}`. */
type WithJqValue<R> = R extends { value: infer V } ? Omit<R, "value"> & { value: V | JqQuery } : R extends { value?: infer V } ? Omit<R, "value"> & { value?: V | JqQuery } : R;

/** A dataset rule, or a nested `{combinator, rules}` group. */
export type ActionDatasetRule = WithJqValue<EntityQueryRule> | ActionDataset;

/** An entity query whose rule values may be `{jqQuery}`. */
export type ActionDataset = { combinator: EntityQueryCombinator; rules: ActionDatasetRule[] };

/** Stands in for a `{jqQuery}` value while the rest of the rule is checked by the entity query schema. */
function placeholderFor(rule: Record<string, unknown>): unknown {
  // relatedTo and propertySchema rules take plain values; the others accept a per-viewer
  // {context, property} reference, which is what a JQ value is too: known only at run time.
  if (rule.operator === "relatedTo" || "propertySchema" in rule) return "jq-value";
  return { context: "user", property: "$jqQuery" };
}

interface JqValue {
  path: PropertyKey[];
  value: unknown;
}

/** A copy of the query with every `{jqQuery}` rule value replaced by a placeholder, and where those values were. */
function substitute(query: unknown, path: PropertyKey[], found: JqValue[]): unknown {
  const group = asRecord(query);
  if (group === undefined || !Array.isArray(group.rules)) return query;
  const rules = group.rules.map((item, index) => {
    const rule = asRecord(item);
    if (rule === undefined) return item;
    if (!("operator" in rule) && "rules" in rule) return substitute(rule, [...path, "rules", index], found);
    const value = asRecord(rule.value);
    if (value === undefined || !("jqQuery" in value)) return item;
    found.push({ path: [...path, "rules", index, "value"], value: rule.value });
    return { ...rule, value: placeholderFor(rule) };
  });
  return { ...group, rules };
}

/**
 * An entity query for an entity input's `dataset`, e.g.
 * `{combinator: "and", rules: [{property: "$team", operator: "containsAny", value: {jqQuery: "[.user.teams[].name]"}}]}`.
 */
export const ActionDataset = z.custom<ActionDataset>().check((payload) => {
  const found: JqValue[] = [];
  const query = substitute(payload.value, [], found);
  const result = EntityQuery.safeParse(query, { reportInput: true });
  if (!result.success) payload.issues.push(...(result.error.issues as z.core.$ZodRawIssue[]));
  for (const { path, value } of found) {
    const jq = JqQuery.safeParse(value, { reportInput: true });
    if (!jq.success) payload.issues.push(...jq.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }) as z.core.$ZodRawIssue));
  }
});
