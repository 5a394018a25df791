import { DEFAULT_SCORECARD_LEVELS, ScorecardSpec } from "./schema";
import { SCORECARD_DATE_PRESETS, SCORECARD_PROPERTY_OPERATORS, SCORECARD_RELATION_OPERATORS, ScorecardCondition } from "./condition-schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

/** A scorecard with one rule per condition (so each is checked on its own), on Port's default levels. */
function scorecard(conditions: unknown[], extra: Record<string, unknown> = {}) {
  return {
    identifier: "production_readiness",
    title: "Production readiness",
    blueprint: "service",
    rules: conditions.map((condition, index) => ({
      identifier: `rule_${index}`,
      title: `Rule ${index}`,
      level: "Bronze",
      query: { combinator: "and", conditions: [condition] },
    })),
    ...extra,
  };
}

const problems = (value: unknown) => problemMessages(ScorecardSpec, value, "Scorecard", "production_readiness");
/** Messages for a scorecard whose only rule holds `condition`. */
const conditionProblems = (condition: unknown) => problems(scorecard([condition]));
const AT = 'Scorecard "production_readiness": field rules[0].query.conditions[0]';

const rule = (identifier: string, level: string) => ({
  identifier,
  title: identifier,
  level,
  query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] },
});

describe("ScorecardCondition", () => {
  describe("parses every condition kind unchanged", () => {
    const conditions: Record<string, unknown> = {
      "property =": { property: "language", operator: "=", value: "Go" },
      "property !=": { property: "tier", operator: "!=", value: "experimental" },
      "property >": { property: "replicas", operator: ">", value: 1 },
      "property <": { property: "openIncidents", operator: "<", value: 3 },
      "property >=": { property: "availability", operator: ">=", value: 99.9 },
      "property <= date-time": { property: "$createdAt", operator: "<=", value: "2024-01-31T00:00:00Z" },
      "property contains": { property: "tags", operator: "contains", value: "pci" },
      "property doesNotContains": { property: "$title", operator: "doesNotContains", value: "legacy" },
      "property beginsWith": { property: "repository", operator: "beginsWith", value: "https://" },
      "property doesNotBeginsWith": { property: "$identifier", operator: "doesNotBeginsWith", value: "tmp-" },
      "property endsWith": { property: "$identifier", operator: "endsWith", value: "-service" },
      "property doesNotEndsWith": { property: "$identifier", operator: "doesNotEndsWith", value: "-old" },
      "property = boolean": { property: "healthy", operator: "=", value: true },
      "relation =": { relation: "environment", operator: "=", value: "production" },
      "relation !=": { relation: "environment", operator: "!=", value: "sandbox" },
      "relation beginsWith": { relation: "cluster", operator: "beginsWith", value: "prod-" },
      "relation doesNotEndsWith": { relation: "cluster", operator: "doesNotEndsWith", value: "-dev" },
      "property in": { property: "language", operator: "in", value: ["Go", "TypeScript"] },
      "property containsAny on $team": { property: "$team", operator: "containsAny", value: ["platform", "payments"] },
      "relation in": { relation: "environment", operator: "in", value: ["production", "staging"] },
      "relation containsAny": { relation: "consumers", operator: "containsAny", value: ["checkout"] },
      "property isEmpty": { property: "deprecatedAt", operator: "isEmpty" },
      "property isNotEmpty with not": { property: "readme", operator: "isNotEmpty", not: false },
      "meta-property isNotEmpty": { property: "$team", operator: "isNotEmpty" },
      "relation isEmpty with not": { relation: "domain", operator: "isEmpty", not: true },
      "relation isNotEmpty": { relation: "domain", operator: "isNotEmpty" },
      "date between range": { property: "lastDeployedAt", operator: "between", value: { from: "2024-01-01T00:00:00Z", to: "2024-02-01T00:00:00+02:00" } },
      "date notBetween preset": { property: "$updatedAt", operator: "notBetween", value: { preset: "last6Months" } },
      "date = preset": { property: "$createdAt", operator: "=", value: { preset: "today" } },
      "date = range": { property: "$createdAt", operator: "=", value: { from: "2024-01-01T00:00:00Z", to: "2024-01-02T00:00:00Z" } },
    };
    it.each(Object.entries(conditions))("%s", (_, condition) => {
      expect(parseValid(ScorecardCondition, condition)).toEqual(condition);
    });
  });

  it("accepts every scorecard date preset", () => {
    for (const preset of SCORECARD_DATE_PRESETS) {
      expect([preset, ScorecardCondition.safeParse({ property: "$updatedAt", operator: "between", value: { preset } }).success]).toEqual([preset, true]);
    }
  });

  it("fails the entity query's lastDay preset, which Port's scorecard presets lack", () => {
    expect(conditionProblems({ property: "$updatedAt", operator: "between", value: { preset: "lastDay" } })).toEqual([
      `${AT}.value.preset: "lastDay" is not a scorecard date preset; allowed: ${SCORECARD_DATE_PRESETS.join(", ")}. Fix the preset.`,
    ]);
  });

  it("accepts order comparisons on a relation and lists of strings in comparisons, as Port's scorecard shapes do", () => {
    for (const condition of [
      { relation: "environment", operator: ">", value: 1 },
      { relation: "environment", operator: "<=", value: "m" },
      { property: "languages", operator: "=", value: ["Go", "Java"] },
      { relation: "owners", operator: "contains", value: ["platform"] },
    ]) {
      expect(parseValid(ScorecardCondition, condition)).toEqual(condition);
    }
  });

  it("fails `in` without an array and shows the value wrapped in a list", () => {
    expect(conditionProblems({ property: "language", operator: "in", value: "Go" })).toEqual([
      `${AT}.value: "Go" is not a list; in and containsAny need an array such as ["Go"]. Wrap the value in [ ].`,
    ]);
  });

  it("fails containsAny on a relation without an array", () => {
    expect(conditionProblems({ relation: "consumers", operator: "containsAny", value: 3 })).toEqual([
      `${AT}.value: 3 is not a list; in and containsAny need an array such as ["3"]. Wrap the value in [ ].`,
    ]);
  });

  it("fails list items that are not strings, in a comparison and in `in`", () => {
    expect(conditionProblems({ property: "replicas", operator: "=", value: [1, "2"] })).toEqual([`${AT}.value[0]: 1 is a number; list items are strings. Write it as a string.`]);
    expect(conditionProblems({ relation: "environment", operator: "in", value: ["prod", true] })).toEqual([
      `${AT}.value[1]: true is a boolean; list items are strings. Write it as a string.`,
    ]);
  });

  it("fails a comparison with null or an object", () => {
    expect(conditionProblems({ property: "owner", operator: "!=", value: null })).toEqual([
      `${AT}.value: null is null; comparison operators take a string, number, boolean or a list of strings. Fix the value.`,
    ]);
    expect(conditionProblems({ property: "owner", operator: "=", value: { equals: "x" } })).toEqual([
      `${AT}.value: {"equals":"x"} is an object; comparison operators take a string, number, boolean or a list of strings. Fix the value.`,
    ]);
  });

  it("fails an unknown operator on a relation, listing the relation operators", () => {
    expect(conditionProblems({ relation: "environment", operator: "startsWith", value: "prod" })).toEqual([
      `${AT}.operator: "startsWith" is not an operator for a relation condition; allowed: ${SCORECARD_RELATION_OPERATORS.join(", ")}. Fix the operator.`,
    ]);
  });

  it("fails an unknown operator, suggesting the closest", () => {
    expect(conditionProblems({ property: "$title", operator: "startsWith", value: "svc" })).toEqual([
      `${AT}.operator: "startsWith" is not an operator for a property condition; allowed: ${SCORECARD_PROPERTY_OPERATORS.join(", ")}. Fix the operator.`,
    ]);
    expect(conditionProblems({ property: "$title", operator: "beginWith", value: "svc" })).toEqual([
      `${AT}.operator: "beginWith" is not an operator for a property condition; allowed: ${SCORECARD_PROPERTY_OPERATORS.join(", ")}. Did you mean "beginsWith"? Fix the operator.`,
    ]);
  });

  it("fails a condition without an operator", () => {
    expect(conditionProblems({ property: "readme" })).toEqual([`${AT}.operator: is required; operators: ${SCORECARD_PROPERTY_OPERATORS.join(", ")}. Add the operator.`]);
  });

  it("fails a condition with neither property nor relation", () => {
    expect(conditionProblems({ operator: "isEmpty" })).toEqual([
      `${AT}: tests nothing; a condition needs a property (a property identifier or a meta-property such as "$team") or a relation. Add property or relation.`,
    ]);
  });

  it("fails an unknown meta-property, suggesting the closest", () => {
    expect(conditionProblems({ property: "$teams", operator: "isNotEmpty" })).toEqual([
      `${AT}.property: "$teams" is not a meta-property; meta-properties: $identifier, $title, $team, $icon, $blueprint, $createdAt, $createdBy, $updatedAt, $updatedBy. Did you mean "$team"? Fix the property.`,
    ]);
  });

  it("fails a property name Port's pattern refuses, with a corrected one", () => {
    expect(conditionProblems({ property: "on call", operator: "isNotEmpty" })).toEqual([
      `${AT}.property: must match Port's property identifier pattern (letters A-Z a-z, digits and @ _ = \\ -, no spaces or dots, at most 100 characters); "on call" contains a space: use "on_call".`,
    ]);
  });

  it("fails `not` on an isEmpty/isNotEmpty condition when it is not a boolean", () => {
    expect(conditionProblems({ property: "readme", operator: "isEmpty", not: "yes" })).toEqual([`${AT}.not: "yes" is a string, expected a boolean. Fix the value.`]);
  });

  describe("keeps keys Port's non-date condition shapes do not list (apispec.yaml: only the date shape has additionalProperties: false)", () => {
    const conditions: Record<string, unknown> = {
      "not on a property comparison": { property: "readme", operator: "=", value: "x", not: true },
      "not on a relation comparison": { relation: "environment", operator: "!=", value: "sandbox", not: false },
      "a value on isEmpty": { relation: "domain", operator: "isEmpty", value: true },
      "another key on in": { property: "language", operator: "in", value: ["Go"], description: "supported languages" },
      "both property and relation on a comparison": { property: "tier", relation: "environment", operator: "=", value: "production" },
      "both property and relation on isEmpty": { property: "a", relation: "b", operator: "isEmpty" },
      "both, where only the relation kind fits": { property: "$bogus", relation: "environment", operator: "in", value: ["production"] },
    };
    it.each(Object.entries(conditions))("%s", (_, condition) => {
      expect(parseValid(ScorecardCondition, condition)).toEqual(condition);
    });
  });

  it("reports a key one edit away from a listed one on a condition that keeps other keys", () => {
    expect(conditionProblems({ property: "readme", operator: "isEmpty", nto: true })).toEqual([
      `${AT}.nto: "nto" is not a key of an isEmpty/isNotEmpty property condition; did you mean "not"? Other keys are kept as they are. Rename it.`,
    ]);
    expect(conditionProblems({ relation: "environment", operator: "in", value: ["production"], Operator: "in" })).toEqual([
      `${AT}.Operator: "Operator" is not a key of an in/containsAny relation condition; did you mean "operator"? Other keys are kept as they are. Rename it.`,
    ]);
  });

  it("fails other keys and a relation on a date condition, whose shape Port closes", () => {
    expect(conditionProblems({ property: "$updatedAt", operator: "between", value: { preset: "today" }, not: true })).toEqual([
      `${AT}: "not" is not a key of a date condition; allowed: property, operator, value. Rename or remove it.`,
    ]);
    expect(conditionProblems({ property: "$updatedAt", relation: "environment", operator: "=", value: { preset: "today" } })).toEqual([
      `${AT}: "relation" is not a key of a date condition; allowed: property, operator, value. Rename or remove it.`,
    ]);
  });

  it("fails date values that are neither a range nor a known preset", () => {
    expect(conditionProblems({ property: "$updatedAt", operator: "between", value: "lastMonth" })).toEqual([
      `${AT}.value: "lastMonth" is a string; date conditions take {from, to} (ISO 8601 date-times) or {preset}, e.g. {"preset": "lastMonth"}. Fix the value.`,
    ]);
    expect(conditionProblems({ property: "$updatedAt", operator: "notBetween", value: { preset: "lastYear" } })).toEqual([
      `${AT}.value.preset: "lastYear" is not a scorecard date preset; allowed: ${SCORECARD_DATE_PRESETS.join(", ")}. Fix the preset.`,
    ]);
    expect(conditionProblems({ property: "$updatedAt", operator: "between", value: { from: "2024-01-01T00:00:00Z", to: "soon" } })).toEqual([
      `${AT}.value.to: "soon" is not an ISO 8601 date-time. Use e.g. "2024-01-31T00:00:00Z".`,
    ]);
  });

  it("fails a date range on a relation", () => {
    expect(conditionProblems({ relation: "environment", operator: "between", value: { preset: "today" } })).toEqual([
      `${AT}.operator: "between" is not an operator for a relation condition; allowed: ${SCORECARD_RELATION_OPERATORS.join(", ")}. Fix the operator.`,
    ]);
  });

  it("fails a condition that is not an object", () => {
    expect(conditionProblems("readme isNotEmpty")).toEqual([
      `${AT}: "readme isNotEmpty" is a string, expected a condition such as {"property": "readme", "operator": "isNotEmpty"}. Fix the condition.`,
    ]);
  });
});

describe("ScorecardSpec", () => {
  it("parses a scorecard with filter, custom levels and rules unchanged", () => {
    const spec = {
      identifier: "service_health",
      title: "Service health",
      blueprint: "service",
      filter: { combinator: "or", conditions: [{ property: "tier", operator: "!=", value: "experimental" }] },
      levels: [
        { title: "Unhealthy", color: "red" },
        { title: "Healthy", color: "green" },
      ],
      rules: [{ ...rule("no_incidents", "Healthy"), description: "Nothing is on fire." }],
    };
    expect(parseValid(ScorecardSpec, spec)).toEqual(spec);
  });

  it("accepts a scorecard without rules", () => {
    expect(problems(scorecard([]))).toEqual([]);
  });

  it("fails a rule on the first default level", () => {
    expect(problems(scorecard([], { rules: [rule("has_readme", "Basic")] }))).toEqual([
      'Scorecard "production_readiness": field rules[0].level: "Basic" is the first level, which every entity reaches; a rule cannot require it. Use one of Bronze, Silver, Gold.',
    ]);
  });

  it("fails a rule on the first custom level", () => {
    const levels = [
      { title: "Unhealthy", color: "red" },
      { title: "Degraded", color: "orange" },
      { title: "Healthy", color: "green" },
    ];
    expect(problems(scorecard([], { levels, rules: [rule("ok", "Unhealthy")] }))).toEqual([
      'Scorecard "production_readiness": field rules[0].level: "Unhealthy" is the first level, which every entity reaches; a rule cannot require it. Use one of Degraded, Healthy.',
    ]);
  });

  it("fails a rule on the only level, asking for a level above it", () => {
    expect(problems(scorecard([], { levels: [{ title: "Done", color: "green" }], rules: [rule("ok", "Done")] }))).toEqual([
      'Scorecard "production_readiness": field rules[0].level: "Done" is the first level, which every entity reaches; a rule cannot require it. Add a level above it to levels.',
    ]);
  });

  it("fails an unknown default level, suggesting the closest", () => {
    expect(problems(scorecard([], { rules: [rule("ok", "Sliver")] }))).toEqual([
      'Scorecard "production_readiness": field rules[0].level: "Sliver" is not a level of this scorecard (levels: Basic, Bronze, Silver, Gold). Did you mean "Silver"? Use one of Bronze, Silver, Gold, or declare levels that include "Sliver".',
    ]);
  });

  it("fails an unknown custom level", () => {
    const levels = [
      { title: "Unhealthy", color: "red" },
      { title: "Healthy", color: "green" },
    ];
    expect(problems(scorecard([], { levels, rules: [rule("ok", "Gold")] }))).toEqual([
      'Scorecard "production_readiness": field rules[0].level: "Gold" is not a level of this scorecard (levels: Unhealthy, Healthy). Use Healthy, or add "Gold" to levels.',
    ]);
  });

  it("fails a repeated rule identifier", () => {
    expect(problems(scorecard([], { rules: [rule("has_readme", "Bronze"), rule("has_owner", "Silver"), rule("has_readme", "Gold")] }))).toEqual([
      'Scorecard "production_readiness": field rules[2].identifier: "has_readme" is also the identifier of rules[0]; rule identifiers must be unique within a scorecard. Rename one of them.',
    ]);
  });

  it("fails a repeated level title and an unknown level colour", () => {
    const levels = [
      { title: "Low", color: "red" },
      { title: "High", color: "gren" },
      { title: "Low", color: "green" },
    ];
    expect(problems(scorecard([], { levels }))).toEqual([
      'Scorecard "production_readiness": field levels[1].color: "gren" is not a Port color; allowed: blue, turquoise, orange, purple, pink, yellow, green, red, gold, silver, paleBlue, darkGray, lightGray, bronze, lime, olive, brown. Did you mean "green"? Fix the color.',
      'Scorecard "production_readiness": field levels[2].title: "Low" is also the title of levels[0]; level titles must be unique, since rules name their level by title. Rename one of them.',
    ]);
  });

  it("fails empty custom levels and a query without conditions", () => {
    const empty = { ...rule("ok", "Bronze"), query: { combinator: "and", conditions: [] } };
    expect(problems(scorecard([], { levels: [], rules: [empty] }))).toEqual([
      'Scorecard "production_readiness": field levels: must not be empty. Add at least one item.',
      'Scorecard "production_readiness": field rules[0].query.conditions: must not be empty. Add at least one item.',
    ]);
  });

  it("fails a bad identifier, a missing blueprint and a typo'd key, all together", () => {
    const { blueprint: _blueprint, ...withoutBlueprint } = scorecard([]);
    expect(problems({ ...withoutBlueprint, identifier: "production readiness", filters: {} })).toEqual([
      'Scorecard "production_readiness": field identifier: must match Port\'s scorecard identifier pattern (letters, digits and @ _ . + : \\ / = -, no spaces, at most 100 characters); "production readiness" contains a space: use "production_readiness".',
      'Scorecard "production_readiness": field blueprint: is required but missing. Add a string.',
      'Scorecard "production_readiness": "filters" is not a key of a scorecard; allowed: identifier, title, blueprint, filter, levels, rules. Did you mean "filter"? Rename or remove it.',
    ]);
  });

  it("fails an unknown combinator in a rule query", () => {
    const bad = { ...rule("ok", "Bronze"), query: { combinator: "all", conditions: [{ property: "readme", operator: "isNotEmpty" }] } };
    expect(problems(scorecard([], { rules: [bad] }))).toEqual([
      'Scorecard "production_readiness": field rules[0].query.combinator: "all" is not a combinator; allowed: and, or. Fix the combinator.',
    ]);
  });

  it("reports problems in the filter and in several rules in one run", () => {
    const spec = scorecard(
      [
        { property: "language", operator: "in", value: "Go" },
        { property: "readme", operator: "isNotEmpty" },
      ],
      {
        filter: { combinator: "and", conditions: [{ relation: "env", operator: "before", value: 1 }] },
      },
    );
    spec.rules[1].level = "Basic";
    expect(problems(spec)).toEqual([
      `Scorecard "production_readiness": field filter.conditions[0].operator: "before" is not an operator for a relation condition; allowed: ${SCORECARD_RELATION_OPERATORS.join(", ")}. Fix the operator.`,
      'Scorecard "production_readiness": field rules[0].query.conditions[0].value: "Go" is not a list; in and containsAny need an array such as ["Go"]. Wrap the value in [ ].',
      'Scorecard "production_readiness": field rules[1].level: "Basic" is the first level, which every entity reaches; a rule cannot require it. Use one of Bronze, Silver, Gold.',
    ]);
  });

  it("names Port's default levels lowest first", () => {
    expect(DEFAULT_SCORECARD_LEVELS.map((level) => `${level.title}:${level.color}`)).toEqual(["Basic:paleBlue", "Bronze:bronze", "Silver:silver", "Gold:gold"]);
  });
});
