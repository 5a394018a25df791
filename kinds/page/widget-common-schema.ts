/**
 * What every widget of a Port page shares: its id, its header (title, icon, description), the
 * widget type ids, and the ways a chart names a property. The widgets themselves are in
 * widget-charts.ts, widget-content.ts and widgets.ts (the union and the layout containers).
 * Key names follow Port's page JSON (port-api.md §10); where they are UNCONFIRMED the TSDoc says so.
 */
import { z } from "zod";
import { closedEnum } from "../../core/schemas/closed";
import { showValue } from "../../core/schemas/messages";

/** Data widgets: charts and tables over catalog entities. */
export const DATA_WIDGET_TYPES = ["entities-number-chart", "entities-pie-chart", "line-chart", "table-entities-explorer"] as const;
/** Widgets showing content of their own or about actions. */
export const CONTENT_WIDGET_TYPES = ["markdown", "iframe-widget", "action-card-widget", "action-runs-table-widget"] as const;
/** Personal widgets: they show what belongs to the viewer, and Port allows them on the home page only. */
export const PERSONAL_WIDGET_TYPES = ["my-entities", "recently-viewed-entities", "recently-used-actions"] as const;
/** Layout containers: rows of sized columns (`dashboard-widget`) and tabbed groups (`grouper`). */
export const CONTAINER_WIDGET_TYPES = ["dashboard-widget", "grouper"] as const;

/** Every widget `type` this library types. */
export const WIDGET_TYPES = [...DATA_WIDGET_TYPES, ...CONTENT_WIDGET_TYPES, ...PERSONAL_WIDGET_TYPES, ...CONTAINER_WIDGET_TYPES] as const;

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
 */
export const WidgetId = z.string().superRefine((id, ctx) => {
  if (id.trim() !== "") return;
  ctx.addIssue({ code: "custom", input: id, message: `is empty; give the widget an id that is unique within the page, e.g. "openIncidents". Set the id.` });
});

/** Title, icon and description: the header of a widget. Spread into each widget's shape. */
export const widgetHeader = {
  /** The widget's id, unique within the page; see {@link WidgetId}. */
  id: WidgetId,
  /** Shown above the widget. */
  title: z.string().min(1),
  /** An icon name from Port's icon list, e.g. `"Microservice"`. */
  icon: z.string().optional(),
  /** Shown as the widget's tooltip. */
  description: z.string().optional(),
};

/** The same header with an optional title (containers and personal widgets have sensible defaults). */
export const optionalTitleHeader = { ...widgetHeader, title: z.string().min(1).optional() };

/** Text a data widget shows when it has nothing to show (Markdown). Omitted: Port's "No data for this widget". */
export const emptyStateText = z.string().optional();

/** Prefixes of a chart's `property` reference: which kind of blueprint key follows the `#`. */
export const CHART_PROPERTY_PREFIXES = ["property", "mirror-property", "calculation-property", "aggregation-property", "relation", "scorecard"] as const;

/** Meta-properties a chart may group by. */
export const CHART_META_PROPERTIES = ["$identifier", "$title", "$team", "$blueprint"] as const;

const KEY = "[A-Za-z0-9@_=\\\\-]+";
const CHART_PROPERTY = new RegExp(`^(?:(?:${CHART_PROPERTY_PREFIXES.join("|")})#${KEY}|scorecard-rule#[^#\\s]+#${KEY}|\\$(?:identifier|title|team|blueprint))$`);

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
      `(or "scorecard-rule#<scorecard>#<rule>", or ${CHART_META_PROPERTIES.join(", ")}), e.g. "property#language".${advice} Fix the property.`,
  });
});

/**
 * The time property an average over time is measured by: a meta-property (`$createdAt`,
 * `$updatedAt`) or a date-time property identifier. Port's default is `$createdAt`.
 */
export const MeasureTimeBy = z.string().min(1);
