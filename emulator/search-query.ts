/**
 * Port's entity search query (apispec.yaml: POST /v1/entities/search body, POST
 * /v1/blueprints/{blueprint_identifier}/entities/search `query`): `{combinator: "and"|"or", rules}`,
 * where a rule is a nested query or `{property, operator, value}`. The emulator evaluates the
 * operators this project and terraform-provider-port-labs send (internal/cli/team.go searches
 * `$blueprint` and `$title` with `=`), plus the plain comparisons beside them; Port's other
 * operators (dates, numbers, relations, context values) are refused with 422 naming them.
 */
import type { Entity } from "./org-store";
import { isPlainObject, jsonType, pointer, type Problems } from "./validation-problems";

type Doc = Record<string, unknown>;

/** Every operator apispec.yaml lists for search rules. */
const PORT_OPERATORS = [
  "=",
  "!=",
  ">",
  ">=",
  "<",
  "<=",
  "between",
  "notBetween",
  "isEmpty",
  "isNotEmpty",
  "isExpired",
  "isNotExpired",
  "containsAny",
  "contains",
  "doesNotContains",
  "beginsWith",
  "doesNotBeginsWith",
  "endsWith",
  "doesNotEndsWith",
  "in",
  "notIn",
  "relatedTo",
  "matchAny",
];

type Test = (field: unknown, value: unknown) => boolean;

const asList = (field: unknown): unknown[] => (Array.isArray(field) ? field : field === undefined || field === null ? [] : [field]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const text =
  (test: (field: string, value: string) => boolean): Test =>
  (field, value) =>
    typeof field === "string" && typeof value === "string" && test(field, value);

/** The operators the emulator evaluates; `value` is the rule's value (an array for `in`, `notIn`, `containsAny`). */
const TESTS: Record<string, Test> = {
  "=": same,
  "!=": (field, value) => !same(field, value),
  in: (field, value) => asList(field).some((item) => (value as unknown[]).some((v) => same(item, v))),
  notIn: (field, value) => !asList(field).some((item) => (value as unknown[]).some((v) => same(item, v))),
  containsAny: (field, value) => asList(field).some((item) => (value as unknown[]).some((v) => same(item, v))),
  contains: text((field, value) => field.includes(value)),
  doesNotContains: (field, value) => !text((f, v) => f.includes(v))(field, value),
  beginsWith: text((field, value) => field.startsWith(value)),
  endsWith: text((field, value) => field.endsWith(value)),
  isEmpty: (field) => field === undefined || field === null || (Array.isArray(field) && field.length === 0),
  isNotEmpty: (field) => !(field === undefined || field === null || (Array.isArray(field) && field.length === 0)),
};
const LIST_OPERATORS = ["in", "notIn", "containsAny"];
const NO_VALUE_OPERATORS = ["isEmpty", "isNotEmpty"];

/** Meta-properties (docs meta-properties.md) and where an entity holds them. */
function fieldOf(entity: Entity, property: string): unknown {
  if (property.startsWith("$")) return entity[property.slice(1)];
  return (entity.properties as Doc | undefined)?.[property];
}

export type Matcher = (entity: Entity) => boolean;

/** Checks a query at `path` and returns its matcher; problems are added for every rule Port or the emulator refuses. */
export function compileQuery(problems: Problems, path: string, query: unknown): Matcher {
  if (!isPlainObject(query)) {
    problems.add(path, `must be object (got ${jsonType(query)})`);
    return () => false;
  }
  for (const key of Object.keys(query)) if (key !== "combinator" && key !== "rules") problems.add(pointer(path, key), "must NOT have additional properties");
  if (query.combinator !== "and" && query.combinator !== "or") problems.add(pointer(path, "combinator"), "must be equal to one of the allowed values", ["and", "or"]);
  if (!Array.isArray(query.rules)) {
    problems.add(pointer(path, "rules"), `must be array (got ${jsonType(query.rules)})`);
    return () => false;
  }
  const matchers = query.rules.map((rule, index) => compileRule(problems, pointer(pointer(path, "rules"), index), rule));
  return query.combinator === "or" ? (entity) => matchers.some((m) => m(entity)) : (entity) => matchers.every((m) => m(entity));
}

function compileRule(problems: Problems, path: string, rule: unknown): Matcher {
  if (isPlainObject(rule) && "combinator" in rule) return compileQuery(problems, path, rule);
  if (!isPlainObject(rule)) {
    problems.add(path, `must be object (got ${jsonType(rule)})`);
    return () => false;
  }
  const operator = rule.operator;
  if (typeof operator !== "string" || !PORT_OPERATORS.includes(operator)) {
    problems.add(pointer(path, "operator"), `must be one of Port's search operators (got ${JSON.stringify(operator)})`, PORT_OPERATORS);
    return () => false;
  }
  const test = TESTS[operator];
  if (!test) {
    problems.add(pointer(path, "operator"), `operator "${operator}" is not supported by the emulator (it evaluates ${Object.keys(TESTS).join(", ")})`);
    return () => false;
  }
  if (typeof rule.property !== "string") {
    const what = isPlainObject(rule.property) ? "context values are not supported by the emulator" : `must be string (got ${jsonType(rule.property)})`;
    problems.add(pointer(path, "property"), what);
    return () => false;
  }
  const property = rule.property;
  if (NO_VALUE_OPERATORS.includes(operator)) return (entity) => test(fieldOf(entity, property), undefined);
  if (!("value" in rule)) problems.add(path, "must have required property 'value'");
  else if (isPlainObject(rule.value)) problems.add(pointer(path, "value"), "context and date values are not supported by the emulator");
  else if (LIST_OPERATORS.includes(operator) && !Array.isArray(rule.value))
    problems.add(pointer(path, "value"), `must be array for operator "${operator}" (got ${jsonType(rule.value)})`);
  const value = rule.value;
  return (entity) => test(fieldOf(entity, property), value);
}
