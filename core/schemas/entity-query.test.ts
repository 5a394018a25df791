import { ENTITY_QUERY_DATE_PRESETS, ENTITY_QUERY_OPERATORS, EntityQuery, EntityQueryRule, EntityQueryRules, type EntityQueryRuleOrGroup } from "./entity-query";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

/** A query holding one rule. */
const withRule = (rule: unknown) => ({ combinator: "and", rules: [rule] });
/** Messages for a query holding one rule, as a dashboard named "svc" would report them. */
const ruleProblems = (rule: unknown) => problemMessages(EntityQuery, withRule(rule), "Query", "q");

describe("EntityQuery", () => {
  describe("parses each rule kind unchanged", () => {
    const rules: Record<string, EntityQueryRuleOrGroup> = {
      "string =": { property: "$blueprint", operator: "=", value: "service" },
      "string != null": { property: "owner", operator: "!=", value: null },
      "string contains on a number": { property: "ports", operator: "contains", value: 8080 },
      "string beginsWith": { property: "$identifier", operator: "beginsWith", value: "svc-" },
      "string doesNotEndsWith": { property: "$title", operator: "doesNotEndsWith", value: "-old" },
      "string = with a list": { property: "tags", operator: "=", value: ["a", "b"] },
      "list in": { property: "environment", operator: "in", value: ["prod", "staging"] },
      "list notIn numbers": { property: "tier", operator: "notIn", value: [1, 2] },
      "list containsAny": { property: "$team", operator: "containsAny", value: ["platform"] },
      "number >": { property: "replicas", operator: ">", value: 2 },
      "number <= date-time": { property: "$createdAt", operator: "<=", value: "2024-01-31T00:00:00Z" },
      "date between range": { property: "$updatedAt", operator: "between", value: { from: "2024-01-01T00:00:00Z", to: "2024-02-01T00:00:00+02:00" } },
      "date notBetween preset": { property: "$createdAt", operator: "notBetween", value: { preset: "last3Months" } },
      "date = preset": { property: "deployedAt", operator: "=", value: { preset: "today" } },
      isEmpty: { property: "owner", operator: "isEmpty" },
      isNotEmpty: { property: "owner", operator: "isNotEmpty" },
      isExpired: { property: "ttl", operator: "isExpired" },
      isNotExpired: { property: "ttl", operator: "isNotExpired" },
      "relatedTo single": { operator: "relatedTo", blueprint: "environment", value: "production" },
      "relatedTo many with options": { operator: "relatedTo", blueprint: "service", value: ["a", "b"], direction: "downstream", required: false },
      propertySchema: { propertySchema: { type: "string", format: "user" }, operator: "=", value: "jane@example.com" },
      "propertySchema array items": { propertySchema: { type: "array", items: { type: "string", format: "team" } }, operator: "contains", value: "platform" },
      matchAny: { property: { path: ["deployedOn"] }, operator: "matchAny", value: "production-cluster" },
      "matchAny downstream with maxHops": {
        property: { path: ["parent", { relation: "parent", maxHops: 3 }], fromBlueprint: "team" },
        operator: "matchAny",
        value: ["squad-a", "squad-b"],
      },
      "nested group": {
        combinator: "or",
        rules: [
          { property: "environment", operator: "=", value: "production" },
          { combinator: "and", rules: [] },
        ],
      },
    };
    it.each(Object.entries(rules))("%s", (_, rule) => {
      expect(parseValid(EntityQuery, withRule(rule))).toEqual(withRule(rule));
    });
  });

  it("accepts every date preset", () => {
    for (const preset of ENTITY_QUERY_DATE_PRESETS) {
      expect(EntityQuery.safeParse(withRule({ property: "$createdAt", operator: "between", value: { preset } })).success).toBe(true);
    }
  });

  it("accepts every operator in at least one rule kind", () => {
    const sample: Record<string, unknown> = {
      ">": 1,
      ">=": 1,
      "<": 1,
      "<=": 1,
      in: ["a"],
      notIn: ["a"],
      containsAny: ["a"],
      between: { preset: "today" },
      notBetween: { preset: "today" },
    };
    for (const operator of ENTITY_QUERY_OPERATORS) {
      const rule =
        operator === "relatedTo"
          ? { operator, blueprint: "service", value: "a" }
          : operator === "matchAny"
            ? { property: { path: ["rel"] }, operator, value: "a" }
            : operator.startsWith("is")
              ? { property: "p", operator }
              : { property: "p", operator, value: operator in sample ? sample[operator] : "a" };
      expect([operator, EntityQuery.safeParse(withRule(rule)).success]).toEqual([operator, true]);
    }
  });

  it('parses a dynamic {context: "user", property: "$identifier"} value', () => {
    const rule = { property: "owner", operator: "=", value: { context: "user", property: "$identifier" } };
    expect(parseValid(EntityQuery, withRule(rule))).toEqual(withRule(rule));
  });

  it("parses userTeams context as property and as a containsAny value", () => {
    const rules = [
      { property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } },
      { property: { context: "userTeams", property: "$identifier" }, operator: "containsAny", value: ["Spider Team"] },
      { property: { path: ["owner"] }, operator: "matchAny", value: { context: "user", property: "$identifier" } },
    ];
    expect(parseValid(EntityQuery, { combinator: "and", rules })).toEqual({ combinator: "and", rules });
  });

  it("fails `in` without an array and shows the value wrapped in a list", () => {
    expect(ruleProblems({ property: "environment", operator: "in", value: "prod" })).toEqual([
      'Query "q": field rules[0].value: "prod" is not a list; in, notIn and containsAny need an array such as ["prod"] (or a {context, property} reference). Wrap the value in [ ].',
    ]);
  });

  it("fails an unknown operator, listing the operators and the closest one", () => {
    expect(ruleProblems({ property: "name", operator: "contain", value: "x" })).toEqual([
      `Query "q": field rules[0].operator: "contain" is not an entity query operator; allowed: ${ENTITY_QUERY_OPERATORS.join(", ")}. Did you mean "contains"? Fix the operator.`,
    ]);
  });

  it("fails a rule without an operator", () => {
    expect(ruleProblems({ property: "name", value: "x" })).toEqual([
      `Query "q": field rules[0].operator: is required; a rule needs an operator (a group needs combinator and rules instead); operators: ${ENTITY_QUERY_OPERATORS.join(", ")}. Add the operator.`,
    ]);
  });

  it("fails an unknown context, suggesting the closest", () => {
    expect(ruleProblems({ property: "owner", operator: "=", value: { context: "usr", property: "$identifier" } })).toEqual([
      'Query "q": field rules[0].value.context: "usr" is not a query context; allowed: user, userTeams. Did you mean "user"? Fix the context.',
    ]);
  });

  it("reports only the chosen rule kind's problems: a key that kind does not take", () => {
    expect(ruleProblems({ property: "owner", operator: "isEmpty", value: true })).toEqual([
      'Query "q": field rules[0]: "value" is not a key of an isEmpty/isNotEmpty rule; allowed: property, operator. Rename or remove it.',
    ]);
  });

  it("fails a comparison with something that is neither a number nor a date-time", () => {
    expect(ruleProblems({ property: "replicas", operator: ">=", value: "three" })).toEqual([
      'Query "q": field rules[0].value: "three" is not a number or a date-time; >, >=, < and <= compare with a number or an ISO 8601 date-time such as "2024-01-31T00:00:00Z". Fix the value.',
    ]);
  });

  it("fails a date range end that is not an ISO 8601 date-time", () => {
    expect(ruleProblems({ property: "$createdAt", operator: "between", value: { from: "2024-01-01T00:00:00Z", to: "yesterday" } })).toEqual([
      'Query "q": field rules[0].value.to: "yesterday" is not an ISO 8601 date-time. Use e.g. "2024-01-31T00:00:00Z".',
    ]);
  });

  it("fails an unknown date preset", () => {
    expect(ruleProblems({ property: "$createdAt", operator: "between", value: { preset: "lastYear" } })).toEqual([
      `Query "q": field rules[0].value.preset: "lastYear" is not a date preset; allowed: ${ENTITY_QUERY_DATE_PRESETS.join(", ")}. Fix the preset.`,
    ]);
  });

  it("fails a date rule whose value is not a range or preset", () => {
    expect(ruleProblems({ property: "$createdAt", operator: "between", value: "lastWeek" })).toEqual([
      'Query "q": field rules[0].value: "lastWeek" is a string; date rules take {from, to} (ISO 8601 date-times) or {preset}, e.g. {"preset": "lastWeek"}. Fix the value.',
    ]);
  });

  it("fails a comparison value that is an object but not a context reference", () => {
    expect(ruleProblems({ property: "name", operator: "=", value: { equals: "x" } })).toEqual([
      'Query "q": field rules[0].value: {"equals":"x"} is an object; comparison operators take a string, number, boolean, null, a list of those, or a {context, property} reference. Fix the value.',
    ]);
  });

  it("fails a property that is neither a name nor a context reference", () => {
    expect(ruleProblems({ property: 5, operator: "=", value: "x" })).toEqual([
      'Query "q": field rules[0].property: 5 is a number; property must be a property identifier or meta-property (e.g. "$identifier") or a {context, property} reference. Fix the property.',
    ]);
  });

  it("fails a relatedTo rule without its blueprint", () => {
    expect(ruleProblems({ operator: "relatedTo", value: "production" })).toEqual(['Query "q": field rules[0].blueprint: is required but missing. Add a string.']);
  });

  it("fails maxHops outside 1–15 and more than one maxHops step", () => {
    expect(
      ruleProblems({
        property: {
          path: [
            { relation: "parent", maxHops: 16 },
            { relation: "parent", maxHops: 2 },
          ],
        },
        operator: "matchAny",
        value: "x",
      }),
    ).toEqual([
      'Query "q": field rules[0].property.path[0].maxHops: 16 is greater than the maximum 15. Use 15 or less.',
      'Query "q": field rules[0].property.path: uses maxHops more than once; Port allows one {relation, maxHops} step per path. Keep one and list the other relations by name.',
    ]);
  });

  it("fails a rule that is not an object", () => {
    expect(ruleProblems("owner = me")).toEqual([
      'Query "q": field rules[0]: "owner = me" is a string, expected a rule ({property, operator, value}) or a group ({combinator, rules}). Fix the rule.',
    ]);
  });

  it("reports problems inside nested groups with their full path", () => {
    const query = {
      combinator: "and",
      rules: [
        {
          combinator: "or",
          rules: [
            { property: "env", operator: "in", value: "prod" },
            { property: "x", operator: "isEmpty" },
          ],
        },
      ],
    };
    expect(problemMessages(EntityQuery, query, "Query", "q")).toEqual([
      'Query "q": field rules[0].rules[0].value: "prod" is not a list; in, notIn and containsAny need an array such as ["prod"] (or a {context, property} reference). Wrap the value in [ ].',
    ]);
  });

  it("fails an unknown combinator and a typo'd key on the group", () => {
    expect(problemMessages(EntityQuery, { combinator: "xor", rule: [] }, "Query", "q")).toEqual([
      'Query "q": field combinator: "xor" is not a combinator; allowed: and, or. Did you mean "or"? Fix the combinator.',
      'Query "q": field rules: is required but missing. Add an array.',
      'Query "q": "rule" is not a key of an entity query; allowed: combinator, rules. Did you mean "rules"? Rename or remove it.',
    ]);
  });

  it("reports every bad rule of a query together", () => {
    expect(
      problemMessages(
        EntityQuery,
        {
          combinator: "and",
          rules: [
            { property: "a", operator: "in", value: 1 },
            { property: "b", operator: "=", value: "ok" },
            { property: "c", operator: "like", value: 1 },
          ],
        },
        "Query",
        "q",
      ),
    ).toEqual([
      'Query "q": field rules[0].value: 1 is not a list; in, notIn and containsAny need an array such as [1] (or a {context, property} reference). Wrap the value in [ ].',
      `Query "q": field rules[2].operator: "like" is not an entity query operator; allowed: ${ENTITY_QUERY_OPERATORS.join(", ")}. Fix the operator.`,
    ]);
  });
});

describe("EntityQueryRule", () => {
  it("validates one rule and refuses a group", () => {
    expect(EntityQueryRule.safeParse({ property: "a", operator: "isEmpty" }).success).toBe(true);
    expect(problemMessages(EntityQueryRule, { combinator: "and", rules: [] }, "Rule", "r")).toEqual([
      `Rule "r": field operator: is required; a rule needs an operator; operators: ${ENTITY_QUERY_OPERATORS.join(", ")}. Add the operator.`,
    ]);
  });
});

describe("EntityQueryRules", () => {
  it("lets other schemas embed `rules` under their own keys", () => {
    const rules = [{ property: "$blueprint", operator: "=", value: "service" }];
    expect(parseValid(EntityQueryRules, rules)).toEqual(rules);
  });
});
