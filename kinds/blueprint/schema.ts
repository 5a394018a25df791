/**
 * A blueprint exactly as Port's JSON has it (the body of `PUT /v1/blueprints/{identifier}`),
 * so a parsed spec can be sent as is. Defaults are Port's own (relation `required`/`many`
 * false, aggregation `type` "number", empty `schema`).
 */
import { z } from "zod";
import { BlueprintProperty, PropertyType, SpecAuthentication, StringPropertySpec } from "./property-schema";
import { asRecord, closedEnum, closedObject, closedUnion, crossCheck, openObject } from "../../core/schemas/closed";
import { AggregationProperty } from "./aggregation-schema";
import { BlueprintIdentifier, PortColor, PropertyIdentifier } from "../../core/schemas/identifiers";
import { didYouMean, listValues, showValue } from "../../core/schemas/messages";

// ---------------------------------------------------------------------------------------------
// schema: {properties, required}

/** The blueprint's `schema`: its properties and which of them every entity must set. */
export const BlueprintSchema = closedObject("a blueprint schema", {
  /** The properties, keyed by property identifier. Default `{}` (no properties). */
  properties: z.record(PropertyIdentifier, BlueprintProperty).default({}),
  /** Identifiers of properties every entity must set; each must be declared in `properties`. Omitted: none required. */
  required: z.array(PropertyIdentifier).optional(),
}).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    const properties = asRecord(value?.properties) ?? {};
    if (!Array.isArray(value?.required)) return;
    const declared = Object.keys(properties);
    value.required.forEach((key, index) => {
      if (typeof key !== "string" || declared.includes(key)) return;
      const list = declared.length === 0 ? "no properties are declared" : `declared: ${declared.join(", ")}`;
      report({
        path: ["required", index],
        input: key,
        message: `${JSON.stringify(key)} is not declared in schema.properties (${list}).${didYouMean(key, declared)} Declare the property or remove it from required.`,
      });
    });
  }),
);
export type BlueprintSchema = z.output<typeof BlueprintSchema>;
export type BlueprintSchemaInput = z.input<typeof BlueprintSchema>;

// ---------------------------------------------------------------------------------------------
// relations

/** A relation to another blueprint; entities then hold the related entity's identifier (or a list when `many`). */
export const BlueprintRelation = closedObject("a relation", {
  /** Display name of the relation (at most 100 characters). Omitted: Port shows the relation identifier. */
  title: z.string().max(100).optional(),
  /** Free text describing the relation. */
  description: z.string().optional(),
  /** Identifier of the related blueprint; it must exist in Port. */
  target: BlueprintIdentifier,
  /** Whether every entity must name a related entity. Default `false`. Cannot be combined with `many: true`. */
  required: z.boolean().default(false),
  /** Whether an entity may relate to several target entities (value is then a list). Default `false`. */
  many: z.boolean().default(false),
  /** A free-form relation type label Port's relation schema keeps (apispec.yaml). */
  type: z.string().optional(),
}).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value?.required === true && value.many === true) {
      report({
        path: [],
        input: value,
        // docs: relate-blueprints.md ("A Relation can't be configured with both many and required")
        message: "required and many are both true, which Port refuses (a many-relation cannot be required). Drop one: set required or many to false.",
      });
    }
  }),
);
export type BlueprintRelation = z.output<typeof BlueprintRelation>;
export type BlueprintRelationInput = z.input<typeof BlueprintRelation>;

// ---------------------------------------------------------------------------------------------
// mirrorProperties

/** `rel(.rel)*.(prop|$meta)`: relation identifiers joined by dots, then a property identifier or meta-property. */
const MIRROR_PATH = /^\$?[A-Za-z0-9@_=\\-]+(?:\.\$?[A-Za-z0-9@_=\\-]+)*\.\$?[A-Za-z0-9@_=\\-]+$/;

/** A mirror property: shows a property of a related entity on this blueprint's entities. */
export const MirrorProperty = closedObject("a mirror property", {
  /** Display name (at most 100 characters). Omitted: Port shows the mirror property identifier. */
  title: z.string().max(100).optional(),
  /**
   * Where the value comes from: relation identifiers joined by dots, ending in a property or
   * meta-property of the last related blueprint, e.g. `"service.language"`, `"service.$title"`,
   * `"deployment.service.$team"`. The first relation must be declared on this blueprint.
   */
  path: z.string().superRefine((path, ctx) => {
    if (MIRROR_PATH.test(path)) return;
    ctx.addIssue({
      code: "custom",
      input: path,
      message: `${showValue(path)} is not a mirror path; it must be relation identifiers joined by dots, ending in a property or meta-property of the related blueprint, e.g. "service.language" or "service.$title". Fix the path.`,
    });
  }),
});
export type MirrorProperty = z.output<typeof MirrorProperty>;

// ---------------------------------------------------------------------------------------------
// calculationProperties

/** Formats a calculation property may have: the property formats except `blueprints` and `timer` (apispec.yaml: calculationProperties format). */
export const CALCULATION_PROPERTY_FORMATS = ["date-time", "url", "email", "idn-email", "ipv4", "ipv6", "markdown", "yaml", "user", "team", "proto", "labeled-url"] as const;

/** Formats of the elements of an array calculation property (`timer` allowed here). */
export const CALCULATION_ITEM_FORMATS = [...CALCULATION_PROPERTY_FORMATS, "timer"] as const;

/** A calculation property: a value computed by a jq expression over the entity (read-only in entities). */
export const CalculationProperty = closedObject("a calculation property", {
  /** Display name (at most 100 characters). Omitted: Port shows the identifier. */
  title: z.string().max(100).optional(),
  /** Free text shown as the tooltip. */
  description: z.string().optional(),
  /** An icon name from Port's icon list. */
  icon: z.string().optional(),
  /** The jq expression computing the value from the entity JSON, e.g. `.properties.url + "/docs"`. */
  calculation: z.string().superRefine((calculation, ctx) => {
    if (calculation.trim() !== "") return;
    ctx.addIssue({ code: "custom", input: calculation, message: `is empty; write the jq expression that computes the value, e.g. ".properties.url". Set the calculation.` });
  }),
  /** Type of the computed value. */
  type: PropertyType,
  /** Format of the computed value (as for properties, without `blueprints` and `timer`). */
  format: closedEnum(CALCULATION_PROPERTY_FORMATS, { noun: "a calculation property format", field: "format" }).optional(),
  /** Show the computed value as an API spec or embedded URL; see string property `spec`. */
  spec: StringPropertySpec.optional(),
  /** OAuth settings for an `embedded-url` spec. */
  specAuthentication: SpecAuthentication.optional(),
  /** Whether Port colours the value (using `colors`). Omitted: not coloured. */
  colorized: z.boolean().optional(),
  /** A Port colour per computed value, e.g. `{"passing": "green"}`, used when `colorized`. */
  colors: z.record(z.string(), PortColor).optional(),
  /** How a `date-time` value is shown, e.g. `"24-hour"` (terraform-provider-port-labs internal/cli/models.go sends it). */
  dateFormat: z.string().optional(),
  /** For `type: "array"`: the type (and format) of the elements; other JSON-schema keys pass through (apispec.yaml keeps them). */
  items: openObject("calculation property items", {
    /** Element type. */
    type: PropertyType,
    /** Element format. */
    format: closedEnum(CALCULATION_ITEM_FORMATS, { noun: "an item format", field: "format" }).optional(),
  }).optional(),
}).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    if (value?.items === undefined || value.type === "array" || typeof value.type !== "string") return;
    report({
      path: ["items"],
      input: value.items,
      message: `describes array elements, but type is ${JSON.stringify(value.type)}. Remove items or set type to "array".`,
    });
  }),
);
export type CalculationProperty = z.output<typeof CalculationProperty>;

// ---------------------------------------------------------------------------------------------
// ownership, changelogDestination

/** Dot-separated relation identifiers, e.g. `"service"` or `"service.domain"`. */
const RELATION_PATH = /^[A-Za-z0-9@_=\\-]+(?:\.[A-Za-z0-9@_=\\-]+)*$/;

/** `Direct`: entities are owned by teams set on each entity (a hidden relation to `_team`). */
export const DirectOwnership = closedObject("Direct ownership", {
  /** `"Direct"`. */
  type: z.literal("Direct"),
  /** Title of the ownership property. Default (Port's): `"Owning teams"`. */
  title: z.string().optional(),
});

/** `Inherited`: entities take the owning teams of the entity reached through `path`, whose blueprint has `Direct` ownership. */
export const InheritedOwnership = closedObject("Inherited ownership", {
  /** `"Inherited"`. */
  type: z.literal("Inherited"),
  /** Relation identifiers joined by dots leading to a blueprint with `Direct` ownership, e.g. `"service"`; the first is a relation of this blueprint. */
  path: z.string().superRefine((path, ctx) => {
    if (RELATION_PATH.test(path)) return;
    ctx.addIssue({
      code: "custom",
      input: path,
      message: `${showValue(path)} is not a relation path; it must be relation identifiers joined by dots, e.g. "service" or "service.domain". Fix the path.`,
    });
  }),
  /** Title of the ownership property. Default (Port's): `"Owning teams"`. */
  title: z.string().optional(),
});

/** Who owns the blueprint's entities: `{type: "Direct"}` or `{type: "Inherited", path}`. */
export const BlueprintOwnership = closedUnion("type", [DirectOwnership, InheritedOwnership], { noun: "an ownership type", field: "type" });
export type BlueprintOwnership = z.output<typeof BlueprintOwnership>;

/** Send every entity change to a webhook. */
export const WebhookChangelogDestination = closedObject("a WEBHOOK changelog destination", {
  /** `"WEBHOOK"`. */
  type: z.literal("WEBHOOK"),
  /** The http(s) URL that receives the changes. */
  url: z.url({ protocol: /^https?$/ }),
  /** When true, Port's execution agent (inside your network) sends the changes. Omitted: Port sends them directly. */
  agent: z.boolean().optional(),
});

/** Send every entity change to the Kafka topic Port provides for your organization. */
export const KafkaChangelogDestination = closedObject("a KAFKA changelog destination", {
  /** `"KAFKA"`. */
  type: z.literal("KAFKA"),
});

/** Where Port sends a record of every change to the blueprint's entities. */
export const ChangelogDestination = closedUnion("type", [WebhookChangelogDestination, KafkaChangelogDestination], {
  noun: "a changelog destination type",
  field: "type",
});
export type ChangelogDestination = z.output<typeof ChangelogDestination>;

// ---------------------------------------------------------------------------------------------
// The blueprint

/** The maps whose keys share one namespace (a key may be declared in only one of them). */
const KEYED_MAPS = [
  ["schema.properties", (spec: Record<string, unknown>) => asRecord(asRecord(spec.schema)?.properties)],
  ["relations", (spec: Record<string, unknown>) => asRecord(spec.relations)],
  ["mirrorProperties", (spec: Record<string, unknown>) => asRecord(spec.mirrorProperties)],
  ["calculationProperties", (spec: Record<string, unknown>) => asRecord(spec.calculationProperties)],
  ["aggregationProperties", (spec: Record<string, unknown>) => asRecord(spec.aggregationProperties)],
] as const;

/** Checks across sections: one namespace for keys; paths that start with a relation name a declared one. */
function checkBlueprint(input: unknown, report: Parameters<Parameters<typeof crossCheck>[0]>[1]): void {
  const spec = asRecord(input);
  if (spec === undefined) return;

  const firstPlace = new Map<string, string>();
  for (const [place, read] of KEYED_MAPS) {
    for (const key of Object.keys(read(spec) ?? {})) {
      const earlier = firstPlace.get(key);
      if (earlier === undefined) {
        firstPlace.set(key, place);
        continue;
      }
      report({
        path: [...place.split("."), key],
        input: key,
        message: `${JSON.stringify(key)} is declared in both ${earlier} and ${place}; a key may appear in only one of ${KEYED_MAPS.map(([name]) => name).join(", ")}. Rename one of them.`,
      });
    }
  }

  const relations = Object.keys(asRecord(spec.relations) ?? {});
  // Only well-formed paths: a malformed one already has its own problem reported.
  const checkFirstRelation = (path: unknown, shape: RegExp, where: PropertyKey[], what: string): void => {
    if (typeof path !== "string" || !shape.test(path)) return;
    const first = path.split(".")[0];
    if (first === "" || first.startsWith("$") || relations.includes(first)) return;
    const declared = relations.length === 0 ? "this blueprint declares no relations" : `relations: ${listValues(relations)}`;
    report({
      path: where,
      input: path,
      message: `${JSON.stringify(path)} starts with ${JSON.stringify(first)}, which is not a relation of this blueprint (${declared}).${didYouMean(first, relations)} ${what}`,
    });
  };
  for (const [key, mirror] of Object.entries(asRecord(spec.mirrorProperties) ?? {})) {
    checkFirstRelation(asRecord(mirror)?.path, MIRROR_PATH, ["mirrorProperties", key, "path"], "Start the path with a declared relation or declare the relation.");
  }
  const ownership = asRecord(spec.ownership);
  if (ownership?.type === "Inherited") {
    checkFirstRelation(ownership.path, RELATION_PATH, ["ownership", "path"], "Start the path with a declared relation or declare the relation.");
  }
}

/**
 * A blueprint: Port's data model for one kind of catalog entity (service, environment, ...).
 * This is the exact JSON Port stores, so the parsed value can be sent as the request body.
 */
export const BlueprintSpec = closedObject("a blueprint", {
  /** Unique, immutable-by-convention id (changing it renames the blueprint); see {@link BlueprintIdentifier}. */
  identifier: BlueprintIdentifier,
  /** Display name, 1–100 characters. */
  title: z.string().min(1).max(100),
  /** Free text shown under the title, at most 200 characters. */
  description: z.string().max(200).optional(),
  /** An icon name from Port's icon list (e.g. `"Microservice"`); enterprise organizations may upload their own. */
  icon: z.string().optional(),
  /** The properties and required properties. Default `{properties: {}}`. */
  schema: BlueprintSchema.default(() => ({ properties: {} })),
  /** Relations to other blueprints, keyed by relation identifier. Omitted: none. */
  relations: z.record(PropertyIdentifier, BlueprintRelation).optional(),
  /** Properties mirrored from related entities, keyed by identifier. Omitted: none. */
  mirrorProperties: z.record(PropertyIdentifier, MirrorProperty).optional(),
  /** Properties computed by jq, keyed by identifier. Omitted: none. */
  calculationProperties: z.record(PropertyIdentifier, CalculationProperty).optional(),
  /** Numbers aggregated over related entities, keyed by identifier. Omitted: none (Port drops existing ones on PUT). */
  aggregationProperties: z.record(PropertyIdentifier, AggregationProperty).optional(),
  /** Who owns the entities; see {@link BlueprintOwnership}. Omitted: no team ownership settings. */
  ownership: BlueprintOwnership.optional(),
  /** Where Port sends the entities' change log; see {@link ChangelogDestination}. Omitted: no change log is sent. */
  changelogDestination: ChangelogDestination.optional(),
  /** Whether the entities appear in Port's global search. Omitted: Port's default. */
  includeInGlobalSearch: z.boolean().optional(),
  /**
   * Whether Port also creates a catalog page (`<identifier>s`, a table of the entities) with the blueprint.
   * Default `true`, as Port's and Terraform's. Used at creation only; not part of the blueprint's document.
   */
  createCatalogPage: z.boolean().optional(),
}).check(crossCheck(checkBlueprint));
export type BlueprintSpec = z.output<typeof BlueprintSpec>;
export type BlueprintSpecInput = z.input<typeof BlueprintSpec>;
