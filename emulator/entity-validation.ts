/**
 * Validates an entity document against its blueprint (port-api.md §4): property types and enums,
 * required properties, relation names, shapes and targets. PATCH and merge-upserts validate the
 * merged result, so "required" always means "present after the write".
 */
import { ENTITY_IDENTIFIER, ENTITY_IDENTIFIER_MAX, META_FIELDS } from "./port-vocabulary";
import { checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";
import type { Blueprint } from "./org-store";
import { TEAM_BLUEPRINT } from "./people-entities";

export interface EntityValidationContext {
  blueprint: Blueprint;
  entityExists(blueprint: string, identifier: string): boolean;
  /** `create_missing_related_entities=true`: unknown targets are reported back instead of refused. */
  createMissingRelated: boolean;
}

export interface RelatedRef {
  blueprint: string;
  identifier: string;
}

type Doc = Record<string, unknown>;

const ENTITY_KEYS = ["identifier", "title", "icon", "team", "properties", "relations", "blueprint", "scorecards", ...META_FIELDS];

/** Throws a 422 ApiError listing every problem; returns the related entities that must be created. */
export function validateEntity(entity: Doc, ctx: EntityValidationContext): RelatedRef[] {
  const problems = new Problems();
  const { blueprint } = ctx;
  checkNoExtraKeys(problems, "/", entity, ENTITY_KEYS);
  if (isPlainObject(entity.identifier)) {
    problems.add("/identifier", "must be string (search-query identifiers are not supported by the emulator)");
  } else {
    checkString(problems, "/identifier", entity.identifier, {
      required: true,
      minLength: 1,
      maxLength: ENTITY_IDENTIFIER_MAX,
      pattern: ENTITY_IDENTIFIER,
    });
  }
  if (entity.blueprint !== undefined && entity.blueprint !== blueprint.identifier) {
    problems.add("/blueprint", `must be "${blueprint.identifier}", the blueprint in the path (got ${JSON.stringify(entity.blueprint)})`);
  }
  if (entity.title !== null) checkString(problems, "/title", entity.title);
  if (entity.icon !== null) checkString(problems, "/icon", entity.icon);
  checkTeam(problems, entity.team, ctx);
  validateProperties(problems, entity.properties, blueprint);
  const missing = validateRelations(problems, entity, ctx);
  problems.throwIfAny();
  return missing;
}

/**
 * `team`: one team identifier or a list. Under Direct ownership it is a hidden relation to the
 * `_team` blueprint holding the owning teams' identifiers (docs sso-rbac/users-and-teams/manage-users-teams.md),
 * so each value must be a `_team` entity's identifier, not a team name; other blueprints' values are kept as sent.
 */
function checkTeam(problems: Problems, team: unknown, ctx: EntityValidationContext): void {
  if (team === undefined || team === null) return;
  const values = typeof team === "string" ? [team] : team;
  if (!Array.isArray(values) || !values.every((t) => typeof t === "string")) {
    problems.add("/team", `must be a team identifier or an array of them (got ${jsonType(team)})`);
    return;
  }
  if ((ctx.blueprint.ownership as { type?: unknown } | undefined)?.type !== "Direct") return;
  values.forEach((value, index) => {
    if (ctx.entityExists(TEAM_BLUEPRINT, value)) return;
    const path = typeof team === "string" ? "/team" : pointer("/team", index);
    problems.add(
      path,
      `"${value}" is not the identifier of a ${TEAM_BLUEPRINT} entity (blueprint "${ctx.blueprint.identifier}" has Direct ownership; find a team's identifier by searching ${TEAM_BLUEPRINT})`,
    );
  });
}

function validateProperties(problems: Problems, value: unknown, blueprint: Blueprint): void {
  const schema = blueprint.schema as { properties: Record<string, Doc>; required?: string[] };
  const properties = checkObject(problems, "/properties", value) ?? {};
  for (const [key, propertyValue] of Object.entries(properties)) {
    const path = pointer("/properties", key);
    const definition = schema.properties[key];
    if (!definition) {
      problems.add(path, notSettableReason(blueprint, key));
    } else if (propertyValue !== null) {
      checkValue(problems, path, propertyValue, definition);
    }
  }
  for (const key of schema.required ?? []) {
    if (properties[key] === undefined || properties[key] === null) {
      problems.add(pointer("/properties", key), `is required by blueprint "${blueprint.identifier}"`);
    }
  }
}

function notSettableReason(blueprint: Blueprint, key: string): string {
  for (const kind of ["mirrorProperties", "calculationProperties", "aggregationProperties"]) {
    if (key in ((blueprint[kind] ?? {}) as Doc)) return `is one of blueprint "${blueprint.identifier}"'s ${kind}, which Port computes; it cannot be set`;
  }
  return `is not a property of blueprint "${blueprint.identifier}"`;
}

/** Type and enum, the two checks Port applies to every property value. */
function checkValue(problems: Problems, path: string, value: unknown, definition: Doc): void {
  if (jsonType(value) !== definition.type) {
    problems.add(path, `must be ${definition.type} (got ${jsonType(value)})`);
    return;
  }
  if (Array.isArray(definition.enum) && !definition.enum.includes(value)) {
    problems.add(path, `must be equal to one of the allowed values (got ${JSON.stringify(value)})`, definition.enum);
  }
  const items = definition.items as Doc | undefined;
  if (Array.isArray(value) && isPlainObject(items)) {
    value.forEach((item, i) => {
      if (typeof items.type === "string" && jsonType(item) !== items.type) {
        problems.add(pointer(path, i), `must be ${items.type} (got ${jsonType(item)})`);
      } else if (Array.isArray(items.enum) && !items.enum.includes(item)) {
        problems.add(pointer(path, i), `must be equal to one of the allowed values (got ${JSON.stringify(item)})`, items.enum);
      }
    });
  }
}

function validateRelations(problems: Problems, entity: Doc, ctx: EntityValidationContext): RelatedRef[] {
  const { blueprint } = ctx;
  const definitions = blueprint.relations as Record<string, { target: string; required: boolean; many: boolean }>;
  const relations = checkObject(problems, "/relations", entity.relations) ?? {};
  const missing: RelatedRef[] = [];
  const checkTarget = (path: string, target: string, identifier: unknown) => {
    if (typeof identifier !== "string") {
      problems.add(path, `must be an entity identifier string (got ${jsonType(identifier)})`);
      return;
    }
    const isSelf = target === blueprint.identifier && identifier === entity.identifier;
    if (isSelf || ctx.entityExists(target, identifier)) return;
    if (ctx.createMissingRelated) missing.push({ blueprint: target, identifier });
    else {
      problems.add(path, `points to entity "${identifier}" of blueprint "${target}", which does not exist (create it first or pass create_missing_related_entities=true)`);
    }
  };
  for (const [key, value] of Object.entries(relations)) {
    const path = pointer("/relations", key);
    const definition = definitions[key];
    if (!definition) {
      problems.add(path, `is not a relation of blueprint "${blueprint.identifier}"`);
    } else if (value === null) {
      continue;
    } else if (definition.many) {
      if (Array.isArray(value)) value.forEach((id, i) => checkTarget(pointer(path, i), definition.target, id));
      else problems.add(path, `must be array of entity identifiers, since the relation is many (got ${jsonType(value)})`);
    } else if (Array.isArray(value)) {
      problems.add(path, "must be a single entity identifier, since the relation is not many (got array)");
    } else {
      checkTarget(path, definition.target, value);
    }
  }
  for (const [key, definition] of Object.entries(definitions)) {
    if (definition.required && (relations[key] === undefined || relations[key] === null)) {
      problems.add(pointer("/relations", key), `is required by blueprint "${blueprint.identifier}"`);
    }
  }
  // One stub per distinct target, even when several relations name it.
  return missing.filter((m, i) => missing.findIndex((o) => o.blueprint === m.blueprint && o.identifier === m.identifier) === i);
}
