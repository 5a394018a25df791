/**
 * What the emulator checks in a page body (port-api.md §10). Port publishes no schema of the page
 * itself: the page's frame is checked as the Terraform provider models it (port/page/schema.go:
 * the page types, key types), and any other page key is kept. Widgets are checked against Port's
 * published widget schema (apispec.yaml `/schemas/dashboardWidget`, `/schemas/grouperWidget`):
 * the widget types it lists, the keys each type requires (also those a `chartType`, `calculationBy`,
 * `func`, `unit` or `urlType` requires), the shape of layouts and groups. Widget keys the schema does
 * not list are kept (assumption: see emulator/README.md). Rules the published schema lacks (layout
 * sums, ...) are our components' job: an emulator stricter than Port would hide their mistakes.
 */
import { randomUUID } from "crypto";
import { checkBoolean, checkObject, checkString } from "./field-checks";
import { META_FIELDS } from "./port-vocabulary";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

type Doc = Record<string, unknown>;

/** Page types Port knows (terraform-provider-port-labs port/page/schema.go). */
export const PAGE_TYPES = ["blueprint-entities", "dashboard", "home", "entity"];

/**
 * Every widget type of Port's published widget schema, with the keys it requires
 * (apispec.yaml `/schemas/dashboardWidget`: the `required` of each variant).
 */
const WIDGET_REQUIRED: Record<string, string[]> = {
  "ai-agent": ["agentIdentifier"],
  "entity-info": ["entity", "blueprint"],
  "entity-details": ["entity", "blueprint"],
  "action-runs-table-widget": ["action"],
  "action-card-widget": ["actions"],
  "links-widget": ["links"],
  "table-entities-explorer": ["dataset"],
  "table-entities-explorer-by-direction": [],
  "table-audit-log": ["query"],
  "users-table": [],
  "teams-table": [],
  "runs-table": [],
  "workflow-runs-history-table": [],
  "run-info": ["runId"],
  "user-info": ["user_email"],
  "graph-entities-explorer": ["dataset"],
  "bar-chart": ["dataset", "property"],
  "entities-pie-chart": ["dataset", "property"],
  "line-chart": ["blueprint", "chartType"],
  "entities-number-chart": ["unit"],
  "iframe-widget": ["url", "urlType", "title"],
  markdown: ["title"],
  "team-info": ["team_name"],
  "recently-viewed-entities": ["title"],
  "recently-used-actions": ["title"],
  "my-entities": ["title"],
  "dashboard-widget": ["layout", "widgets"],
  grouper: ["displayMode", "groups"],
};

/** Keys a widget requires when one of its keys has one of some values (apispec.yaml `/schemas/dashboardWidget`: `if`/`then` and `oneOf`). */
const WIDGET_REQUIRED_WHEN: { type: string; key: string; values: unknown[]; required: string[] }[] = [
  { type: "entities-number-chart", key: "chartType", values: ["aggregateByProperty", "countEntities"], required: ["dataset"] },
  { type: "entities-number-chart", key: "chartType", values: ["displaySingleProperty"], required: ["property"] },
  { type: "entities-number-chart", key: "calculationBy", values: ["property"], required: ["property", "func"] },
  { type: "entities-number-chart", key: "calculationBy", values: ["entities"], required: ["func"] },
  { type: "entities-number-chart", key: "func", values: ["average"], required: ["averageOf"] },
  { type: "entities-number-chart", key: "unit", values: ["custom"], required: ["unitCustom"] },
  { type: "entities-number-chart", key: "displayFormatting", values: ["custom"], required: ["decimalPlaces"] },
  { type: "line-chart", key: "chartType", values: ["propertiesValueHistory"], required: ["entity", "properties"] },
  { type: "line-chart", key: "chartType", values: ["aggregatePropertiesValues"], required: ["func", "measureTimeBy", "properties"] },
  { type: "line-chart", key: "chartType", values: ["countEntities"], required: ["func", "measureTimeBy"] },
  { type: "iframe-widget", key: "urlType", values: ["protected"], required: ["tokenUrl", "authorizationUrl", "clientId", "scopes"] },
  // A markdown widget shows its own `markdown`, or an entity's property with `source: "property"`.
  { type: "markdown", key: "source", values: [undefined, "custom"], required: ["markdown"] },
  { type: "markdown", key: "source", values: ["property"], required: ["blueprintIdentifier", "propertyIdentifier", "entityIdentifier"] },
];

/** Enumerated values of the published widget schema that the emulator checks. */
const WIDGET_ENUMS: { type: string; key: string; values: string[] }[] = [
  { type: "grouper", key: "displayMode", values: ["tabs", "switch"] },
  { type: "line-chart", key: "chartType", values: ["propertiesValueHistory", "aggregatePropertiesValues", "countEntities"] },
  { type: "line-chart", key: "timeInterval", values: ["hour", "day", "isoWeek", "month", "quarter"] },
  { type: "entities-number-chart", key: "unit", values: ["none", "$", "€", "£", "%", "custom"] },
  { type: "entities-number-chart", key: "chartType", values: ["aggregateByProperty", "countEntities", "displaySingleProperty"] },
  { type: "table-entities-explorer", key: "displayMode", values: ["tabs", "single", "widget"] },
  { type: "iframe-widget", key: "urlType", values: ["public", "protected"] },
];

/** The home page's identifier, `$home` (assumption; see emulator/README.md). */
export const HOME_PAGE = "$home";

export function entityPageOf(blueprint: string): string {
  return `${blueprint}Entity`;
}

export interface PageCheckContext {
  blueprintExists(identifier: string): boolean;
}

function checkNullableString(problems: Problems, path: string, value: unknown): void {
  if (value !== null) checkString(problems, path, value);
}

function checkArray(problems: Problems, path: string, value: unknown): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  problems.add(path, `must be array (got ${jsonType(value)})`);
  return undefined;
}

/** A dashboard-widget's layout: rows of `{height, columns: [{id, size}]}` (apispec.yaml `/schemas/dashboardWidget`). */
function checkLayout(problems: Problems, path: string, value: unknown): void {
  checkArray(problems, path, value)?.forEach((row, r) => {
    const at = pointer(path, r);
    const object = checkObject(problems, at, row, true);
    if (!object) return;
    if (typeof object.height !== "number") problems.add(pointer(at, "height"), object.height === undefined ? "is required" : `must be number (got ${jsonType(object.height)})`);
    checkArray(problems, pointer(at, "columns"), object.columns ?? [])?.forEach((column, c) => {
      const columnAt = pointer(pointer(at, "columns"), c);
      const cell = checkObject(problems, columnAt, column, true);
      if (!cell) return;
      checkString(problems, pointer(columnAt, "id"), cell.id, { required: true });
      if (typeof cell.size !== "number") problems.add(pointer(columnAt, "size"), cell.size === undefined ? "is required" : `must be number (got ${jsonType(cell.size)})`);
    });
    if (object.columns === undefined) problems.add(pointer(at, "columns"), "is required");
  });
}

/** One widget, by Port's published widget schema; containers' widgets recursively. */
function checkWidget(problems: Problems, at: string, widget: Doc): void {
  if (!checkString(problems, pointer(at, "type"), widget.type, { required: true, allowed: Object.keys(WIDGET_REQUIRED) })) return;
  const type = widget.type as string;
  checkString(problems, pointer(at, "id"), widget.id);
  const required = new Set(WIDGET_REQUIRED[type]);
  for (const rule of WIDGET_REQUIRED_WHEN) if (rule.type === type && rule.values.includes(widget[rule.key])) rule.required.forEach((key) => required.add(key));
  for (const key of required) if (widget[key] === undefined) problems.add(pointer(at, key), "is required");
  for (const rule of WIDGET_ENUMS) if (rule.type === type) checkString(problems, pointer(at, rule.key), widget[rule.key], { allowed: rule.values });
  if (type === "dashboard-widget") {
    checkLayout(problems, pointer(at, "layout"), widget.layout);
    checkWidgets(problems, pointer(at, "widgets"), widget.widgets);
  }
  if (type === "grouper") {
    checkArray(problems, pointer(at, "groups"), widget.groups)?.forEach((group, g) => {
      const groupAt = pointer(pointer(at, "groups"), g);
      const object = checkObject(problems, groupAt, group, true);
      if (!object) return;
      checkString(problems, pointer(groupAt, "title"), object.title, { required: true });
      if (object.widgets === undefined) problems.add(pointer(groupAt, "widgets"), "is required");
      checkWidgets(problems, pointer(groupAt, "widgets"), object.widgets);
    });
  }
}

/** Widgets: an array of objects, each checked by {@link checkWidget}. */
function checkWidgets(problems: Problems, path: string, value: unknown): void {
  checkArray(problems, path, value)?.forEach((widget, index) => {
    const at = pointer(path, index);
    if (!isPlainObject(widget)) problems.add(at, `must be object (got ${jsonType(widget)})`);
    else checkWidget(problems, at, widget);
  });
}

function checkPageFilters(problems: Problems, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add("/pageFilters", `must be array (got ${jsonType(value)})`);
    return;
  }
  value.forEach((filter, index) => {
    const at = pointer("/pageFilters", index);
    const object = checkObject(problems, at, filter, true);
    if (!object) return;
    checkString(problems, pointer(at, "identifier"), object.identifier, { required: true, minLength: 1 });
    checkObject(problems, pointer(at, "query"), object.query, true);
  });
}

/** Throws a 422 listing every problem of a page body (the whole document, as stored after the write). */
export function validatePage(page: Doc, ctx: PageCheckContext): void {
  const problems = new Problems();
  checkString(problems, "/identifier", page.identifier, { required: true, minLength: 1 });
  checkString(problems, "/type", page.type, { required: true, allowed: PAGE_TYPES });
  for (const key of ["title", "icon", "description"]) checkString(problems, `/${key}`, page[key]);
  for (const key of ["parent", "after"]) checkNullableString(problems, `/${key}`, page[key]);
  checkBoolean(problems, "/locked", page.locked);
  if (page.type === "blueprint-entities" || page.type === "entity") {
    if (checkString(problems, "/blueprint", page.blueprint, { required: true, minLength: 1 }) && !ctx.blueprintExists(page.blueprint as string)) {
      problems.add("/blueprint", `must name an existing blueprint (got ${JSON.stringify(page.blueprint)})`);
    }
  }
  checkWidgets(problems, "/widgets", page.widgets);
  checkPageFilters(problems, page.pageFilters);
  problems.throwIfAny();
}

/**
 * The page as stored: server fields dropped, and an `id` given to every widget that has none
 * (Port addresses widgets by id; the id is assumed server-generated when missing).
 */
export function storedPage(page: Doc): Doc {
  const doc: Doc = { ...page };
  for (const field of META_FIELDS) delete doc[field];
  if (Array.isArray(doc.widgets)) doc.widgets = withWidgetIds(doc.widgets);
  return doc;
}

function withWidgetIds(widgets: unknown[]): unknown[] {
  return widgets.map((item) => {
    if (!isPlainObject(item)) return item;
    const widget: Doc = { ...item, id: item.id ?? randomUUID() };
    if (Array.isArray(widget.widgets)) widget.widgets = withWidgetIds(widget.widgets);
    if (Array.isArray(widget.groups)) {
      widget.groups = widget.groups.map((group) => (isPlainObject(group) && Array.isArray(group.widgets) ? { ...group, widgets: withWidgetIds(group.widgets) } : group));
    }
    return widget;
  });
}

/** The widget with `id` anywhere in the tree, with the list holding it. */
export function findWidget(widgets: unknown, id: string): { list: unknown[]; index: number } | undefined {
  if (!Array.isArray(widgets)) return undefined;
  for (let index = 0; index < widgets.length; index++) {
    const widget = widgets[index];
    if (!isPlainObject(widget)) continue;
    if (widget.id === id) return { list: widgets, index };
    const inside = findWidget(widget.widgets, id);
    if (inside) return inside;
    for (const group of Array.isArray(widget.groups) ? widget.groups : []) {
      const inGroup = isPlainObject(group) ? findWidget(group.widgets, id) : undefined;
      if (inGroup) return inGroup;
    }
  }
  return undefined;
}
