/**
 * Validates a scorecard body as Port does on POST and PUT (apispec.yaml: POST
 * /v1/blueprints/{blueprint_identifier}/scorecards): required identifier, title, rules; conditions
 * by the spec's shapes; and the level rules Port's docs state (rules name an existing level, never
 * the first). Independent of kinds/, so it can disagree with them. Every problem is collected and
 * reported in one 422.
 */
import { COLORS, ENTITY_IDENTIFIER, META_FIELDS, PROPERTY_KEY, PROPERTY_KEY_MAX } from "./port-vocabulary";
import { checkBoolean, checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

/** Port's levels when a scorecard declares none (colors per terraform-provider-port-labs' defaults). */
export const DEFAULT_LEVELS = [
  { title: "Basic", color: "paleBlue" },
  { title: "Bronze", color: "bronze" },
  { title: "Silver", color: "silver" },
  { title: "Gold", color: "gold" },
];

const SCORECARD_KEYS = ["identifier", "title", "filter", "levels", "rules", "properties"];
const RULE_KEYS = ["identifier", "title", "description", "level", "query"];

// apispec.yaml: POST /v1/blueprints/{blueprint_identifier}/scorecards, `conditions.items.anyOf`.
const COMPARISON_OPERATORS = ["=", "!=", ">", "<", ">=", "<=", "contains", "doesNotContains", "beginsWith", "doesNotBeginsWith", "endsWith", "doesNotEndsWith"];
const LIST_OPERATORS = ["containsAny", "in"];
const EMPTY_OPERATORS = ["isEmpty", "isNotEmpty"];
const DATE_OPERATORS = ["between", "notBetween", "="];
/** The scorecard's own presets: the entity query's `lastDay` is not among them. */
const DATE_PRESETS = ["today", "tomorrow", "yesterday", "lastWeek", "last2Weeks", "lastMonth", "last3Months", "last6Months", "last12Months"];
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** Throws a 422 ApiError listing every problem. `pathBlueprint` is the `{bp}` of the request path. */
export function validateScorecard(body: unknown, pathBlueprint: string): asserts body is Record<string, unknown> & { identifier: string } {
  const problems = new Problems();
  if (!isPlainObject(body)) {
    problems.add("/", `must be object (got ${jsonType(body)})`);
    return problems.throwIfAny();
  }
  // Clients echo what GET returned: the meta fields and `blueprint` are accepted (and ignored) when they match.
  checkNoExtraKeys(problems, "/", body, [...SCORECARD_KEYS, ...META_FIELDS, "blueprint"]);
  if (body.blueprint !== undefined && body.blueprint !== pathBlueprint) {
    problems.add("/blueprint", `must equal the blueprint in the path (${JSON.stringify(pathBlueprint)}); a scorecard cannot move to another blueprint`);
  }
  checkString(problems, "/identifier", body.identifier, { required: true, minLength: 1, maxLength: 100, pattern: ENTITY_IDENTIFIER });
  checkString(problems, "/title", body.title, { required: true });
  checkObject(problems, "/properties", body.properties);
  if (body.filter !== undefined) checkQuery(problems, "/filter", body.filter);

  const levels = checkLevels(problems, body.levels);
  if (body.rules === undefined) problems.add("/rules", "is required");
  else if (!Array.isArray(body.rules)) problems.add("/rules", `must be array (got ${jsonType(body.rules)})`);
  else {
    const seen = new Set<string>();
    body.rules.forEach((rule, index) => checkRule(problems, pointer("/rules", index), rule, levels, seen));
  }
  problems.throwIfAny();
}

/** The level titles in force (custom or default), lowest first. */
function checkLevels(problems: Problems, levels: unknown): { titles: string[]; custom: boolean } {
  if (levels === undefined) return { titles: DEFAULT_LEVELS.map((l) => l.title), custom: false };
  if (!Array.isArray(levels)) {
    problems.add("/levels", `must be array (got ${jsonType(levels)})`);
    return { titles: [], custom: true };
  }
  if (levels.length === 0) problems.add("/levels", "must NOT have fewer than 1 items");
  const titles: string[] = [];
  levels.forEach((level, index) => {
    const path = pointer("/levels", index);
    const object = checkObject(problems, path, level, true);
    if (!object) return;
    checkNoExtraKeys(problems, path, object, ["title", "color"]);
    if (checkString(problems, pointer(path, "title"), object.title, { required: true, minLength: 1 })) {
      // Rules name levels by title, so two levels cannot share one (assumption; see emulator/README.md).
      if (titles.includes(object.title as string)) problems.add(pointer(path, "title"), `must be unique (${JSON.stringify(object.title)} appears twice)`);
      titles.push(object.title as string);
    }
    checkString(problems, pointer(path, "color"), object.color, { required: true, allowed: COLORS });
  });
  return { titles, custom: true };
}

function checkRule(problems: Problems, path: string, rule: unknown, levels: { titles: string[]; custom: boolean }, seen: Set<string>): void {
  const object = checkObject(problems, path, rule, true);
  if (!object) return;
  checkNoExtraKeys(problems, path, object, RULE_KEYS);
  // Port's spec gives the rule identifier the property-key pattern.
  if (checkString(problems, pointer(path, "identifier"), object.identifier, { required: true, maxLength: PROPERTY_KEY_MAX, pattern: PROPERTY_KEY })) {
    // Rules are entities of `_rule`, so identifiers are unique per scorecard (assumption; see emulator/README.md).
    if (seen.has(object.identifier as string))
      problems.add(pointer(path, "identifier"), `must be unique within the scorecard (${JSON.stringify(object.identifier)} appears twice)`);
    seen.add(object.identifier as string);
  }
  checkString(problems, pointer(path, "title"), object.title, { required: true });
  checkString(problems, pointer(path, "description"), object.description);
  const levelPath = pointer(path, "level");
  const [floor, ...above] = levels.titles;
  // Without custom levels Port's spec enumerates Gold|Silver|Bronze; with them, any level above the first (docs).
  if (checkString(problems, levelPath, object.level, { required: true, allowed: levels.custom ? undefined : above })) {
    if (levels.custom && object.level === floor) problems.add(levelPath, `must not be the first level (${JSON.stringify(floor)}), which every entity reaches`, above);
    else if (levels.custom && !levels.titles.includes(object.level as string)) problems.add(levelPath, "must be the title of one of the scorecard's levels", above);
  }
  if (object.query === undefined) problems.add(pointer(path, "query"), "is required");
  else checkQuery(problems, pointer(path, "query"), object.query);
}

function checkQuery(problems: Problems, path: string, query: unknown): void {
  const object = checkObject(problems, path, query, true);
  if (!object) return;
  checkNoExtraKeys(problems, path, object, ["combinator", "conditions"]);
  checkString(problems, pointer(path, "combinator"), object.combinator, { required: true, allowed: ["and", "or"] });
  const conditions = object.conditions;
  const conditionsPath = pointer(path, "conditions");
  if (conditions === undefined) problems.add(conditionsPath, "is required");
  else if (!Array.isArray(conditions)) problems.add(conditionsPath, `must be array (got ${jsonType(conditions)})`);
  else {
    if (conditions.length === 0) problems.add(conditionsPath, "must NOT have fewer than 1 items");
    conditions.forEach((condition, index) => checkCondition(problems, pointer(conditionsPath, index), condition));
  }
}

/**
 * One shape of condition in the spec's `anyOf`: what it tests (`property` or `relation`), its
 * operators, and its value. Only the date shape refuses other keys (`additionalProperties: false`).
 */
interface ConditionShape {
  target: "property" | "relation";
  operators: string[];
  value: "date" | "list" | "comparison" | "none";
}

const CONDITION_SHAPES: ConditionShape[] = [
  { target: "property", operators: DATE_OPERATORS, value: "date" },
  { target: "property", operators: LIST_OPERATORS, value: "list" },
  { target: "relation", operators: LIST_OPERATORS, value: "list" },
  { target: "property", operators: COMPARISON_OPERATORS, value: "comparison" },
  { target: "relation", operators: COMPARISON_OPERATORS, value: "comparison" },
  { target: "property", operators: EMPTY_OPERATORS, value: "none" },
  { target: "relation", operators: EMPTY_OPERATORS, value: "none" },
];

/** One condition: valid when it fits any shape; otherwise the problems of the shape its target and operator point to. */
function checkCondition(problems: Problems, path: string, condition: unknown): void {
  const object = checkObject(problems, path, condition, true);
  if (!object) return;
  const results = CONDITION_SHAPES.map((shape) => ({ shape, problems: shapeProblems(shape, path, object) }));
  if (results.some((result) => result.problems.empty)) return;
  const target = "property" in object ? "property" : "relation" in object ? "relation" : undefined;
  if (target === undefined) {
    problems.add(path, "must have property or relation");
    return;
  }
  const fitting = results.filter((result) => result.shape.target === target && result.shape.operators.includes(object.operator as string));
  // `=` is both a comparison and a date condition (on properties): an object value points to the date shape.
  const byValue = fitting.filter((result) => object.operator !== "=" || (result.shape.value === "date") === isPlainObject(object.value));
  const candidates = byValue.length > 0 ? byValue : fitting;
  if (candidates.length === 0) {
    const operators = [...new Set(results.filter((result) => result.shape.target === target).flatMap((result) => result.shape.operators))];
    checkString(problems, pointer(path, "operator"), object.operator, { required: true, allowed: operators });
    return;
  }
  const closest = candidates.reduce((best, next) => (next.problems.list.length < best.problems.list.length ? next : best));
  for (const problem of closest.problems.list) problems.add(problem.path, problem.message, problem.allowedValues);
}

function shapeProblems(shape: ConditionShape, path: string, object: Record<string, unknown>): Problems {
  const problems = new Problems();
  if (shape.value === "date") checkNoExtraKeys(problems, path, object, [shape.target, "operator", "value"]);
  checkString(problems, pointer(path, shape.target), object[shape.target], { required: true });
  checkString(problems, pointer(path, "operator"), object.operator, { required: true, allowed: shape.operators });
  const valuePath = pointer(path, "value");
  const value = object.value;
  if (shape.value === "none") checkBoolean(problems, pointer(path, "not"), object.not);
  else if (value === undefined) problems.add(valuePath, "is required");
  else if (shape.value === "date") checkDateValue(problems, valuePath, value);
  else if (shape.value === "list") checkStrings(problems, valuePath, value);
  else if (Array.isArray(value)) checkStrings(problems, valuePath, value);
  else if (!["string", "number", "boolean"].includes(typeof value)) problems.add(valuePath, `must be string, number, boolean or array of strings (got ${jsonType(value)})`);
  return problems;
}

function checkStrings(problems: Problems, path: string, value: unknown): void {
  if (!Array.isArray(value)) problems.add(path, `must be array (got ${jsonType(value)})`);
  else value.forEach((item, index) => checkString(problems, pointer(path, index), item));
}

/** `{from, to}` (date-times) or `{preset}`: exactly one of the two (the spec's `oneOf`). */
function checkDateValue(problems: Problems, path: string, value: unknown): void {
  const object = checkObject(problems, path, value, true);
  if (!object) return;
  const range = new Problems();
  for (const end of ["from", "to"]) checkString(range, pointer(path, end), object[end], { required: true, pattern: ISO_DATE_TIME });
  const preset = new Problems();
  checkString(preset, pointer(path, "preset"), object.preset, { required: true, allowed: DATE_PRESETS });
  if (range.empty && preset.empty) problems.add(path, "must match exactly one schema in oneOf (a range or a preset)");
  if (range.empty || preset.empty) return;
  for (const problem of ("preset" in object ? preset : range).list) problems.add(problem.path, problem.message, problem.allowedValues);
}
