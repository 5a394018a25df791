/**
 * The conditions of a scorecard rule or filter (Port's scorecard `query.conditions`). Unlike the
 * entity query language they have no nested groups and no viewer context (a scorecard is
 * evaluated for every entity, not per user), and a condition tests a `property` (or meta-property
 * such as `$team`) or a `relation`. Operators, values and date presets are those of Port's scorecard
 * condition shapes (apispec.yaml: POST /v1/blueprints/{blueprint_identifier}/scorecards), which
 * differ from the entity query language's: relations take every comparison, comparisons take lists
 * of strings, and the date presets lack `lastDay`. The shapes are an `anyOf` in which only the date
 * condition has `additionalProperties: false`: every other condition keeps keys it does not list
 * (`not` on a comparison, `relation` beside `property`), while a key one edit away from a listed one
 * is still reported as a typo.
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, openObject } from "../../core/schemas/closed";
import {
  DATE_RULE_OPERATORS,
  EMPTY_RULE_OPERATORS,
  EntityQueryCombinator,
  EntityQueryDateRange,
  NUMBER_RULE_OPERATORS,
  STRING_RULE_OPERATORS,
} from "../../core/schemas/entity-query";
import { PropertyIdentifier } from "../../core/schemas/identifiers";
import { describeKind, didYouMean, listValues, showValue } from "../../core/schemas/messages";

// ---------------------------------------------------------------------------------------------
// Operators

/** Compare a property with a value: text operators plus order comparisons (numbers, date-times). */
export const SCORECARD_PROPERTY_COMPARISON_OPERATORS = [...STRING_RULE_OPERATORS, ...NUMBER_RULE_OPERATORS] as const;
/** Compare a relation (the related entity's identifier) with a value: the same operators as a property. */
export const SCORECARD_RELATION_COMPARISON_OPERATORS = SCORECARD_PROPERTY_COMPARISON_OPERATORS;
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

/** An item of a list value: Port's scorecard shapes take strings only. */
const ListItem = z.string({ error: (issue) => `${showValue(issue.input)} is ${describeKind(issue.input)}; list items are strings. Write it as a string.` });

/** One string, number or boolean, or a list of strings, compared with the property or relation. */
const ComparisonValue = z.union([z.string(), z.number(), z.boolean(), z.array(ListItem)], {
  error: (issue) => {
    const input: unknown = issue.input;
    if (Array.isArray(input)) return undefined;
    return `${showValue(input)} is ${describeKind(input)}; comparison operators take a string, number, boolean or a list of strings. Fix the value.`;
  },
});

/** A list of strings, for `in` and `containsAny`. */
const ListValue = z.array(ListItem, {
  error: (issue) => {
    const input: unknown = issue.input;
    if (Array.isArray(input)) return undefined;
    return `${showValue(input)} is not a list; in and containsAny need an array such as [${showValue(typeof input === "string" ? input : String(input))}]. Wrap the value in [ ].`;
  },
});

/** Port's scorecard date presets; the entity query's `lastDay` is not among them. */
export const SCORECARD_DATE_PRESETS = ["today", "tomorrow", "yesterday", "lastWeek", "last2Weeks", "lastMonth", "last3Months", "last6Months", "last12Months"] as const;

/** A date range relative to now, by name: one of {@link SCORECARD_DATE_PRESETS}. */
export const ScorecardDatePreset = closedObject("a date preset", {
  /** E.g. `lastWeek`. */
  preset: closedEnum(SCORECARD_DATE_PRESETS, { noun: "a scorecard date preset", field: "preset" }),
});

/** `{from, to}` or `{preset}`. */
const DateValue = z.union([EntityQueryDateRange, ScorecardDatePreset], {
  error: (issue) => {
    const input: unknown = issue.input;
    if (asRecord(input) !== undefined) return undefined;
    return `${showValue(input)} is ${describeKind(input)}; date conditions take {from, to} (ISO 8601 date-times) or {preset}, e.g. {"preset": "lastMonth"}. Fix the value.`;
  },
});

const operatorText = (noun: string) => ({ noun, field: "operator" });

// ---------------------------------------------------------------------------------------------
// Condition kinds. Only the date condition is closed (apispec.yaml: `additionalProperties: false`);
// the others keep other keys. `ScorecardCondition` below picks one by its keys and operator.

/** `=`, `!=`, `>`, `<`, `>=`, `<=`, `contains`, `beginsWith`, ... on a property. E.g. `{property: "replicas", operator: ">=", value: 2}`. */
export const ScorecardPropertyComparison = openObject("a property comparison condition", {
  /** The property or meta-property to compare. */
  property: ScorecardProperty,
  /** See {@link SCORECARD_PROPERTY_COMPARISON_OPERATORS}. */
  operator: closedEnum(SCORECARD_PROPERTY_COMPARISON_OPERATORS, operatorText("a property comparison operator")),
  /** The value to compare with. */
  value: ComparisonValue,
});
export type ScorecardPropertyComparison = z.output<typeof ScorecardPropertyComparison>;

/** `=`, `!=`, `>`, `contains`, `beginsWith`, ... on a relation's target identifier. E.g. `{relation: "environment", operator: "=", value: "production"}`. */
export const ScorecardRelationComparison = openObject("a relation comparison condition", {
  /** The relation identifier of the scorecard's blueprint. */
  relation: PropertyIdentifier,
  /** See {@link SCORECARD_RELATION_COMPARISON_OPERATORS}. */
  operator: closedEnum(SCORECARD_RELATION_COMPARISON_OPERATORS, operatorText("a relation comparison operator")),
  /** The related entity identifier (or part of it) to compare with. */
  value: ComparisonValue,
});
export type ScorecardRelationComparison = z.output<typeof ScorecardRelationComparison>;

/** `in` / `containsAny` on a property. E.g. `{property: "$team", operator: "containsAny", value: ["platform"]}`. */
export const ScorecardPropertyListCondition = openObject("an in/containsAny property condition", {
  /** The property or meta-property to test. */
  property: ScorecardProperty,
  /** `in`: the value is one of the list; `containsAny`: the (array) value shares an item with the list. */
  operator: closedEnum(SCORECARD_LIST_OPERATORS, operatorText("a list operator")),
  /** The list of values. */
  value: ListValue,
});
export type ScorecardPropertyListCondition = z.output<typeof ScorecardPropertyListCondition>;

/** `in` / `containsAny` on a relation. E.g. `{relation: "environment", operator: "in", value: ["production", "staging"]}`. */
export const ScorecardRelationListCondition = openObject("an in/containsAny relation condition", {
  /** The relation identifier of the scorecard's blueprint. */
  relation: PropertyIdentifier,
  /** `in`: the related identifier is one of the list; `containsAny`: a many-relation shares an identifier with it. */
  operator: closedEnum(SCORECARD_LIST_OPERATORS, operatorText("a list operator")),
  /** The list of related entity identifiers. */
  value: ListValue,
});
export type ScorecardRelationListCondition = z.output<typeof ScorecardRelationListCondition>;

/** `isEmpty` / `isNotEmpty` on a property. E.g. `{property: "readme", operator: "isNotEmpty"}`. */
export const ScorecardPropertyEmptyCondition = openObject("an isEmpty/isNotEmpty property condition", {
  /** The property or meta-property to test. */
  property: ScorecardProperty,
  /** See {@link EMPTY_RULE_OPERATORS}. */
  operator: closedEnum(EMPTY_RULE_OPERATORS, operatorText("an emptiness operator")),
  /** `true` negates the result. Omitted: Port's default `false`. */
  not: z.boolean().optional(),
});
export type ScorecardPropertyEmptyCondition = z.output<typeof ScorecardPropertyEmptyCondition>;

/** `isEmpty` / `isNotEmpty` on a relation. E.g. `{relation: "domain", operator: "isNotEmpty"}`. */
export const ScorecardRelationEmptyCondition = openObject("an isEmpty/isNotEmpty relation condition", {
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
  /** `{from, to}` (ISO 8601 date-times) or `{preset}` (e.g. `lastWeek`; see {@link SCORECARD_DATE_PRESETS}). */
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
// pick one kind per target (`property`, `relation`), and only that kind's problems are reported.

type Payload = z.core.ParsePayload<unknown>;
type Target = "property" | "relation";

const isOneOf = (list: readonly string[], value: unknown) => typeof value === "string" && list.includes(value);

function hasDateValue(value: unknown): boolean {
  const record = asRecord(value);
  return record !== undefined && ("from" in record || "to" in record || "preset" in record);
}

/** The one schema for `condition` on `target`, or the operator enum (whose message lists the allowed operators) when none fits. */
function conditionSchemaFor(condition: Record<string, unknown>, target: Target): { schema: z.ZodType; prefix: PropertyKey[] } {
  const operator = condition.operator;
  if (target === "relation") {
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
  const targets = (["property", "relation"] as const).filter((key) => key in condition);
  if (targets.length === 0) {
    return fail('tests nothing; a condition needs a property (a property identifier or a meta-property such as "$team") or a relation. Add property or relation.');
  }
  if (!("operator" in condition)) {
    const operators = targets[0] === "relation" ? SCORECARD_RELATION_OPERATORS : SCORECARD_PROPERTY_OPERATORS;
    return fail(`is required; operators: ${operators.join(", ")}. Add the operator.`, ["operator"], undefined);
  }
  // apispec.yaml's conditions are an anyOf: with both property and relation, the condition passes when
  // it fits either kind (the other key is one the kind keeps); otherwise the property kind's problems are reported.
  const attempts = targets.map((target) => {
    const { schema, prefix } = conditionSchemaFor(condition, target);
    return { prefix, result: schema.safeParse(prefix.length === 0 ? condition : condition.operator, { reportInput: true }) };
  });
  const passed = attempts.find((attempt) => attempt.result.success);
  if (passed !== undefined) {
    if (passed.prefix.length === 0) payload.value = passed.result.data;
    return;
  }
  const { prefix, result } = attempts[0];
  for (const issue of result.error?.issues ?? []) payload.issues.push({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodRawIssue);
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
