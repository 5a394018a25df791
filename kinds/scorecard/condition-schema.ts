/**
 * The conditions of a scorecard rule or filter (Port's scorecard `query.conditions`). Unlike the
 * entity query language they have no nested groups and no viewer context (a scorecard is
 * evaluated for every entity, not per user), and a condition tests either one `property` (or
 * meta-property such as `$team`) or one `relation`. Operators, date ranges and presets are the
 * entity query language's own (core/schemas/entity-query.ts).
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject } from "../../core/schemas/closed";
import {
  DATE_RULE_OPERATORS,
  EMPTY_RULE_OPERATORS,
  EntityQueryCombinator,
  EntityQueryDatePreset,
  EntityQueryDateRange,
  NUMBER_RULE_OPERATORS,
  STRING_RULE_OPERATORS,
} from "../../core/schemas/entity-query";
import { PropertyIdentifier } from "../../core/schemas/identifiers";
import { describeKind, didYouMean, listValues, showValue } from "../../core/schemas/messages";

// ---------------------------------------------------------------------------------------------
// Operators

/** Compare a property with one value: text operators plus order comparisons (numbers, date-times). */
export const SCORECARD_PROPERTY_COMPARISON_OPERATORS = [...STRING_RULE_OPERATORS, ...NUMBER_RULE_OPERATORS] as const;
/** Compare a relation (the related entity's identifier) with one value: text operators only. */
export const SCORECARD_RELATION_COMPARISON_OPERATORS = STRING_RULE_OPERATORS;
/** Membership: the value is a list. */
export const SCORECARD_LIST_OPERATORS = ["in", "containsAny"] as const;
/** Date ranges on a date-time property: `between`, `notBetween`, and `=` with a range or preset. */
export const SCORECARD_DATE_OPERATORS = DATE_RULE_OPERATORS;

/** Every operator a condition on a property may use. */
export const SCORECARD_PROPERTY_OPERATORS = [...SCORECARD_PROPERTY_COMPARISON_OPERATORS, ...SCORECARD_LIST_OPERATORS, ...EMPTY_RULE_OPERATORS, "between", "notBetween"] as const;
/** Every operator a condition on a relation may use. */
export const SCORECARD_RELATION_OPERATORS = [...SCORECARD_RELATION_COMPARISON_OPERATORS, ...SCORECARD_LIST_OPERATORS, ...EMPTY_RULE_OPERATORS] as const;

/** Port's meta-properties: every entity has them, whatever its blueprint. */
export const META_PROPERTIES = ["$identifier", "$title", "$team", "$icon", "$blueprint", "$createdAt", "$createdBy", "$updatedAt", "$updatedBy"] as const;

// ---------------------------------------------------------------------------------------------
// What a condition tests

/**
 * A property of the scorecard's blueprint (including mirror, calculation and aggregation
 * properties) or a meta-property such as `$team`, `$title`, `$createdAt`.
 */
export const ScorecardProperty = z.string().superRefine((value, ctx) => {
  if (value.startsWith("$")) {
    if ((META_PROPERTIES as readonly string[]).includes(value)) return;
    ctx.addIssue({
      code: "custom",
      input: value,
      message: `${showValue(value)} is not a meta-property; meta-properties: ${listValues(META_PROPERTIES)}.${didYouMean(value, META_PROPERTIES)} Fix the property.`,
    });
    return;
  }
  const result = PropertyIdentifier.safeParse(value);
  for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", input: value, message: issue.message });
});

/** One JSON scalar compared with the property or relation. */
const ComparisonValue = z.union([z.string(), z.number(), z.boolean()], {
  error: (issue) => {
    const input: unknown = issue.input;
    const plural = Array.isArray(input) ? " (to match one of several values use in or containsAny)" : "";
    return `${showValue(input)} is ${describeKind(input)}; comparison operators take one string, number or boolean${plural}. Fix the value.`;
  },
});

/** A list of values, for `in` and `containsAny`. */
const ListValue = z.array(z.union([z.string(), z.number(), z.boolean()]), {
  error: (issue) => {
    const input: unknown = issue.input;
    if (Array.isArray(input)) return undefined;
    return `${showValue(input)} is not a list; in and containsAny need an array such as [${showValue(input)}]. Wrap the value in [ ].`;
  },
});

/** `{from, to}` or `{preset}`, the entity query language's date values. */
const DateValue = z.union([EntityQueryDateRange, EntityQueryDatePreset], {
  error: (issue) => {
    const input: unknown = issue.input;
    if (asRecord(input) !== undefined) return undefined;
    return `${showValue(input)} is ${describeKind(input)}; date conditions take {from, to} (ISO 8601 date-times) or {preset}, e.g. {"preset": "lastMonth"}. Fix the value.`;
  },
});

const operatorText = (noun: string) => ({ noun, field: "operator" });

// ---------------------------------------------------------------------------------------------
// Condition kinds. Each is closed; `ScorecardCondition` below picks one by its keys and operator.

/** `=`, `!=`, `>`, `<`, `>=`, `<=`, `contains`, `beginsWith`, ... on a property. E.g. `{property: "replicas", operator: ">=", value: 2}`. */
export const ScorecardPropertyComparison = closedObject("a property comparison condition", {
  /** The property or meta-property to compare. */
  property: ScorecardProperty,
  /** See {@link SCORECARD_PROPERTY_COMPARISON_OPERATORS}. */
  operator: closedEnum(SCORECARD_PROPERTY_COMPARISON_OPERATORS, operatorText("a property comparison operator")),
  /** The value to compare with. */
  value: ComparisonValue,
});
export type ScorecardPropertyComparison = z.output<typeof ScorecardPropertyComparison>;

/** `=`, `!=`, `contains`, `beginsWith`, ... on a relation's target identifier. E.g. `{relation: "environment", operator: "=", value: "production"}`. */
export const ScorecardRelationComparison = closedObject("a relation comparison condition", {
  /** The relation identifier of the scorecard's blueprint. */
  relation: PropertyIdentifier,
  /** See {@link SCORECARD_RELATION_COMPARISON_OPERATORS}. */
  operator: closedEnum(SCORECARD_RELATION_COMPARISON_OPERATORS, operatorText("a relation comparison operator")),
  /** The related entity identifier (or part of it) to compare with. */
  value: ComparisonValue,
});
export type ScorecardRelationComparison = z.output<typeof ScorecardRelationComparison>;

/** `in` / `containsAny` on a property. E.g. `{property: "$team", operator: "containsAny", value: ["platform"]}`. */
export const ScorecardPropertyListCondition = closedObject("an in/containsAny property condition", {
  /** The property or meta-property to test. */
  property: ScorecardProperty,
  /** `in`: the value is one of the list; `containsAny`: the (array) value shares an item with the list. */
  operator: closedEnum(SCORECARD_LIST_OPERATORS, operatorText("a list operator")),
  /** The list of values. */
  value: ListValue,
});
export type ScorecardPropertyListCondition = z.output<typeof ScorecardPropertyListCondition>;

/** `in` / `containsAny` on a relation. E.g. `{relation: "environment", operator: "in", value: ["production", "staging"]}`. */
export const ScorecardRelationListCondition = closedObject("an in/containsAny relation condition", {
  /** The relation identifier of the scorecard's blueprint. */
  relation: PropertyIdentifier,
  /** `in`: the related identifier is one of the list; `containsAny`: a many-relation shares an identifier with it. */
  operator: closedEnum(SCORECARD_LIST_OPERATORS, operatorText("a list operator")),
  /** The list of related entity identifiers. */
  value: ListValue,
});
export type ScorecardRelationListCondition = z.output<typeof ScorecardRelationListCondition>;

/** `isEmpty` / `isNotEmpty` on a property. E.g. `{property: "readme", operator: "isNotEmpty"}`. */
export const ScorecardPropertyEmptyCondition = closedObject("an isEmpty/isNotEmpty property condition", {
  /** The property or meta-property to test. */
  property: ScorecardProperty,
  /** See {@link EMPTY_RULE_OPERATORS}. */
  operator: closedEnum(EMPTY_RULE_OPERATORS, operatorText("an emptiness operator")),
  /** `true` negates the result. Omitted: Port's default `false`. */
  not: z.boolean().optional(),
});
export type ScorecardPropertyEmptyCondition = z.output<typeof ScorecardPropertyEmptyCondition>;

/** `isEmpty` / `isNotEmpty` on a relation. E.g. `{relation: "domain", operator: "isNotEmpty"}`. */
export const ScorecardRelationEmptyCondition = closedObject("an isEmpty/isNotEmpty relation condition", {
  /** The relation identifier of the scorecard's blueprint. */
  relation: PropertyIdentifier,
  /** See {@link EMPTY_RULE_OPERATORS}. */
  operator: closedEnum(EMPTY_RULE_OPERATORS, operatorText("an emptiness operator")),
  /** `true` negates the result. Omitted: Port's default `false`. */
  not: z.boolean().optional(),
});
export type ScorecardRelationEmptyCondition = z.output<typeof ScorecardRelationEmptyCondition>;

/** `between` / `notBetween` / `=` on a date-time property. E.g. `{property: "$updatedAt", operator: "between", value: {preset: "lastMonth"}}`. */
export const ScorecardDateCondition = closedObject("a date condition", {
  /** A date-time property, or `$createdAt` / `$updatedAt`. */
  property: ScorecardProperty,
  /** See {@link SCORECARD_DATE_OPERATORS}. */
  operator: closedEnum(SCORECARD_DATE_OPERATORS, operatorText("a date operator")),
  /** `{from, to}` (ISO 8601 date-times) or `{preset}` (e.g. `lastWeek`). */
  value: DateValue,
});
export type ScorecardDateCondition = z.output<typeof ScorecardDateCondition>;

/** Any condition of a scorecard rule or filter. */
export type ScorecardCondition =
  | ScorecardPropertyComparison
  | ScorecardRelationComparison
  | ScorecardPropertyListCondition
  | ScorecardRelationListCondition
  | ScorecardPropertyEmptyCondition
  | ScorecardRelationEmptyCondition
  | ScorecardDateCondition;

// ---------------------------------------------------------------------------------------------
// Dispatch: `=` is a comparison or a date condition, and every kind exists for properties and
// relations, so a plain union would fail with every kind's complaints. The condition's own keys
// pick exactly one kind, and only that kind's problems are reported.

type Payload = z.core.ParsePayload<unknown>;

const isOneOf = (list: readonly string[], value: unknown) => typeof value === "string" && list.includes(value);

function hasDateValue(value: unknown): boolean {
  const record = asRecord(value);
  return record !== undefined && ("from" in record || "to" in record || "preset" in record);
}

/** The one schema for `condition`, or the operator enum (whose message lists the allowed operators) when none fits. */
function conditionSchemaFor(condition: Record<string, unknown>): { schema: z.ZodType; prefix: PropertyKey[] } {
  const operator = condition.operator;
  if ("relation" in condition) {
    if (isOneOf(SCORECARD_LIST_OPERATORS, operator)) return { schema: ScorecardRelationListCondition, prefix: [] };
    if (isOneOf(EMPTY_RULE_OPERATORS, operator)) return { schema: ScorecardRelationEmptyCondition, prefix: [] };
    if (isOneOf(SCORECARD_RELATION_COMPARISON_OPERATORS, operator)) return { schema: ScorecardRelationComparison, prefix: [] };
    return { schema: closedEnum(SCORECARD_RELATION_OPERATORS, operatorText("an operator for a relation condition")), prefix: ["operator"] };
  }
  if (isOneOf(["between", "notBetween"], operator) || (operator === "=" && hasDateValue(condition.value))) return { schema: ScorecardDateCondition, prefix: [] };
  if (isOneOf(SCORECARD_LIST_OPERATORS, operator)) return { schema: ScorecardPropertyListCondition, prefix: [] };
  if (isOneOf(EMPTY_RULE_OPERATORS, operator)) return { schema: ScorecardPropertyEmptyCondition, prefix: [] };
  if (isOneOf(SCORECARD_PROPERTY_COMPARISON_OPERATORS, operator)) return { schema: ScorecardPropertyComparison, prefix: [] };
  return { schema: closedEnum(SCORECARD_PROPERTY_OPERATORS, operatorText("an operator for a property condition")), prefix: ["operator"] };
}

function dispatchCondition(payload: Payload): void {
  const condition = asRecord(payload.value);
  const fail = (message: string, path: PropertyKey[] = [], input: unknown = payload.value): void => {
    payload.issues.push({ code: "custom", input, path, message });
  };
  if (condition === undefined) {
    return fail(`${showValue(payload.value)} is ${describeKind(payload.value)}, expected a condition such as {"property": "readme", "operator": "isNotEmpty"}. Fix the condition.`);
  }
  if ("property" in condition && "relation" in condition) {
    return fail("has both property and relation; a condition tests one of them. Keep property or relation.");
  }
  if (!("property" in condition) && !("relation" in condition)) {
    return fail('tests nothing; a condition needs a property (a property identifier or a meta-property such as "$team") or a relation. Add property or relation.');
  }
  if (!("operator" in condition)) {
    const operators = "relation" in condition ? SCORECARD_RELATION_OPERATORS : SCORECARD_PROPERTY_OPERATORS;
    return fail(`is required; operators: ${operators.join(", ")}. Add the operator.`, ["operator"], undefined);
  }
  const { schema, prefix } = conditionSchemaFor(condition);
  const result = schema.safeParse(prefix.length === 0 ? condition : condition.operator, { reportInput: true });
  if (result.success) {
    if (prefix.length === 0) payload.value = result.data;
    return;
  }
  for (const issue of result.error.issues) payload.issues.push({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodRawIssue);
}

/** One condition, validated as the kind its keys (`property` or `relation`) and operator select. */
export const ScorecardCondition = z.custom<ScorecardCondition>().check((payload) => dispatchCondition(payload as Payload));

/** A rule's query or the scorecard's filter: `combinator` joins at least one condition. Port ignores the order of conditions. */
export const ScorecardQuery = closedObject("a scorecard query", {
  /** `and`: every condition must hold; `or`: at least one must. */
  combinator: EntityQueryCombinator,
  /** The conditions, at least one. */
  conditions: z.array(ScorecardCondition).min(1),
});
export type ScorecardQuery = z.output<typeof ScorecardQuery>;
