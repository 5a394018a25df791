/**
 * A page's widgets as one typed union chosen by `type`, and the two layout containers:
 * `dashboard-widget` (rows of columns whose sizes sum to 12, each column placing one widget by
 * id) and `grouper` (tabbed or switchable groups of widgets). Containers hold widgets, so the
 * union is recursive; its TypeScript type is written out once below and proven equal to the schema.
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, crossCheck, openObject, type CrossCheckProblem } from "../../core/schemas/closed";
import { describeKind, showValue } from "../../core/schemas/messages";
import { BarChartWidget, LineChartWidget, NumberChartWidget, PieChartWidget } from "./widget-charts-schema";
import { WIDGET_TYPES, WidgetId, WidgetType } from "./widget-common-schema";
import { ActionCardWidget, ActionRunsTableWidget, AiAgentWidget, IframeWidget, LinksWidget, MarkdownWidget, PersonalWidget, TableWidget } from "./widget-content-schema";
import {
  AuditLogWidget,
  EntityDetailsWidget,
  EntityInfoWidget,
  GraphWidget,
  RelatedEntitiesWidget,
  RunInfoWidget,
  RunsTableWidget,
  TeamInfoWidget,
  TeamsTableWidget,
  UserInfoWidget,
  UsersTableWidget,
  WorkflowRunsWidget,
} from "./widget-entity-schema";

type Report = (problem: CrossCheckProblem) => void;
type Payload = z.core.ParsePayload<unknown>;

// ---------------------------------------------------------------------------------------------
// The union. Written out because TypeScript cannot infer a recursive type from the schema.

/** Any widget (`type` picks the variant). */
export type Widget =
  | NumberChartWidget
  | PieChartWidget
  | BarChartWidget
  | LineChartWidget
  | TableWidget
  | GraphWidget
  | EntityInfoWidget
  | EntityDetailsWidget
  | RelatedEntitiesWidget
  | RunsTableWidget
  | AuditLogWidget
  | MarkdownWidget
  | IframeWidget
  | LinksWidget
  | ActionCardWidget
  | ActionRunsTableWidget
  | AiAgentWidget
  | UsersTableWidget
  | TeamsTableWidget
  | WorkflowRunsWidget
  | RunInfoWidget
  | UserInfoWidget
  | TeamInfoWidget
  | PersonalWidget
  | DashboardWidget
  | GrouperWidget;

/** A row of a `dashboard-widget` layout; see {@link DashboardRow}. */
export type DashboardRow = z.output<typeof DashboardRow>;

/** Rows of sized columns, each column placing one of `widgets` by id. Keys Port does not publish are kept. */
export type DashboardWidget = {
  id: string;
  type: "dashboard-widget";
  layout: DashboardRow[];
  widgets: Widget[];
  [key: string]: unknown;
};

/** A tab (or switch position) of a `grouper`. */
export type WidgetGroup = { title: string; icon?: string | undefined; widgets: Widget[]; [key: string]: unknown };

/** Groups of widgets shown as tabs, or behind a switch. */
export type GrouperWidget = {
  id: string;
  type: "grouper";
  title?: string | undefined;
  icon?: string | undefined;
  description?: string | undefined;
  displayMode: "tabs" | "switch";
  activeGroupUrlParam?: string | undefined;
  groupsOrder?: string[] | undefined;
  groups: WidgetGroup[];
  [key: string]: unknown;
};

/** Validates `value` with `schema`, adding its issues (under `prefix`) to `payload`. */
function delegate(payload: Payload, schema: z.ZodType, value: unknown, prefix: PropertyKey[] = []): { ok: boolean; data?: unknown } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  for (const issue of result.error.issues) payload.issues.push({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodRawIssue);
  return { ok: false };
}

/** The schema of each widget type (Port's published widget schema lists no other type). */
const VARIANTS: Record<(typeof WIDGET_TYPES)[number], () => z.ZodType> = {
  "entities-number-chart": () => NumberChartWidget,
  "entities-pie-chart": () => PieChartWidget,
  "bar-chart": () => BarChartWidget,
  "line-chart": () => LineChartWidget,
  "table-entities-explorer": () => TableWidget,
  "graph-entities-explorer": () => GraphWidget,
  "entity-info": () => EntityInfoWidget,
  "entity-details": () => EntityDetailsWidget,
  "table-entities-explorer-by-direction": () => RelatedEntitiesWidget,
  "runs-table": () => RunsTableWidget,
  "table-audit-log": () => AuditLogWidget,
  markdown: () => MarkdownWidget,
  "iframe-widget": () => IframeWidget,
  "links-widget": () => LinksWidget,
  "action-card-widget": () => ActionCardWidget,
  "action-runs-table-widget": () => ActionRunsTableWidget,
  "ai-agent": () => AiAgentWidget,
  "users-table": () => UsersTableWidget,
  "teams-table": () => TeamsTableWidget,
  "workflow-runs-history-table": () => WorkflowRunsWidget,
  "run-info": () => RunInfoWidget,
  "user-info": () => UserInfoWidget,
  "team-info": () => TeamInfoWidget,
  "my-entities": () => PersonalWidget,
  "recently-viewed-entities": () => PersonalWidget,
  "recently-used-actions": () => PersonalWidget,
  "dashboard-widget": () => DashboardWidgetSchema,
  grouper: () => GrouperWidgetSchema,
};

function variantFor(type: unknown): z.ZodType | undefined {
  return typeof type === "string" && Object.hasOwn(VARIANTS, type) ? VARIANTS[type as keyof typeof VARIANTS]() : undefined;
}

/**
 * One widget, validated as the variant its `type` names. Only that variant's problems are
 * reported; an unknown `type` fails on `type`, listing every widget type.
 */
export const Widget = z.custom<Widget>().check((raw) => {
  const payload = raw as Payload;
  const widget = asRecord(payload.value);
  if (widget === undefined) {
    payload.issues.push({
      code: "custom",
      input: payload.value,
      message: `${showValue(payload.value)} is ${describeKind(payload.value)}, expected a widget ({id, type, ...}); types: ${WIDGET_TYPES.join(", ")}. Fix the widget.`,
    });
    return;
  }
  const schema = variantFor(widget.type);
  if (schema === undefined) {
    delegate(payload, WidgetType, widget.type, ["type"]);
    return;
  }
  const result = delegate(payload, schema, widget);
  if (result.ok) payload.value = result.data;
});

// ---------------------------------------------------------------------------------------------
// dashboard-widget

/** A column of a layout row: the id of the widget it shows and its width in twelfths. */
export const DashboardColumn = closedObject("a layout column", {
  /** The `id` of the widget (in this container's `widgets`) shown in this column. */
  id: WidgetId,
  /** Width in twelfths of the page; the sizes of a row sum to 12. */
  size: z.int().min(1).max(12),
});

/** A row of a layout: its height in pixels and its columns, whose sizes sum to 12. Row order is the order on the page. */
export const DashboardRow = closedObject("a layout row", {
  /** Height of the row in pixels. */
  height: z.number().positive(),
  /** The columns, left to right; their sizes sum to 12. */
  columns: z.array(DashboardColumn).min(1),
});

/** Layout rules: sizes sum to 12 per row; each column places one declared widget; each widget is placed once. */
function checkDashboardLayout(input: unknown, report: Report): void {
  const container = asRecord(input);
  if (container === undefined || !Array.isArray(container.layout) || !Array.isArray(container.widgets)) return;
  const widgetIds = container.widgets.map((widget) => asRecord(widget)?.id).filter((id): id is string => typeof id === "string");
  const placed = new Map<string, string>();
  container.layout.forEach((row, rowIndex) => {
    const columns = asRecord(row)?.columns;
    if (!Array.isArray(columns)) return;
    const sizes = columns.map((column) => asRecord(column)?.size);
    if (sizes.length > 0 && sizes.every((size): size is number => typeof size === "number")) {
      const total = sizes.reduce((sum, size) => sum + size, 0);
      if (total !== 12) {
        const given = sizes.length === 1 ? `the row's one column has size ${total}` : `sizes ${sizes.join(" + ")} sum to ${total}`;
        report({
          path: ["layout", rowIndex, "columns"],
          input: sizes,
          message: `${given}; the column sizes of a row must sum to 12. ${total < 12 ? "Widen" : "Narrow"} the columns by ${Math.abs(12 - total)}.`,
        });
      }
    }
    columns.forEach((column, columnIndex) => {
      const id = asRecord(column)?.id;
      if (typeof id !== "string") return;
      const where: PropertyKey[] = ["layout", rowIndex, "columns", columnIndex, "id"];
      const earlier = placed.get(id);
      if (earlier !== undefined) {
        report({ path: where, input: id, message: `${showValue(id)} is already placed at ${earlier}; a widget is shown in one column only. Remove one of the columns.` });
      } else if (!widgetIds.includes(id)) {
        const declared = widgetIds.length === 0 ? "this container has no widgets" : `widgets: ${widgetIds.join(", ")}`;
        report({ path: where, input: id, message: `${showValue(id)} is not the id of a widget of this container (${declared}). Fix the id, or add the widget to widgets.` });
      }
      placed.set(id, `layout[${rowIndex}].columns[${columnIndex}]`);
    });
  });
  container.widgets.forEach((widget, index) => {
    const id = asRecord(widget)?.id;
    if (typeof id === "string" && !placed.has(id)) {
      report({
        path: ["widgets", index, "id"],
        input: id,
        message: `widget ${showValue(id)} is in no layout column, so Port would not show it. Add a column {id: ${showValue(id)}, size} to a row of layout.`,
      });
    }
  });
}

/**
 * The layout container of dashboards: `layout` rows (in page order) of columns placing `widgets`
 * by id. The order of `widgets` itself is not significant (the layout places them).
 */
export const DashboardWidgetSchema = openObject("a dashboard-widget", {
  /** The container's id, unique within the page. */
  id: WidgetId,
  /** `"dashboard-widget"`. */
  type: z.literal("dashboard-widget"),
  /** The rows, top to bottom; see {@link DashboardRow}. */
  layout: z.array(DashboardRow),
  /** The widgets the layout places; any order. */
  widgets: z.array(Widget),
}).check(crossCheck(checkDashboardLayout));

// ---------------------------------------------------------------------------------------------
// grouper

/** Groups of widgets, shown as tabs (`displayMode: "tabs"`) or behind a switch (`"switch"`). Group order is significant. */
export const GrouperWidgetSchema = openObject("a grouper", {
  /** The grouper's id, unique within the page. */
  id: WidgetId,
  /** `"grouper"`. */
  type: z.literal("grouper"),
  /** Shown above the groups. */
  title: z.string().optional(),
  /** An icon name from Port's icon list. */
  icon: z.string().optional(),
  /** Shown as the tooltip. */
  description: z.string().optional(),
  /** `tabs` or `switch`. */
  displayMode: closedEnum(["tabs", "switch"], { noun: "a grouper displayMode", field: "displayMode" }),
  /** The URL query parameter holding the group shown, so a link opens that group. */
  activeGroupUrlParam: z.string().optional(),
  /** The order of the groups, by title. */
  groupsOrder: z.array(z.string()).optional(),
  /** The groups, in the order shown. */
  groups: z.array(
    openObject("a widget group", {
      /** The tab's (or switch position's) label. */
      title: z.string(),
      /** An icon name from Port's icon list. */
      icon: z.string().optional(),
      /** The widgets of the group, in order (usually one `dashboard-widget`). */
      widgets: z.array(Widget),
    }),
  ),
});

/** Compile-time proof that the written-out container types match their schemas. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const containerTypesMatch: Same<z.output<typeof DashboardWidgetSchema>, DashboardWidget> & Same<z.output<typeof GrouperWidgetSchema>, GrouperWidget> = true;
void containerTypesMatch;

// ---------------------------------------------------------------------------------------------
// Walking a widget tree (for page-level checks and for order-insensitive comparison).

/** A widget and where it is, relative to the list it was found in. */
export interface PlacedWidget {
  widget: Record<string, unknown>;
  path: PropertyKey[];
}

/** Every widget in `widgets`, containers' children included, depth first, with its path. */
export function allWidgets(widgets: unknown, prefix: PropertyKey[] = []): PlacedWidget[] {
  if (!Array.isArray(widgets)) return [];
  const out: PlacedWidget[] = [];
  widgets.forEach((item, index) => {
    const widget = asRecord(item);
    if (widget === undefined) return;
    const path = [...prefix, index];
    out.push({ widget, path });
    out.push(...allWidgets(widget.widgets, [...path, "widgets"]));
    if (Array.isArray(widget.groups)) {
      widget.groups.forEach((group, groupIndex) => out.push(...allWidgets(asRecord(group)?.widgets, [...path, "groups", groupIndex, "widgets"])));
    }
  });
  return out;
}
