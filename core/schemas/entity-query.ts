/**
 * Port's entity query language (`/schemas/entitiesQuery`): `{combinator, rules}` where each
 * rule filters on a property, a relation or a relation path, and a rule may itself be a
 * nested group. Used by aggregation properties here, and by scorecards, dashboards, actions
 * and permissions.
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject } from "./closed";
import { BlueprintIdentifier, PropertyIdentifier } from "./identifiers";
import { describeKind, showValue } from "./messages";
import { PROPERTY_FORMATS, PropertyType } from "../../kinds/blueprint/property-schema";

// ---------------------------------------------------------------------------------------------
// Operators, by rule kind.

/** Compare a property with a value (text, numbers, booleans, null; `contains` also works on arrays). */
export const STRING_RULE_OPERATORS = ["=", "!=", "contains", "doesNotContains", "beginsWith", "doesNotBeginsWith", "endsWith", "doesNotEndsWith"] as const;
/** Membership: the value must be a list (or a context reference resolving to one). */
export const LIST_RULE_OPERATORS = ["in", "notIn", "containsAny"] as const;
/** Order comparisons on numbers and date-times. */
export const NUMBER_RULE_OPERATORS = [">", ">=", "<", "<="] as const;
/** Date ranges: `{from, to}` or `{preset}`. `=` with a range value is a date rule too. */
export const DATE_RULE_OPERATORS = ["between", "notBetween", "="] as const;
/** Whether the property has a value. */
export const EMPTY_RULE_OPERATORS = ["isEmpty", "isNotEmpty"] as const;
/** Whether a `timer` property's date has passed. */
export const EXPIRED_RULE_OPERATORS = ["isExpired", "isNotExpired"] as const;
/** Operators of a `propertySchema` rule (matches every property of a given type/format). */
export const PROPERTY_SCHEMA_RULE_OPERATORS = ["=", "!=", "contains"] as const;

/** Every operator a rule may use. */
export const ENTITY_QUERY_OPERATORS = [
  ...STRING_RULE_OPERATORS,
  ...LIST_RULE_OPERATORS,
  ...NUMBER_RULE_OPERATORS,
  "between",
  "notBetween",
  ...EMPTY_RULE_OPERATORS,
  ...EXPIRED_RULE_OPERATORS,
  "relatedTo",
  "matchAny",
] as const;

/** A rule `operator`; see {@link ENTITY_QUERY_OPERATORS}. */
export const EntityQueryOperator = closedEnum(ENTITY_QUERY_OPERATORS, { noun: "an entity query operator", field: "operator" });
export type EntityQueryOperator = z.output<typeof EntityQueryOperator>;

/** How a group joins its rules: `and` (all must match) or `or` (any may match). */
export const EntityQueryCombinator = closedEnum(["and", "or"], { noun: "a combinator", field: "combinator" });
export type EntityQueryCombinator = z.output<typeof EntityQueryCombinator>;

// ---------------------------------------------------------------------------------------------
// Values.

/**
 * A value (or property) resolved per viewer, for dynamic filters: `user` is the entity of the
 * user running the query, `userTeams` the entities of that user's teams.
 * E.g. `{context: "userTeams", property: "$identifier"}` with `containsAny` on `$team`.
 */
export const EntityQueryContextRef = closedObject("a context reference", {
  /** `user`: the querying user's entity; `userTeams`: the entities of the user's teams. */
  context: closedEnum(["user", "userTeams"], { noun: "a query context", field: "context" }),
  /** The property of that entity to use, e.g. `"$identifier"`, `"email"`, `"department"`. */
  property: z.string().min(1),
});
export type EntityQueryContextRef = z.output<typeof EntityQueryContextRef>;

/** What a rule filters on: a property identifier or meta-property (`$identifier`, `$team`, `$blueprint`, ...), or a context reference. */
export const EntityQueryPropertyRef = z.union([z.string().min(1), EntityQueryContextRef], {
  error: (issue) => {
    const input: unknown = issue.input;
    if (asRecord(input) !== undefined) return undefined;
    return `${showValue(input)} is ${describeKind(input)}; property must be a property identifier or meta-property (e.g. "$identifier") or a {context, property} reference. Fix the property.`;
  },
});
export type EntityQueryPropertyRef = z.output<typeof EntityQueryPropertyRef>;

/** A single JSON scalar. */
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** An ISO 8601 date-time with a timezone, as Port's `date-time` format requires (e.g. `2024-01-31T00:00:00Z`). */
const DateTime = z.iso.datetime({ offset: true });

/** The same, failing hard, so a union holding it reports its own message rather than only the date-time one. */
const DateTimeAlternative = z.iso.datetime({ offset: true, abort: true });

/** Whether a value is meant as a `{context, property}` reference (then that schema's own problems are the useful ones). */
function looksLikeContextRef(input: unknown): boolean {
  const record = asRecord(input);
  return record !== undefined && ("context" in record || "property" in record);
}

/** Named date ranges relative to now. */
export const ENTITY_QUERY_DATE_PRESETS = [
  "today",
  "tomorrow",
  "yesterday",
  "lastDay",
  "lastWeek",
  "last2Weeks",
  "lastMonth",
  "last3Months",
  "last6Months",
  "last12Months",
] as const;

/** An absolute date range (both ends ISO 8601 date-times). */
export const EntityQueryDateRange = closedObject("a date range", {
  /** Start of the range (ISO 8601 date-time). */
  from: DateTime,
  /** End of the range (ISO 8601 date-time). */
  to: DateTime,
});
export type EntityQueryDateRange = z.output<typeof EntityQueryDateRange>;

/** A date range relative to now, by name. */
export const EntityQueryDatePreset = closedObject("a date preset", {
  /** One of {@link ENTITY_QUERY_DATE_PRESETS}, e.g. `lastWeek`. */
  preset: closedEnum(ENTITY_QUERY_DATE_PRESETS, { noun: "a date preset", field: "preset" }),
});
export type EntityQueryDatePreset = z.output<typeof EntityQueryDatePreset>;

// ---------------------------------------------------------------------------------------------
// Rules. Each is closed; `EntityQueryRule` below picks one by operator.

/** `=`, `!=`, `contains`, `beginsWith`, ... on a property. */
export const EntityQueryStringRule = closedObject("a comparison rule", {
  /** The property (or meta-property, or context reference) to compare. */
  property: EntityQueryPropertyRef,
  /** See {@link STRING_RULE_OPERATORS}. */
  operator: z.enum(STRING_RULE_OPERATORS),
  /** The value to compare with: a scalar, a list of scalars, or a context reference. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(Scalar), EntityQueryContextRef], {
    error: (issue) => {
      const input: unknown = issue.input;
      if (Array.isArray(input) || looksLikeContextRef(input)) return undefined;
      return `${showValue(input)} is ${describeKind(input)}; comparison operators take a string, number, boolean, null, a list of those, or a {context, property} reference. Fix the value.`;
    },
  }),
});
export type EntityQueryStringRule = z.output<typeof EntityQueryStringRule>;

/** `in`, `notIn`, `containsAny`: the value must be a list. */
export const EntityQueryListRule = closedObject("an in/notIn/containsAny rule", {
  /** The property (or meta-property, or context reference) to test. */
  property: EntityQueryPropertyRef,
  /** See {@link LIST_RULE_OPERATORS}. */
  operator: z.enum(LIST_RULE_OPERATORS),
  /** The list of values, or a context reference resolving to one (e.g. the user's teams). */
  value: z.union([z.array(Scalar), EntityQueryContextRef], {
    error: (issue) => {
      const input: unknown = issue.input;
      if (Array.isArray(input) || looksLikeContextRef(input)) return undefined;
      return `${showValue(input)} is not a list; in, notIn and containsAny need an array such as [${showValue(input)}] (or a {context, property} reference). Wrap the value in [ ].`;
    },
  }),
});
export type EntityQueryListRule = z.output<typeof EntityQueryListRule>;

/** `>`, `>=`, `<`, `<=` on a number or date-time property. */
export const EntityQueryNumberRule = closedObject("a >, >=, <, <= rule", {
  /** The property (or meta-property, or context reference) to compare. */
  property: EntityQueryPropertyRef,
  /** See {@link NUMBER_RULE_OPERATORS}. */
  operator: z.enum(NUMBER_RULE_OPERATORS),
  /** A number, an ISO 8601 date-time, or a context reference. */
  value: z.union([z.number(), DateTimeAlternative, EntityQueryContextRef], {
    error: (issue) => {
      const input: unknown = issue.input;
      if (looksLikeContextRef(input)) return undefined;
      return `${showValue(input)} is not a number or a date-time; >, >=, < and <= compare with a number or an ISO 8601 date-time such as "2024-01-31T00:00:00Z". Fix the value.`;
    },
  }),
});
export type EntityQueryNumberRule = z.output<typeof EntityQueryNumberRule>;

/** `between`, `notBetween` (and `=` with a range value) on a date-time property. */
export const EntityQueryDateRule = closedObject("a date rule", {
  /** The date-time property (or meta-property such as `$createdAt`) to test. */
  property: EntityQueryPropertyRef,
  /** See {@link DATE_RULE_OPERATORS}. */
  operator: z.enum(DATE_RULE_OPERATORS),
  /** `{from, to}`, `{preset}`, or a context reference. */
  value: z.union([EntityQueryDateRange, EntityQueryDatePreset, EntityQueryContextRef], {
    error: (issue) => {
      const input: unknown = issue.input;
      if (asRecord(input) !== undefined) return undefined;
      return `${showValue(input)} is ${describeKind(input)}; date rules take {from, to} (ISO 8601 date-times) or {preset}, e.g. {"preset": "lastWeek"}. Fix the value.`;
    },
  }),
});
export type EntityQueryDateRule = z.output<typeof EntityQueryDateRule>;

/** `isEmpty`, `isNotEmpty`: whether the property has a value. */
export const EntityQueryEmptyRule = closedObject("an isEmpty/isNotEmpty rule", {
  /** The property to test. */
  property: z.string().min(1),
  /** See {@link EMPTY_RULE_OPERATORS}. */
  operator: z.enum(EMPTY_RULE_OPERATORS),
});
export type EntityQueryEmptyRule = z.output<typeof EntityQueryEmptyRule>;

/** `isExpired`, `isNotExpired`: whether a `timer` property's date has passed. */
export const EntityQueryExpiredRule = closedObject("an isExpired/isNotExpired rule", {
  /** The `timer` property to test. */
  property: z.string().min(1),
  /** See {@link EXPIRED_RULE_OPERATORS}. */
  operator: z.enum(EXPIRED_RULE_OPERATORS),
});
export type EntityQueryExpiredRule = z.output<typeof EntityQueryExpiredRule>;

/** `relatedTo`: entities related (through any relations) to the given entities of `blueprint`. */
export const EntityQueryRelationRule = closedObject("a relatedTo rule", {
  /** `"relatedTo"`. */
  operator: z.literal("relatedTo"),
  /** The blueprint of the entities named in `value`. */
  blueprint: BlueprintIdentifier,
  /** One entity identifier, or several (matches entities related to any of them). */
  value: z.union([z.string().min(1), z.array(z.string().min(1))]),
  /** `upstream`: entities the given entity depends on; `downstream`: entities that depend on it. Omitted: both. */
  direction: closedEnum(["upstream", "downstream"], { noun: "a direction", field: "direction" }).optional(),
  /** `true`: only through required relations; `false`: only through non-required ones. Omitted: all relations. */
  required: z.boolean().optional(),
});
export type EntityQueryRelationRule = z.output<typeof EntityQueryRelationRule>;

/** The `propertySchema` of a {@link EntityQueryPropertySchemaRule}. */
export const EntityQueryPropertySchema = closedObject("a propertySchema", {
  /** Property type to match. */
  type: PropertyType,
  /** Property format to match, e.g. `user`. */
  format: closedEnum(PROPERTY_FORMATS, { noun: "a property format", field: "format" }).optional(),
  /** For arrays: the element type (and format) to match. */
  items: closedObject("propertySchema items", {
    /** Element type to match. */
    type: PropertyType,
    /** Element format to match. */
    format: closedEnum(PROPERTY_FORMATS, { noun: "a property format", field: "format" }).optional(),
  }).optional(),
});
export type EntityQueryPropertySchema = z.output<typeof EntityQueryPropertySchema>;

/** Tests every property whose schema matches `propertySchema` (e.g. all `user`-format strings) instead of one named property. */
export const EntityQueryPropertySchemaRule = closedObject("a propertySchema rule", {
  /** Which properties the rule applies to, by type and format. */
  propertySchema: EntityQueryPropertySchema,
  /** See {@link PROPERTY_SCHEMA_RULE_OPERATORS}. */
  operator: z.enum(PROPERTY_SCHEMA_RULE_OPERATORS),
  /** The value to compare with. */
  value: Scalar.optional(),
});
export type EntityQueryPropertySchemaRule = z.output<typeof EntityQueryPropertySchemaRule>;

/** One step of a `matchAny` path that follows a (self-)relation up to `maxHops` times. */
export const EntityQueryPathHops = closedObject("a path step with maxHops", {
  /** The relation identifier to follow. */
  relation: PropertyIdentifier,
  /** Follow it between 1 and this many times (1–15); allowed once per path. */
  maxHops: z.int().min(1).max(15),
});
export type EntityQueryPathHops = z.output<typeof EntityQueryPathHops>;

/** `matchAny`: entities whose related entity at the end of `property.path` is one of `value`. */
export const EntityQueryMatchAnyRule = closedObject("a matchAny rule", {
  /** The relation path to follow. */
  property: closedObject("a relation path", {
    /** Relation identifiers to traverse in order; a `{relation, maxHops}` step repeats a relation. */
    path: z.array(z.union([PropertyIdentifier, EntityQueryPathHops])).min(1),
    /** Start the traversal from this blueprint's entities (a downstream path). Omitted: from the searched entities. */
    fromBlueprint: BlueprintIdentifier.optional(),
  }).check(
    z.refine((value) => (value.path ?? []).filter((step) => typeof step === "object").length <= 1, {
      message: "uses maxHops more than once; Port allows one {relation, maxHops} step per path. Keep one and list the other relations by name.",
      path: ["path"],
    }),
  ),
  /** `"matchAny"`. */
  operator: z.literal("matchAny"),
  /** Identifier(s) of the entity at the end of the path, or a context reference. */
  value: z.union([z.string().min(1), z.array(z.string().min(1)), EntityQueryContextRef]),
});
export type EntityQueryMatchAnyRule = z.output<typeof EntityQueryMatchAnyRule>;

/** Any single rule (not a group). */
export type EntityQueryRule =
  | EntityQueryStringRule
  | EntityQueryListRule
  | EntityQueryNumberRule
  | EntityQueryDateRule
  | EntityQueryEmptyRule
  | EntityQueryExpiredRule
  | EntityQueryRelationRule
  | EntityQueryPropertySchemaRule
  | EntityQueryMatchAnyRule;

/**
 * A query (or nested group): `combinator` joins `rules`.
 * Written out because TypeScript cannot infer a recursive type; `EntityQuery` (the schema) is
 * checked against it at compile time below.
 */
export type EntityQuery = { combinator: EntityQueryCombinator; rules: EntityQueryRuleOrGroup[] };
/** An element of `rules`: a rule, or a nested `{combinator, rules}` group. */
export type EntityQueryRuleOrGroup = EntityQueryRule | EntityQuery;

// ---------------------------------------------------------------------------------------------
// Dispatch. Several kinds share operators (`=` is a comparison, a date rule or a propertySchema
// rule), so a plain union would fail with every kind's complaints at once. Instead the rule's
// own keys pick exactly one kind, and only that kind's problems are reported.

function hasDateValue(value: unknown): boolean {
  const record = asRecord(value);
  return record !== undefined && ("from" in record || "to" in record || "preset" in record);
}

/** The one schema that applies to `rule`, chosen by its operator and keys. */
function ruleSchemaFor(rule: Record<string, unknown>): z.ZodType | undefined {
  const operator = rule.operator;
  if ((PROPERTY_SCHEMA_RULE_OPERATORS as readonly unknown[]).includes(operator) && "propertySchema" in rule) return EntityQueryPropertySchemaRule;
  if (operator === "=" && hasDateValue(rule.value)) return EntityQueryDateRule;
  if ((STRING_RULE_OPERATORS as readonly unknown[]).includes(operator)) return EntityQueryStringRule;
  if ((LIST_RULE_OPERATORS as readonly unknown[]).includes(operator)) return EntityQueryListRule;
  if ((NUMBER_RULE_OPERATORS as readonly unknown[]).includes(operator)) return EntityQueryNumberRule;
  if (operator === "between" || operator === "notBetween") return EntityQueryDateRule;
  if ((EMPTY_RULE_OPERATORS as readonly unknown[]).includes(operator)) return EntityQueryEmptyRule;
  if ((EXPIRED_RULE_OPERATORS as readonly unknown[]).includes(operator)) return EntityQueryExpiredRule;
  if (operator === "relatedTo") return EntityQueryRelationRule;
  if (operator === "matchAny") return EntityQueryMatchAnyRule;
  return undefined;
}

type Payload = z.core.ParsePayload<unknown>;

/** Validates `value` with `schema` and adds its issues (paths under `prefix`) to `payload`; returns the output on success. */
function delegate(payload: Payload, schema: z.ZodType, value: unknown, prefix: PropertyKey[] = []): { ok: boolean; data?: unknown } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  for (const issue of result.error.issues) {
    payload.issues.push({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodRawIssue);
  }
  return { ok: false };
}

function dispatchRuleOrGroup(payload: Payload, allowGroup: boolean): void {
  const rule = asRecord(payload.value);
  const expected = allowGroup ? "a rule ({property, operator, value}) or a group ({combinator, rules})" : "a rule ({property, operator, value})";
  if (rule === undefined) {
    payload.issues.push({
      code: "custom",
      input: payload.value,
      message: `${showValue(payload.value)} is ${describeKind(payload.value)}, expected ${expected}. Fix the rule.`,
    });
    return;
  }
  let schema: z.ZodType | undefined;
  if (allowGroup && !("operator" in rule) && ("combinator" in rule || "rules" in rule)) {
    schema = EntityQuery;
  } else if (!("operator" in rule)) {
    const needs = allowGroup ? "a rule needs an operator (a group needs combinator and rules instead)" : "a rule needs an operator";
    payload.issues.push({
      code: "custom",
      input: undefined,
      path: ["operator"],
      message: `is required; ${needs}; operators: ${ENTITY_QUERY_OPERATORS.join(", ")}. Add the operator.`,
    });
    return;
  } else {
    schema = ruleSchemaFor(rule);
  }
  if (schema === undefined) {
    // An unknown operator: reuse the operator enum's message (bad value, allowed operators, closest match).
    delegate(payload, EntityQueryOperator, rule.operator, ["operator"]);
    return;
  }
  const result = delegate(payload, schema, rule);
  if (result.ok) payload.value = result.data;
}

/** One rule (not a group), validated as the kind its operator and keys select. */
export const EntityQueryRule = z.custom<EntityQueryRule>().check((payload) => dispatchRuleOrGroup(payload as Payload, false));

/** An element of a query's `rules`: a rule, or a nested group (detected by `combinator`/`rules` and no `operator`). */
export const EntityQueryRuleOrGroup = z.custom<EntityQueryRuleOrGroup>().check((payload) => dispatchRuleOrGroup(payload as Payload, true));

/** `rules` of a query or group, for schemas that embed a query under other keys (e.g. an action's `condition`). */
export const EntityQueryRules = z.array(EntityQueryRuleOrGroup);

/**
 * An entity query: `{combinator: "and" | "or", rules: [...]}`, where rules may nest groups.
 * E.g. `{combinator: "and", rules: [{property: "$blueprint", operator: "=", value: "service"}]}`.
 */
export const EntityQuery = closedObject("an entity query", {
  /** `and`: every rule must match; `or`: at least one must. */
  combinator: EntityQueryCombinator,
  /** The rules (or nested groups) to combine. */
  rules: EntityQueryRules,
});

/** Compile-time proof that the hand-written recursive type matches the schema. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const entityQueryTypeMatches: Same<z.output<typeof EntityQuery>, EntityQuery> & Same<z.input<typeof EntityQuery>, EntityQuery> = true;
void entityQueryTypeMatches;
