/**
 * Widgets of entity pages (the entity's details, related entities, the graph, runs, the audit
 * log) and of Port's own pages of users, teams and runs, as Port's published widget schema has
 * them (apispec.yaml `/schemas/dashboardWidget`).
 */
import { z } from "zod";
import { closedEnum, openObject } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { BlueprintIdentifier } from "../../core/schemas/identifiers";
import { showValue } from "../../core/schemas/messages";
import { TableConfig, widgetHeader } from "./widget-common-schema";
import { TableBlueprintConfig } from "./widget-content-schema";

/** Keys of the entity's details widgets. */
const entityDetails = {
  ...widgetHeader,
  /** The blueprint of the entity. */
  blueprint: BlueprintIdentifier,
  /** The entity shown. */
  entity: z.string(),
  /** Properties not shown. */
  hiddenQuery: z.array(z.string()).optional(),
  /** Order of the properties shown. */
  order: z.array(z.string()).optional(),
  /** When true, properties without a value are shown too. */
  showEmptyValues: z.boolean().optional(),
};

/** The entity's properties and meta-data: the `Details` widget of an entity page's overview. */
export const EntityInfoWidget = openObject("an entity info widget", {
  ...entityDetails,
  /** `"entity-info"`. */
  type: z.literal("entity-info"),
});
export type EntityInfoWidget = z.output<typeof EntityInfoWidget>;

/** The properties of one entity, as a widget of a dashboard. */
export const EntityDetailsWidget = openObject("an entity details widget", {
  ...entityDetails,
  /** `"entity-details"`. */
  type: z.literal("entity-details"),
});
export type EntityDetailsWidget = z.output<typeof EntityDetailsWidget>;

/** Port's key of a related-entities tab: `<blueprint>$upstream`, `$downstream`, `$specificpath` or `$custom`, optionally followed by `$<path>`. */
const RELATED_TAB_KEY = /^[A-Za-z0-9@_.:\\/=-]*\$(specificpath|upstream|downstream|custom)(\$[A-Za-z0-9@_.:\\/=-]+)*$/;

const RelatedTabKey = z.string().superRefine((key, ctx) => {
  if (RELATED_TAB_KEY.test(key)) return;
  ctx.addIssue({
    code: "custom",
    input: key,
    message: `${showValue(key)} is not a related-entities tab key; Port keys tabs "<blueprint>$upstream", "<blueprint>$downstream", "<blueprint>$specificpath" or "<blueprint>$custom" (optionally followed by "$<path>"), e.g. ${showValue(`${key.split("$")[0] || "deployment"}$downstream`)}. Fix the key.`,
  });
});

/** One tab of the related entities table. */
export const RelatedEntitiesTab = openObject("a related-entities tab", {
  ...TableBlueprintConfig.shape,
  /** Which of the target blueprint's entities are listed. */
  dataset: EntityQuery.optional(),
  /** The related blueprint listed in the tab. */
  targetBlueprint: z.string().optional(),
  /** The relation (or property) leading to the related entities. */
  relatedProperty: z.string().optional(),
  /** A specific relation path, e.g. `{path: ["service_in_env", "package"], fromBlueprint}` (Port's docs, JSON mode). */
  relationPath: z.unknown().optional(),
});

/** The related entities of an entity page: one tab per related blueprint, keyed as {@link RELATED_TAB_KEY} says. */
export const RelatedEntitiesWidget = openObject("a related entities table", {
  ...widgetHeader,
  /** `"table-entities-explorer-by-direction"`. */
  type: z.literal("table-entities-explorer-by-direction"),
  /** The tabs, keyed like `"deployment$downstream"`. */
  blueprintConfig: z.record(RelatedTabKey, RelatedEntitiesTab).optional(),
});
export type RelatedEntitiesWidget = z.output<typeof RelatedEntitiesWidget>;

/** The graph of entities and their relations. */
export const GraphWidget = openObject("an entity graph", {
  ...widgetHeader,
  /** `"graph-entities-explorer"`. */
  type: z.literal("graph-entities-explorer"),
  /** Which entities are drawn. */
  dataset: EntityQuery,
  /** Blueprints not drawn. */
  hiddenBlueprints: z.array(z.string()).optional(),
});
export type GraphWidget = z.output<typeof GraphWidget>;

/** The action runs of an entity (or of a user, a blueprint, an action). */
export const RunsTableWidget = openObject("a runs table", {
  ...widgetHeader,
  /** `"runs-table"`. */
  type: z.literal("runs-table"),
  /** Which runs are listed. */
  query: openObject("a runs query", {
    entity: z.string().optional(),
    blueprint: z.string().optional(),
    active: z.boolean().optional(),
    user_email: z.string().optional(),
    user_id: z.string().optional(),
    /** 1 to 1000. */
    limit: z.number().min(1).max(1000).optional(),
    exclude: z.array(z.string()).optional(),
    external_run_id: z.string().optional(),
    version: closedEnum(["v1", "v2"], { noun: "a runs version", field: "version" }).optional(),
    action: z.string().optional(),
    /** Where runs came from. */
    source: z.array(closedEnum(["UI", "API", "AUTOMATION"], { noun: "a run source", field: "source" })).optional(),
  }).optional(),
  /** Filter, grouping, sorting and columns of the table. */
  tableConfig: TableConfig.optional(),
});
export type RunsTableWidget = z.output<typeof RunsTableWidget>;

const AUDIT_RESOURCES = ["blueprint", "entity", "run", "webhook", "scorecard", "action", "integration"] as const;
const AuditResource = closedEnum(AUDIT_RESOURCES, { noun: "an audit log resource", field: "resources" });

/** The audit log of an entity (or of any resource Port logs). */
export const AuditLogWidget = openObject("an audit log table", {
  ...widgetHeader,
  /** `"table-audit-log"`. */
  type: z.literal("table-audit-log"),
  /** Which log records are listed. */
  query: openObject("an audit log query", {
    identifier: z.string().optional(),
    entity: z.string().optional(),
    include_deleted_entities: z.boolean().optional(),
    blueprint: z.string().optional(),
    run_id: z.string().optional(),
    webhookId: z.string().optional(),
    webhookEventId: z.string().optional(),
    origin: z.array(z.string()).optional(),
    InstallationId: z.string().optional(),
    /** Kinds of resource logged. */
    resources: z.union([z.array(AuditResource), AuditResource]).optional(),
    /** Columns of the records. */
    includes: z
      .array(
        closedEnum(["action", "context", "diff", "identifier", "resourceType", "status", "trigger", "additionalData", "message"], {
          noun: "an audit log column",
          field: "includes",
        }),
      )
      .optional(),
    /** ISO date-time. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** ISO date-time. */
    to: z.iso.datetime({ offset: true }).optional(),
    action: z.string().optional(),
    status: closedEnum(["SUCCESS", "FAILURE"], { noun: "an audit log status", field: "status" }).optional(),
    limit: z.number().optional(),
    actionType: closedEnum(["automation", "self-service"], { noun: "an action type", field: "actionType" }).optional(),
  }),
  /** Filter, grouping, sorting and columns of the table. */
  tableConfig: TableConfig.optional(),
});
export type AuditLogWidget = z.output<typeof AuditLogWidget>;

// ---------------------------------------------------------------------------------------------
// Port's pages of users, teams and runs

/** The users of the organization (or of a team: `query.team`). */
export const UsersTableWidget = openObject("a users table", {
  ...widgetHeader,
  type: z.literal("users-table"),
  query: openObject("a users query", { team: z.string().optional() }).optional(),
  tableConfig: TableConfig.optional(),
});
export type UsersTableWidget = z.output<typeof UsersTableWidget>;

/** The teams of the organization (or of a user: `query.user`). */
export const TeamsTableWidget = openObject("a teams table", {
  ...widgetHeader,
  type: z.literal("teams-table"),
  query: openObject("a teams query", { user: z.string().optional() }).optional(),
  tableConfig: TableConfig.optional(),
});
export type TeamsTableWidget = z.output<typeof TeamsTableWidget>;

/** The history of workflow runs. */
export const WorkflowRunsWidget = openObject("a workflow runs table", {
  ...widgetHeader,
  type: z.literal("workflow-runs-history-table"),
  query: z.record(z.string(), z.unknown()).optional(),
  tableConfig: TableConfig.optional(),
});
export type WorkflowRunsWidget = z.output<typeof WorkflowRunsWidget>;

/** One run (`runId`), user (`user_email`) or team (`team_name`). */
export const RunInfoWidget = openObject("a run info widget", { ...widgetHeader, type: z.literal("run-info"), runId: z.string() });
export type RunInfoWidget = z.output<typeof RunInfoWidget>;
export const UserInfoWidget = openObject("a user info widget", { ...widgetHeader, type: z.literal("user-info"), user_email: z.string() });
export type UserInfoWidget = z.output<typeof UserInfoWidget>;
export const TeamInfoWidget = openObject("a team info widget", { ...widgetHeader, type: z.literal("team-info"), team_name: z.string() });
export type TeamInfoWidget = z.output<typeof TeamInfoWidget>;
