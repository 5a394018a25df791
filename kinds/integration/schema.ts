/**
 * The mapping of an installed integration (Ocean integrations and exporters, port-api.md §16): the
 * `config` of `PATCH /v1/integration/{installationId}/config`. Each resource takes one kind of
 * the tool's data (`repository`, `pull-request`, ...), keeps what its `selector.query` accepts, and
 * maps it onto entities with JQ, as in Port's "Mapping" editor.
 */
import { z } from "zod";
import { asRecord, closedObject, crossCheck } from "../../core/schemas/closed";
import { PropertyIdentifier } from "../../core/schemas/identifiers";
import type { JqField } from "../../core/schemas/jq";
import { JqExpression, JqFieldList } from "../../core/schemas/jq-expression";
import { closestMatch } from "../../core/schemas/messages";

/**
 * An object whose known keys are typed and whose other keys are passed through as JSON, because
 * each integration adds its own (GitHub's selector has `includedFiles`, its config
 * `repositoryType`). A key one typo away from a known one is still reported.
 */
function openObject<const S extends z.core.$ZodLooseShape>(noun: string, shape: S) {
  const known = Object.keys(shape);
  return z
    .object(shape)
    .catchall(z.json())
    .check(
      crossCheck((input, report) => {
        for (const key of Object.keys(asRecord(input) ?? {})) {
          if (known.includes(key)) continue;
          const near = closestMatch(key, known);
          if (near === undefined) continue;
          report({
            path: [key],
            message: `is not a key of ${noun}; did you mean ${JSON.stringify(near)}? Keys other than ${known.join(", ")} are passed to the integration as they are. Rename it.`,
          });
        }
      }),
    );
}

/** How one item of the tool's data becomes an entity; every value is JQ over the item (`.name`, `.owner.login`). */
export const IntegrationEntityMapping = closedObject("an integration entity mapping", {
  /** JQ giving the entity identifier, e.g. `.name`. */
  identifier: JqExpression,
  /** JQ giving the title. */
  title: JqExpression.optional(),
  /** JQ giving the blueprint identifier; usually a constant in quotes, e.g. `'"service"'`. */
  blueprint: JqExpression,
  /** JQ giving the owning team identifier(s). */
  team: JqExpression.optional(),
  /** JQ per property identifier of the blueprint. */
  properties: z.record(PropertyIdentifier, JqExpression).optional(),
  /** JQ per relation identifier of the blueprint, giving the related entity identifier(s). */
  relations: z.record(PropertyIdentifier, JqExpression).optional(),
});
export type IntegrationEntityMapping = z.output<typeof IntegrationEntityMapping>;

/** Which items of a kind are ingested. */
export const IntegrationSelector = openObject("an integration selector", {
  /** JQ boolean over the item: `"true"` takes everything, e.g. `.archived == false`. */
  query: JqExpression,
});

/** One kind of the tool's data and how it is mapped. */
export const IntegrationResource = closedObject("an integration resource", {
  /** The integration's kind name, e.g. `"repository"` or `"pull-request"` for GitHub. */
  kind: z.string().min(1),
  /** Which items are taken; see {@link IntegrationSelector}. */
  selector: IntegrationSelector,
  /** How the items become entities. */
  port: closedObject("a resource's port section", {
    /** The entity mapping(s); with several, each item becomes several entities (e.g. a repository and its service). */
    entity: closedObject("a resource's entity section", {
      /** One mapping, or a list of them. */
      mappings: z.union([IntegrationEntityMapping, z.array(IntegrationEntityMapping).min(1)]),
    }),
    /** JQ giving an array in the item: each element is mapped, available as `.item`. */
    itemsToParse: JqExpression.optional(),
  }),
});
export type IntegrationResource = z.output<typeof IntegrationResource>;

/** The integration's mapping configuration, as Port stores it. */
export const IntegrationConfig = openObject("an integration config", {
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
      for (const key of ["identifier", "title", "blueprint", "team"] as const) list.add([...path, key], mapping[key]);
      list.addMap([...path, "properties"], mapping.properties);
      list.addMap([...path, "relations"], mapping.relations);
    });
  });
  return list.fields;
}
