/**
 * Checks of what a component writes into a blueprint's entities (an entity's values, a mapping's
 * property and relation keys) against the `Blueprint` component it names, while the program is
 * declared: a misspelt property fails the preview with the closest declared names, before Port
 * would refuse (or, for a mapping, silently drop) it. Only possible when the blueprint's args are
 * plain values; otherwise Port checks at apply time.
 */
import * as pulumi from "@pulumi/pulumi";
import { describeKind, showValue } from "../../core/schemas/messages";
import { Blueprint } from "./component";
import { closestNames } from "../../core/components/closest-names";
import { isPlain } from "../../core/components/plain-input";

type Doc = Record<string, any>;

/** What a blueprint declares, as far as entities are concerned. */
export interface DeclaredFields {
  /** The blueprint identifier (or component name), for messages. */
  blueprint: string;
  properties: Record<string, { type?: unknown; enum?: unknown }>;
  required: string[];
  relations: Record<string, { many?: unknown; required?: unknown }>;
  /** Keys Port computes (mirror, calculation, aggregation properties), with the map they are in. */
  computed: Record<string, string>;
}

const COMPUTED_MAPS = { mirrorProperties: "a mirror property", calculationProperties: "a calculation property", aggregationProperties: "an aggregation property" };

/** The blueprint's declared fields, or undefined when its args are not all known yet. */
export function declaredFields(blueprint: Blueprint): DeclaredFields | undefined {
  const args = blueprint.args as Doc;
  const computedMaps = Object.keys(COMPUTED_MAPS).map((map) => args[map]);
  if (!isPlain(args.schema) || !isKnownMap(args.relations) || !computedMaps.every(isKnownMap)) return undefined;
  // Relation targets may be Blueprints (resources); only the relations' names and flags must be known.
  if (!Object.values((args.relations ?? {}) as Record<string, Doc>).every((r) => isPlain(r?.many) && isPlain(r?.required))) return undefined;
  const computed: Record<string, string> = {};
  for (const [map, noun] of Object.entries(COMPUTED_MAPS)) for (const key of Object.keys(args[map] ?? {})) computed[key] = noun;
  return {
    blueprint: blueprint.declaredIdentifier ?? "(identifier not known yet)",
    properties: args.schema?.properties ?? {},
    required: args.schema?.required ?? [],
    relations: args.relations ?? {},
    computed,
  };
}

/** A map whose keys are known now (absent, or a plain object rather than an Output). */
function isKnownMap(value: unknown): boolean {
  if (value === undefined) return true;
  return value !== null && typeof value === "object" && !Array.isArray(value) && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

function hint(key: string, known: string[]): string {
  const near = closestNames(key, known);
  return near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
}

function listed(kind: string, known: string[]): string {
  return known.length === 0 ? `it declares no ${kind}` : `${kind}: ${known.join(", ")}`;
}

/** One problem per key that is not a settable property of the blueprint. `at` is the field path of the map, e.g. `properties`. */
export function unknownPropertyProblems(component: string, at: string, keys: string[], fields: DeclaredFields): string[] {
  const declared = Object.keys(fields.properties);
  return keys
    .filter((key) => !(key in fields.properties))
    .map((key) =>
      fields.computed[key]
        ? `${component}: field ${at}.${key}: "${key}" is ${fields.computed[key]} of blueprint "${fields.blueprint}", which Port computes; it cannot be set. Remove it.`
        : `${component}: field ${at}.${key}: "${key}" is not a property of blueprint "${fields.blueprint}" (${listed("properties", declared)}).${hint(key, declared)} ` +
          "Use a declared property or declare it on the blueprint.",
    );
}

/** One problem per key that is not a relation of the blueprint. */
export function unknownRelationProblems(component: string, at: string, keys: string[], fields: DeclaredFields): string[] {
  const declared = Object.keys(fields.relations);
  return keys
    .filter((key) => !(key in fields.relations))
    .map(
      (key) =>
        `${component}: field ${at}.${key}: "${key}" is not a relation of blueprint "${fields.blueprint}" (${listed("relations", declared)}).${hint(key, declared)} ` +
        "Use a declared relation or declare it on the blueprint.",
    );
}

/** JSON type of a value, as Port's property `type` names it. */
function jsonType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/** An entity's values against the blueprint: names, types, enums, required properties and relations, relation shapes. */
export function entityValueProblems(component: string, entity: { properties?: Doc; relations?: Doc }, fields: DeclaredFields): string[] {
  const properties = entity.properties ?? {};
  const relations = entity.relations ?? {};
  const problems = [
    ...unknownPropertyProblems(component, "properties", Object.keys(properties), fields),
    ...unknownRelationProblems(component, "relations", Object.keys(relations), fields),
  ];
  for (const [key, value] of Object.entries(properties)) {
    const property = fields.properties[key];
    if (!property || value === null || !isPlain(value)) continue;
    if (typeof property.type === "string" && jsonType(value) !== property.type) {
      problems.push(
        `${component}: field properties.${key}: ${showValue(value)} is ${describeKind(value)}, but property "${key}" of blueprint "${fields.blueprint}" is of type ${property.type}. Fix the value.`,
      );
    } else if (Array.isArray(property.enum) && !property.enum.includes(value)) {
      const allowed = property.enum.map((v: unknown) => (typeof v === "string" ? v : showValue(v)));
      const near =
        typeof value === "string"
          ? hint(
              value,
              property.enum.filter((v: unknown): v is string => typeof v === "string"),
            )
          : "";
      problems.push(
        `${component}: field properties.${key}: ${showValue(value)} is not one of the values of property "${key}" (allowed: ${allowed.join(", ")}).${near} Fix the value.`,
      );
    }
  }
  for (const key of fields.required) {
    if (properties[key] === undefined || properties[key] === null) {
      problems.push(`${component}: field properties.${key}: is required by blueprint "${fields.blueprint}" but not set. Set it.`);
    }
  }
  for (const [key, relation] of Object.entries(fields.relations)) {
    const value = relations[key];
    if (value === undefined || value === null) {
      if (relation.required === true) problems.push(`${component}: field relations.${key}: is required by blueprint "${fields.blueprint}" but not set. Set it.`);
    } else if (relation.many === true && !Array.isArray(value)) {
      problems.push(`${component}: field relations.${key}: relation "${key}" is many, so it takes a list of entity identifiers. Write [${showValue(value)}].`);
    } else if (relation.many !== true && Array.isArray(value)) {
      problems.push(`${component}: field relations.${key}: relation "${key}" is not many, so it takes one entity identifier, not a list. Keep one.`);
    }
  }
  return problems;
}
