/**
 * What every widget of a Port page shares: its id, its header (title, icon, description), the
 * widget type ids, the ways a chart names a property, and the table settings several widgets
 * use. The widgets themselves are in widget-charts-schema.ts, widget-content-schema.ts,
 * widget-entity-schema.ts and widgets-schema.ts (the union and the layout containers).
 * Types, keys and required keys follow Port's published widget schema (apispec.yaml
 * `/schemas/dashboardWidget` and `/schemas/grouperWidget`); other keys are kept (openObject in core/schemas/closed.ts).
 */
import { z } from "zod";
import { closedEnum, openObject } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { showValue } from "../../core/schemas/messages";

/** Data widgets: charts, tables and the graph over catalog entities. */
export const DATA_WIDGET_TYPES = ["entities-number-chart", "entities-pie-chart", "bar-chart", "line-chart", "table-entities-explorer", "graph-entities-explorer"] as const;
/** Widgets of entity pages: the entity's details, related entities, its runs and its audit log. */
export const ENTITY_WIDGET_TYPES = ["entity-info", "entity-details", "table-entities-explorer-by-direction", "runs-table", "table-audit-log"] as const;
/** Widgets showing content of their own, links, actions or an AI agent. */
export const CONTENT_WIDGET_TYPES = ["markdown", "iframe-widget", "links-widget", "action-card-widget", "action-runs-table-widget", "ai-agent"] as const;
/** Widgets of Port's own pages of users, teams and runs. */
export const ORGANIZATION_WIDGET_TYPES = ["users-table", "teams-table", "workflow-runs-history-table", "run-info", "user-info", "team-info"] as const;
/** Personal widgets: they show what belongs to the viewer, and Port allows them on the home page only. */
export const PERSONAL_WIDGET_TYPES = ["my-entities", "recently-viewed-entities", "recently-used-actions"] as const;
/** Layout containers: rows of sized columns (`dashboard-widget`) and tabbed groups (`grouper`). */
export const CONTAINER_WIDGET_TYPES = ["dashboard-widget", "grouper"] as const;

/** Every widget `type` of Port's published widget schema, which lists no others. */
export const WIDGET_TYPES = [
  ...DATA_WIDGET_TYPES,
  ...ENTITY_WIDGET_TYPES,
  ...CONTENT_WIDGET_TYPES,
  ...ORGANIZATION_WIDGET_TYPES,
  ...PERSONAL_WIDGET_TYPES,
  ...CONTAINER_WIDGET_TYPES,
] as const;

/** A widget `type`; see {@link WIDGET_TYPES}. An unknown type fails naming every allowed one. */
export const WidgetType = closedEnum(WIDGET_TYPES, {
  noun: "a widget type",
  field: "type",
  // Port's ids carry prefixes and suffixes ("entities-pie-chart", "iframe-widget"): a bare "pie-chart" or "iframe" means the longer id.
  hint: (input) => {
    if (typeof input !== "string" || input.length < 4) return undefined;
    const match = WIDGET_TYPES.find((type) => type !== input && (type.endsWith(input) || type.startsWith(input)));
    return match === undefined ? undefined : `Did you mean ${JSON.stringify(match)}?`;
  },
});
export type WidgetType = z.output<typeof WidgetType>;

/**
 * A widget `id`: unique within its page. Port addresses widgets by it
 * (`PATCH /v1/pages/{page}/widgets/{id}`) and a layout column places the widget with this id.
 * Port gives a widget without one a random id, which the code would never match, so it is required here.
 */
export const WidgetId = z.string().superRefine((id, ctx) => {
  if (id.trim() !== "") return;
  ctx.addIssue({ code: "custom", input: id, message: `is empty; give the widget an id that is unique within the page, e.g. "openIncidents". Set the id.` });
});

/** Id, title, icon and description: the header of a widget. Spread into each widget's shape. */
export const widgetHeader = {
  /** The widget's id, unique within the page; see {@link WidgetId}. */
  id: WidgetId,
  /** Shown above the widget. */
  title: z.string().optional(),
  /** An icon name from Port's icon list, e.g. `"Microservice"`. */
  icon: z.string().optional(),
  /** Shown as the widget's tooltip. */
  description: z.string().optional(),
};

/** The same header with the title Port requires (markdown, iframe and personal widgets). */
export const titledHeader = { ...widgetHeader, title: z.string() };

/** Text a data widget shows when it has nothing to show (Markdown). Omitted: Port's "No data for this widget". */
export const emptyStateText = z.string().optional();

/** Prefixes of a chart's `property` reference: which kind of blueprint key follows the `#`. */
export const CHART_PROPERTY_PREFIXES = ["property", "mirror-property", "calculation-property", "aggregation-property", "relation", "scorecard"] as const;

const KEY = "[A-Za-z0-9@_=\\\\-]+";
const CHART_PROPERTY = new RegExp(`^(?:(?:${CHART_PROPERTY_PREFIXES.join("|")})#${KEY}|scorecard-rule#[^#\\s]+#${KEY}|\\$[A-Za-z]+)$`);

/**
 * How a pie chart names what it breaks down by: `"property#<key>"` for a schema property, or
 * `mirror-property#`, `calculation-property#`, `aggregation-property#`, `relation#`,
 * `scorecard#<scorecard>` and `scorecard-rule#<scorecard>#<rule>`, or a meta-property such as `"$team"`.
 */
export const ChartPropertyRef = z.string().superRefine((ref, ctx) => {
  if (CHART_PROPERTY.test(ref)) return;
  const bare = new RegExp(`^${KEY}$`).test(ref);
  const advice = bare ? ` Use ${showValue(`property#${ref}`)} for the property ${showValue(ref)}.` : "";
  ctx.addIssue({
    code: "custom",
    input: ref,
    message:
      `${showValue(ref)} is not a chart property reference; write "<kind>#<key>" with kind ${CHART_PROPERTY_PREFIXES.join(", ")} ` +
      `(or "scorecard-rule#<scorecard>#<rule>", or a meta-property such as "$team"), e.g. "property#language".${advice} Fix the property.`,
  });
});

/**
 * The time property an average or a line chart is measured by: a meta-property (`$createdAt`,
 * `$updatedAt`) or a date-time property identifier.
 */
export const MeasureTimeBy = z.string().min(1);

// ---------------------------------------------------------------------------------------------
// Table settings (the table of entities, related entities, runs, audit log, users, teams)

/** One sort key of a table: a property (or meta-property) and a direction. */
export const TableSortKey = openObject("a table sort key", {
  /** Property identifier or meta-property, e.g. `"$updatedAt"`. */
  property: z.string().min(1),
  /** `asc` or `desc`. */
  order: closedEnum(["asc", "desc"], { noun: "a sort order", field: "order" }),
});

/** A table's columns: those hidden, those shown, and their order (property identifiers and meta-properties such as `$title`). */
export const TablePropertiesSettings = openObject("table properties settings", {
  /** Columns hidden, e.g. `["$identifier", "readme"]`. */
  hidden: z.array(z.string()).optional(),
  /** Columns shown, in order, e.g. `["$title", "language", "$team"]`. */
  shown: z.array(z.string()).optional(),
  /** Column order. */
  order: z.array(z.string()).optional(),
});

/** Filter, grouping, sorting and columns of a table, as saved by "Save table view". */
export const tableSettings = {
  /** A filter applied in the table on top of the widget's `dataset` (the viewer may change it unless the page is locked). */
  filterSettings: openObject("table filter settings", {
    /** The filter, in Port's query language. */
    filterBy: EntityQuery,
  }).optional(),
  /** Group rows by these properties. */
  groupSettings: openObject("table group settings", {
    /** Properties to group by, outermost first. */
    groupBy: z.array(z.string()),
  }).optional(),
  /** Sort rows. */
  sortSettings: openObject("table sort settings", {
    /** Sort keys, most significant first. */
    sortBy: z.array(TableSortKey).optional(),
  }).optional(),
  /** The columns; see {@link TablePropertiesSettings}. */
  propertiesSettings: TablePropertiesSettings.optional(),
};

/** The `tableConfig` of the runs, audit-log, users and teams tables. */
export const TableConfig = openObject("a table config", tableSettings);
