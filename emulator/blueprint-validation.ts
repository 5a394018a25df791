/**
 * Validates a whole blueprint document as Port does on POST and PUT (PATCH validates the merged
 * result). Written from apispec.yaml (POST /v1/blueprints) and port-api.md §3, independent of
 * schemas/, so it can disagree with them. A property is a JSON schema Port keeps as written (the
 * spec sets no `additionalProperties: false` on it or on its `items`), so keys other than those
 * checked here (`properties`, `patternProperties`, `exclusiveMinimum`, ...) are accepted.
 * Every problem is collected and reported in one 422.
 */
import {
  AVERAGE_OF,
  BLUEPRINT_IDENTIFIER,
  BLUEPRINT_IDENTIFIER_MAX,
  CALCULATION_FORMATS,
  COLORS,
  PROPERTY_AGGREGATION_FUNCS,
  PROPERTY_FORMATS,
  PROPERTY_KEY,
  PROPERTY_KEY_MAX,
  PROPERTY_SPECS,
  PROPERTY_TYPES,
} from "./port-vocabulary";
import { checkBoolean, checkColorMap, checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";
import type { Blueprint } from "./org-store";

export interface BlueprintValidationContext {
  /** Whether a blueprint with this identifier exists (relation and aggregation targets). */
  blueprintExists(identifier: string): boolean;
  /** The stored document a PUT/PATCH replaces: its property types cannot change. */
  previous?: Blueprint;
}

/** Identifier maps whose keys share one namespace (a key may appear in only one of them). */
const KEYED_MAPS = [
  ["/schema/properties", (b: Record<string, unknown>) => (b.schema as Record<string, unknown> | undefined)?.properties],
  ["/relations", (b: Record<string, unknown>) => b.relations],
  ["/mirrorProperties", (b: Record<string, unknown>) => b.mirrorProperties],
  ["/calculationProperties", (b: Record<string, unknown>) => b.calculationProperties],
  ["/aggregationProperties", (b: Record<string, unknown>) => b.aggregationProperties],
] as const;

// apispec.yaml: calculationProperties (additionalProperties: false); `dateFormat` is sent by terraform-provider-port-labs internal/cli/models.go.
const CALCULATION_KEYS = ["calculation", "type", "title", "description", "icon", "format", "dateFormat", "spec", "specAuthentication", "colorized", "colors", "items"];

// apispec.yaml: relations (additionalProperties: false).
const RELATION_KEYS = ["title", "description", "target", "required", "many", "type"];

/** Throws a 422 ApiError listing every problem. */
export function validateBlueprint(body: unknown, ctx: BlueprintValidationContext): asserts body is Blueprint {
  const problems = new Problems();
  if (!isPlainObject(body)) {
    problems.add("/", `must be object (got ${jsonType(body)})`);
    return problems.throwIfAny();
  }
  const self = typeof body.identifier === "string" ? body.identifier : undefined;
  const targetExists = (id: string) => id === self || ctx.blueprintExists(id);

  checkString(problems, "/identifier", body.identifier, {
    required: true,
    maxLength: BLUEPRINT_IDENTIFIER_MAX,
    pattern: BLUEPRINT_IDENTIFIER,
  });
  checkString(problems, "/title", body.title, { required: true, minLength: 1, maxLength: 100 });
  checkString(problems, "/description", body.description, { maxLength: 200 });
  checkString(problems, "/icon", body.icon);
  checkBoolean(problems, "/includeInGlobalSearch", body.includeInGlobalSearch);

  const relations = checkKeyedMap(problems, "/relations", body.relations);
  validateSchema(problems, body.schema, ctx.previous);
  for (const [key, relation] of Object.entries(relations)) {
    validateRelation(problems, pointer("/relations", key), relation, targetExists);
  }
  for (const [key, mirror] of Object.entries(checkKeyedMap(problems, "/mirrorProperties", body.mirrorProperties))) {
    validateMirror(problems, pointer("/mirrorProperties", key), mirror, relations);
  }
  const calculations = checkKeyedMap(problems, "/calculationProperties", body.calculationProperties);
  for (const [key, calc] of Object.entries(calculations)) {
    validateCalculation(problems, pointer("/calculationProperties", key), calc);
  }
  const aggregations = checkKeyedMap(problems, "/aggregationProperties", body.aggregationProperties);
  for (const [key, aggregation] of Object.entries(aggregations)) {
    validateAggregation(problems, pointer("/aggregationProperties", key), aggregation, targetExists);
  }
  checkUniqueKeys(problems, body);
  validateOwnership(problems, body.ownership, relations);
  validateChangelogDestination(problems, body.changelogDestination);
  problems.throwIfAny();
}

/** An optional map keyed by property-style identifiers; returns its entries ({} when unusable). */
function checkKeyedMap(problems: Problems, path: string, value: unknown, required = false): Record<string, unknown> {
  const map = checkObject(problems, path, value, required);
  if (!map) return {};
  for (const key of Object.keys(map)) {
    if (key.length > PROPERTY_KEY_MAX || !PROPERTY_KEY.test(key)) {
      problems.add(pointer(path, key), `has an invalid key: keys must match pattern "${PROPERTY_KEY.source}" and have at most ${PROPERTY_KEY_MAX} characters`);
    }
  }
  return map;
}

function validateSchema(problems: Problems, value: unknown, previous: Blueprint | undefined): void {
  const schema = checkObject(problems, "/schema", value, true);
  if (!schema) return;
  checkNoExtraKeys(problems, "/schema", schema, ["properties", "required"]);
  const properties = checkKeyedMap(problems, "/schema/properties", schema.properties, true);
  const previousProperties = ((previous?.schema as Record<string, unknown> | undefined)?.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, property] of Object.entries(properties)) {
    const path = pointer("/schema/properties", key);
    validateProperty(problems, path, property);
    const before = previousProperties[key]?.type;
    const after = isPlainObject(property) ? property.type : undefined;
    if (before !== undefined && after !== undefined && before !== after) {
      // Port documents that a property's type is fixed once created; status/code are an assumption.
      problems.add(
        pointer(path, "type"),
        `cannot change from ${JSON.stringify(before)} to ${JSON.stringify(after)}: a property's type is fixed once created; remove the property in one update and add it back with the new type in another (its values are lost)`,
      );
    }
  }
  if (schema.required === undefined) return;
  if (!Array.isArray(schema.required)) {
    problems.add("/schema/required", `must be array (got ${jsonType(schema.required)})`);
    return;
  }
  schema.required.forEach((name, i) => {
    const path = pointer("/schema/required", i);
    if (typeof name !== "string") problems.add(path, `must be string (got ${jsonType(name)})`);
    else if (!(name in properties)) problems.add(path, `names "${name}", which is not a key of /schema/properties`);
  });
}

function validateProperty(problems: Problems, path: string, value: unknown): void {
  const property = checkObject(problems, path, value, true);
  if (!property) return;
  const typeOk = checkString(problems, pointer(path, "type"), property.type, { required: true, allowed: PROPERTY_TYPES });
  checkString(problems, pointer(path, "format"), property.format, { allowed: PROPERTY_FORMATS });
  checkString(problems, pointer(path, "spec"), property.spec, { allowed: PROPERTY_SPECS });
  checkString(problems, pointer(path, "title"), property.title, { maxLength: 100 });
  checkString(problems, pointer(path, "description"), property.description);
  checkString(problems, pointer(path, "icon"), property.icon);
  checkColorMap(problems, pointer(path, "enumColors"), property.enumColors, COLORS);
  const type = typeOk ? (property.type as string) : undefined;
  if (property.enum !== undefined) {
    if (!Array.isArray(property.enum)) {
      problems.add(pointer(path, "enum"), `must be array (got ${jsonType(property.enum)})`);
    } else if (type) {
      property.enum.forEach((option, i) => {
        if (option !== null && jsonType(option) !== type) {
          problems.add(pointer(pointer(path, "enum"), i), `must be ${type} like the property (got ${jsonType(option)})`);
        }
      });
    }
  }
  if (type && property.default !== undefined && property.default !== null && jsonType(property.default) !== type) {
    problems.add(pointer(path, "default"), `must be ${type} like the property (got ${jsonType(property.default)})`);
  }
  const items = checkObject(problems, pointer(path, "items"), property.items);
  if (items) {
    checkString(problems, pointer(pointer(path, "items"), "type"), items.type, { allowed: PROPERTY_TYPES });
    checkString(problems, pointer(pointer(path, "items"), "format"), items.format, { allowed: PROPERTY_FORMATS });
    if (items.enum !== undefined && !Array.isArray(items.enum)) {
      problems.add(pointer(pointer(path, "items"), "enum"), `must be array (got ${jsonType(items.enum)})`);
    }
  }
}

function validateRelation(problems: Problems, path: string, value: unknown, targetExists: (id: string) => boolean): void {
  const relation = checkObject(problems, path, value, true);
  if (!relation) return;
  checkNoExtraKeys(problems, path, relation, RELATION_KEYS);
  checkString(problems, pointer(path, "title"), relation.title, { maxLength: 100 });
  checkString(problems, pointer(path, "description"), relation.description);
  checkString(problems, pointer(path, "type"), relation.type);
  if (checkString(problems, pointer(path, "target"), relation.target, { required: true })) {
    if (!targetExists(relation.target as string)) {
      problems.add(pointer(path, "target"), `names blueprint "${relation.target}", which does not exist`);
    }
  }
  // The spec lists target, required and many as required keys.
  checkBoolean(problems, pointer(path, "required"), relation.required, true);
  checkBoolean(problems, pointer(path, "many"), relation.many, true);
  // docs: relate-blueprints.md ("A Relation can't be configured with both many and required").
  if (relation.many === true && relation.required === true) {
    problems.add(path, "cannot be both many and required (Port does not allow a required many-relation)");
  }
}

function validateMirror(problems: Problems, path: string, value: unknown, relations: Record<string, unknown>): void {
  const mirror = checkObject(problems, path, value, true);
  if (!mirror) return;
  checkString(problems, pointer(path, "title"), mirror.title, { maxLength: 100 });
  if (!checkString(problems, pointer(path, "path"), mirror.path, { required: true })) return;
  const segments = (mirror.path as string).split(".");
  if (segments.length < 2 || segments.some((s) => s === "")) {
    problems.add(pointer(path, "path"), `must be a dot path of relations ending in a property, e.g. "service.$title" (got ${JSON.stringify(mirror.path)})`);
  } else if (!(segments[0] in relations)) {
    problems.add(pointer(path, "path"), `starts with "${segments[0]}", which is not a relation of this blueprint`);
  }
}

function validateCalculation(problems: Problems, path: string, value: unknown): void {
  const calc = checkObject(problems, path, value, true);
  if (!calc) return;
  checkNoExtraKeys(problems, path, calc, CALCULATION_KEYS);
  checkString(problems, pointer(path, "calculation"), calc.calculation, { required: true });
  checkString(problems, pointer(path, "type"), calc.type, { required: true, allowed: PROPERTY_TYPES });
  checkString(problems, pointer(path, "format"), calc.format, { allowed: CALCULATION_FORMATS });
  checkString(problems, pointer(path, "spec"), calc.spec, { allowed: PROPERTY_SPECS });
  checkString(problems, pointer(path, "title"), calc.title, { maxLength: 100 });
  checkBoolean(problems, pointer(path, "colorized"), calc.colorized);
  checkColorMap(problems, pointer(path, "colors"), calc.colors, COLORS);
}

function validateAggregation(problems: Problems, path: string, value: unknown, targetExists: (id: string) => boolean): void {
  const aggregation = checkObject(problems, path, value, true);
  if (!aggregation) return;
  checkString(problems, pointer(path, "title"), aggregation.title, { required: true, maxLength: 100 });
  checkString(problems, pointer(path, "type"), aggregation.type, { allowed: ["number"] });
  if (checkString(problems, pointer(path, "target"), aggregation.target, { required: true })) {
    if (!targetExists(aggregation.target as string)) {
      problems.add(pointer(path, "target"), `names blueprint "${aggregation.target}", which does not exist`);
    }
  }
  validateCalculationSpec(problems, pointer(path, "calculationSpec"), aggregation.calculationSpec);
  checkObject(problems, pointer(path, "query"), aggregation.query);
  if (aggregation.pathFilter !== undefined) {
    const filterPath = pointer(path, "pathFilter");
    if (!Array.isArray(aggregation.pathFilter)) problems.add(filterPath, "must be array");
    else if (aggregation.pathFilter.length > 1) problems.add(filterPath, "must NOT have more than 1 item");
  }
}

/** The four variants of port-api.md §3. */
function validateCalculationSpec(problems: Problems, path: string, value: unknown): void {
  const spec = checkObject(problems, path, value, true);
  if (!spec) return;
  const by = spec.calculationBy;
  const func = spec.func;
  if (by === "entities" && func === "count") return;
  if (by === "entities" && func === "average") {
    checkString(problems, pointer(path, "averageOf"), spec.averageOf, { required: true, allowed: AVERAGE_OF });
    checkString(problems, pointer(path, "measureTimeBy"), spec.measureTimeBy);
    return;
  }
  if (by === "property" && (PROPERTY_AGGREGATION_FUNCS.includes(func as string) || func === "average")) {
    checkString(problems, pointer(path, "property"), spec.property, { required: true });
    if (func === "average") {
      checkString(problems, pointer(path, "averageOf"), spec.averageOf, { required: true, allowed: AVERAGE_OF });
      checkString(problems, pointer(path, "measureTimeBy"), spec.measureTimeBy);
    }
    return;
  }
  problems.add(
    path,
    `must match one of the variants {calculationBy:"entities", func:"count"|"average"} or {calculationBy:"property", func:"sum"|"min"|"max"|"median"|"average"} (got calculationBy ${JSON.stringify(by)}, func ${JSON.stringify(func)})`,
  );
}

function checkUniqueKeys(problems: Problems, body: Record<string, unknown>): void {
  const owner = new Map<string, string>();
  for (const [mapPath, read] of KEYED_MAPS) {
    const map = read(body);
    if (!isPlainObject(map)) continue;
    for (const key of Object.keys(map)) {
      const first = owner.get(key);
      if (first) problems.add(pointer(mapPath, key), `duplicates the identifier "${key}" already used in ${first}`);
      else owner.set(key, mapPath);
    }
  }
}

function validateOwnership(problems: Problems, value: unknown, relations: Record<string, unknown>): void {
  const ownership = checkObject(problems, "/ownership", value);
  if (!ownership) return;
  checkString(problems, "/ownership/title", ownership.title);
  if (!checkString(problems, "/ownership/type", ownership.type, { required: true, allowed: ["Direct", "Inherited"] })) {
    return;
  }
  if (ownership.type === "Direct") {
    checkNoExtraKeys(problems, "/ownership", ownership, ["type", "title"]);
    return;
  }
  checkNoExtraKeys(problems, "/ownership", ownership, ["type", "path", "title"]);
  if (!checkString(problems, "/ownership/path", ownership.path, { required: true, minLength: 1 })) return;
  const first = (ownership.path as string).split(".")[0];
  if (!(first in relations)) {
    problems.add("/ownership/path", `starts with "${first}", which is not a relation of this blueprint`);
  }
}

function validateChangelogDestination(problems: Problems, value: unknown): void {
  const destination = checkObject(problems, "/changelogDestination", value);
  if (!destination) return;
  const path = "/changelogDestination";
  if (!checkString(problems, `${path}/type`, destination.type, { required: true, allowed: ["WEBHOOK", "KAFKA"] })) {
    return;
  }
  if (destination.type === "KAFKA") {
    checkNoExtraKeys(problems, path, destination, ["type"]);
    return;
  }
  checkNoExtraKeys(problems, path, destination, ["type", "url", "agent"]);
  checkString(problems, `${path}/url`, destination.url, { required: true, minLength: 1 });
  checkBoolean(problems, `${path}/agent`, destination.agent);
}
