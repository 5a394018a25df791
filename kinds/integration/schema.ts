/**
 * The mapping of an installed integration (Ocean integrations and exporters): the `config` of
 * `PATCH /v1/integration/{installationId}` (apispec.yaml). Each resource takes one kind of the tool's
 * data (`repository`, `pull-request`, ...), keeps what its `selector.query` accepts, and maps it onto
 * entities with JQ, as in Port's "Mapping" editor. What is accepted is what Port's published schema
 * and Ocean's config models (port_ocean/core/handlers/port_app_config/models.py) accept: keys beside
 * the known ones, at every level, belong to the integration and pass through.
 */
import { z } from "zod";
import { asRecord, closedObject, openObject } from "../../core/schemas/closed";
import { PropertyIdentifier } from "../../core/schemas/identifiers";
import type { JqField } from "../../core/schemas/jq";
import { JqExpression, JqFieldList } from "../../core/schemas/jq-expression";
import { describeKind, showValue } from "../../core/schemas/messages";

/**
 * An integration's open object: its other keys are passed through as JSON, because each integration
 * adds its own (GitHub's selector has `includedFiles`, a custom integration's `query_params`). A key
 * one edit away from a known one is reported as a typo; any other passes.
 */
function integrationObject<const S extends z.core.$ZodLooseShape>(noun: string, shape: S) {
  return openObject(noun, shape, { catchall: z.json(), note: "Other keys are passed to the integration as they are." });
}

/** One rule of a mapping's search query: each value is JQ over the item, e.g. `{property: '"email"', operator: '"="', value: ".author.email"}`. */
export const IngestSearchRule = integrationObject("a search query rule", {
  /** JQ giving the property identifier to search on, e.g. `'"github_username"'`. */
  property: JqExpression,
  /** JQ giving the operator, e.g. `'"="'`. */
  operator: JqExpression,
  /** JQ giving the value to look for, e.g. `.owner.login`. */
  value: JqExpression,
});

export type IngestSearchQuery = { combinator: string; rules: (z.output<typeof IngestSearchRule> | IngestSearchQuery)[] };

/**
 * A search for existing entities instead of a JQ value: the entity whose properties match the rules
 * (Ocean's `IngestSearchQuery`). `combinator` and every rule value are JQ, e.g. `'"and"'`.
 */
export const IngestSearchQuery: z.ZodType<IngestSearchQuery> = closedObject("a search query", {
  /** JQ giving `and` or `or`, e.g. `'"and"'`. */
  combinator: JqExpression,
  /** The rules, or nested search queries. */
  get rules() {
    return z.array(z.union([IngestSearchQuery, IngestSearchRule]));
  },
});

/** A JQ expression, or a search query for the entity (identifier, team and relations may be either). */
const JqOrSearch = z.union([JqExpression, IngestSearchQuery], {
  error: (issue) => {
    const input: unknown = issue.input;
    if (typeof input === "string" || asRecord(input) !== undefined) return undefined;
    return `${showValue(input)} is ${describeKind(input)}; write a JQ expression such as ".name", or a search query {combinator, rules}. Fix the value.`;
  },
});

/** How one item of the tool's data becomes an entity; every value is JQ over the item (`.name`, `.owner.login`). */
export const IntegrationEntityMapping = integrationObject("an integration entity mapping", {
  /** JQ giving the entity identifier, e.g. `.name`; or a search query updating the entity it finds. */
  identifier: JqOrSearch,
  /** JQ giving the title. */
  title: JqExpression.optional(),
  /** JQ giving the icon, e.g. `'"Github"'`. */
  icon: JqExpression.optional(),
  /** JQ giving the blueprint identifier; usually a constant in quotes, e.g. `'"service"'`. */
  blueprint: JqExpression,
  /** JQ giving the owning team identifier(s), or a search query for the `_team` entity. */
  team: JqOrSearch.optional(),
  /** JQ per property identifier of the blueprint. */
  properties: z.record(PropertyIdentifier, JqExpression).optional(),
  /** JQ per relation identifier of the blueprint, giving the related entity identifier(s); or a search query for them. */
  relations: z.record(PropertyIdentifier, JqOrSearch).optional(),
});
export type IntegrationEntityMapping = z.output<typeof IntegrationEntityMapping>;

/** Which items of a kind are ingested. */
export const IntegrationSelector = integrationObject("an integration selector", {
  /** JQ boolean over the item: `"true"` takes everything, e.g. `.archived == false`. */
  query: JqExpression,
  /** Names of environment variables whose values Ocean adds to what it ingests. */
  exportEnvVariables: z.array(z.string()).optional(),
});

/** One kind of the tool's data and how it is mapped. */
export const IntegrationResource = integrationObject("an integration resource", {
  /** The integration's kind name, e.g. `"repository"` or `"pull-request"` for GitHub. */
  kind: z.string().min(1),
  /** Which items are taken; see {@link IntegrationSelector}. */
  selector: IntegrationSelector,
  /** How the items become entities. */
  port: integrationObject("a resource's port section", {
    /** The entity mapping(s); with several, each item becomes several entities (e.g. a repository and its service). */
    entity: integrationObject("a resource's entity section", {
      /** One mapping, or a list of them. */
      mappings: z.union([IntegrationEntityMapping, z.array(IntegrationEntityMapping).min(1)]),
    }),
    /** JQ giving an array in the item: each element is mapped, available as `.item`. */
    itemsToParse: JqExpression.optional(),
    /** The name each element of `itemsToParse` is available under. Omitted: `item`. */
    itemsToParseName: z.string().min(1).optional(),
    /** Whether the `itemsToParse` array is removed from the item each element is mapped with. Omitted: Ocean's default (true). */
    itemsToParseTopLevelTransform: z.boolean().optional(),
  }),
});
export type IntegrationResource = z.output<typeof IntegrationResource>;

/** The integration's mapping configuration, as Port stores it. */
export const IntegrationConfig = integrationObject("an integration config", {
  /** Delete entities that depend (through required relations) on entities the integration deletes. Omitted: Port's default (true). */
  deleteDependentEntities: z.boolean().optional(),
  /** Create placeholder entities for relation targets that do not exist yet. Omitted: Port's default (true). */
  createMissingRelatedEntities: z.boolean().optional(),
  /** Merge mapped entities into existing ones instead of replacing them. Omitted: Port's default (true). */
  enableMergeEntity: z.boolean().optional(),
  /** Share of existing entities (0–1) above which a resync refuses to delete, protecting against a bad mapping. Omitted: Port's default. */
  entityDeletionThreshold: z.number().min(0).max(1).optional(),
  /** The kinds ingested and their mappings, in order. */
  resources: z.array(IntegrationResource),
});
export type IntegrationConfig = z.output<typeof IntegrationConfig>;

/** The mapping of one installed integration: which installation, and its config. */
export const IntegrationMappingSpec = closedObject("an integration mapping", {
  /** The installation's id in Port (Data sources, the integration, "Installation ID"); it must already be installed. */
  installationId: z.string().min(1),
  /** The mapping configuration; see {@link IntegrationConfig}. */
  config: IntegrationConfig,
});
export type IntegrationMappingSpec = z.output<typeof IntegrationMappingSpec>;
export type IntegrationMappingSpecInput = z.input<typeof IntegrationMappingSpec>;

/** A resource's entity mappings as a list, whichever form was written. */
export function entityMappingsOf(resource: { port?: { entity?: { mappings?: unknown } } }): IntegrationEntityMapping[] {
  const mappings = resource.port?.entity?.mappings;
  if (mappings === undefined) return [];
  return (Array.isArray(mappings) ? mappings : [mappings]) as IntegrationEntityMapping[];
}

/** Every JQ expression of an integration mapping, with its field path, for compiling at check time. */
export function integrationJqFields(spec: Partial<IntegrationMappingSpec>): JqField[] {
  const list = new JqFieldList();
  (spec.config?.resources ?? []).forEach((resource, i) => {
    const at = ["config", "resources", i];
    list.add([...at, "selector", "query"], resource.selector?.query);
    list.add([...at, "port", "itemsToParse"], resource.port?.itemsToParse);
    const many = Array.isArray(resource.port?.entity?.mappings);
    entityMappingsOf(resource).forEach((mapping, j) => {
      const path = [...at, "port", "entity", "mappings", ...(many ? [j] : [])];
      for (const key of ["identifier", "title", "icon", "blueprint", "team"] as const) addJqOrSearch(list, [...path, key], mapping[key]);
      list.addMap([...path, "properties"], mapping.properties);
      for (const [key, value] of Object.entries(mapping.relations ?? {})) addJqOrSearch(list, [...path, "relations", key], value);
    });
  });
  return list.fields;
}

/** A JQ value, or every JQ value of a search query (its combinator and its rules' values), nested queries included. */
function addJqOrSearch(list: JqFieldList, path: PropertyKey[], value: unknown): void {
  const query = asRecord(value);
  if (query === undefined) return list.add(path, value);
  list.add([...path, "combinator"], query.combinator);
  const rules = Array.isArray(query.rules) ? query.rules : [];
  rules.forEach((rule, i) => {
    const at = [...path, "rules", i];
    if (asRecord(rule)?.rules !== undefined) return addJqOrSearch(list, at, rule);
    for (const key of ["property", "operator", "value"]) list.add([...at, key], asRecord(rule)?.[key]);
  });
}
