import type { Code } from "../literal";
import type { ExportPlan, KindExporter } from "../plan";
import { pickKeys } from "../plan";
import { isSystemBlueprint } from "./blueprints";
import { dependenciesFirst } from "../order";

/** The page keys every Dashboard takes besides its placement (the page content of kinds/page/schema.ts), in the order a person writes them. */
const CONTENT_KEYS = ["title", "icon", "description", "locked", "protected", "showInSidebar", "requiredQueryParams", "section", "visibility", "pageFilters", "widgets"] as const;

/** Fields Port writes on every widget (kinds/page/document.ts does not compare them); the code never sets them. */
const WIDGET_META = ["createdAt", "createdBy", "updatedAt", "updatedBy"];

type Doc = Record<string, any>;

/** A sidebar sibling (folder or page) by variable when declared already, else by identifier. */
const sidebarRef = (plan: ExportPlan, identifier: string): Code | string => plan.ref(`folder:${identifier}`, "pages") ?? plan.ref(`page:${identifier}`, "pages") ?? identifier;

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The catalog sidebar's folders, each after its parent and the sibling it follows; placement is set only where Port holds one. */
export const exportFolders: KindExporter = (org, plan) => {
  const folders = (org.sidebar?.items ?? []).filter((item) => item.sidebarType === "folder") as Doc[];
  for (const folder of dependenciesFirst(folders, (f) => [text(f.parent), text(f.after)])) {
    const args: Doc = { identifier: folder.identifier };
    if (text(folder.title)) args.title = folder.title;
    if (text(folder.parent)) args.parent = plan.ref(`folder:${folder.parent}`, "pages") ?? folder.parent;
    if (text(folder.after)) args.after = sidebarRef(plan, folder.after);
    plan.add({ area: "pages", component: "Folder", key: `folder:${folder.identifier}`, name: String(folder.identifier), args });
  }
};

/** Widgets without the fields Port writes on them, containers' children included. */
function withoutWidgetMeta(widgets: unknown): unknown {
  if (!Array.isArray(widgets)) return widgets;
  return widgets.map((item) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const widget: Doc = Object.fromEntries(Object.entries(item).filter(([key]) => !WIDGET_META.includes(key)));
    if (Array.isArray(widget.widgets)) widget.widgets = withoutWidgetMeta(widget.widgets);
    if (Array.isArray(widget.groups))
      widget.groups = widget.groups.map((group: Doc) => (group && Array.isArray(group.widgets) ? { ...group, widgets: withoutWidgetMeta(group.widgets) } : group));
    return widget;
  });
}

/**
 * Every `blueprint` (of a widget, a page filter's query, a query rule) naming an exported blueprint
 * becomes its variable: the Dashboard takes a `Blueprint` at any `blueprint` key (kinds/page/widget-refs.ts).
 * Others (Port's `_user`, blueprints left out of the export, `"{{blueprint}}"`) stay identifiers.
 */
function withBlueprintRefs(value: unknown, plan: ExportPlan): unknown {
  if (Array.isArray(value)) return value.map((item) => withBlueprintRefs(item, plan));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === "blueprint" && typeof child === "string" ? (plan.ref(`blueprint:${child}`, "pages") ?? child) : withBlueprintRefs(child, plan),
    ]),
  );
}

/** Whether someone changed a page since Port made it. */
const customized = (page: Doc) => page.updatedAt !== page.createdAt || page.updatedBy !== page.createdBy;

/**
 * Which pages are declared, and how:
 * - dashboards, and catalog (`blueprint-entities`) pages someone made: created by the Dashboard, so declared;
 * - the catalog page Port makes with each blueprint (`<blueprint>s`): not declared; Port makes it again
 *   with the blueprint, so declaring it would only repeat Port's default;
 * - the home page and entity pages (`<blueprint>Entity`): Port makes them, the Dashboard adopts them;
 *   declared only when changed since Port made them (`updatedAt`/`updatedBy` differ from `createdAt`/`createdBy`);
 * - Port's built-in pages (other page types, `$` identifiers, pages of Port's `_` blueprints): not
 *   declared, the Dashboard cannot express them.
 * Pages tied to a blueprint follow the blueprint scope; dashboards are always exported.
 */
function declaredAs(page: Doc, scope: { blueprints?: Set<string> }): "created" | "adopted" | undefined {
  const identifier = String(page.identifier);
  const blueprint = typeof page.blueprint === "string" ? page.blueprint : undefined;
  if (blueprint !== undefined && (isSystemBlueprint(blueprint) || (scope.blueprints && !scope.blueprints.has(blueprint)))) return undefined;
  if (page.type === "home") return customized(page) ? "adopted" : undefined;
  if (identifier.startsWith("$")) return undefined;
  if (page.type === "dashboard") return "created";
  if (page.type === "blueprint-entities") return blueprint !== undefined && identifier !== `${blueprint}s` ? "created" : undefined;
  if (page.type === "entity") return blueprint !== undefined && customized(page) ? "adopted" : undefined;
  return undefined;
}

/**
 * Dashboards and pages, with their widgets and filters as Port holds them, widget blueprints by
 * variable, and their place in the sidebar (folder and sibling) as the page holds it.
 */
export const exportPages: KindExporter = (org, plan, scope) => {
  const pages = (org.pages as Doc[]).filter((page) => declaredAs(page, scope) !== undefined);
  for (const page of dependenciesFirst(pages, (p) => [text(p.after)])) {
    const content = pickKeys(page, CONTENT_KEYS);
    if (content.widgets !== undefined) content.widgets = withoutWidgetMeta(content.widgets);
    const blueprint = page.blueprint === undefined ? undefined : (plan.ref(`blueprint:${page.blueprint}`, "pages") ?? page.blueprint);
    let head: Doc;
    let name = String(page.identifier);
    if (page.type === "home") {
      head = { page: { type: "home" } };
      name = "home";
    } else if (page.type === "entity") {
      head = { page: { type: "entity", blueprint } };
    } else {
      const place: Doc = { type: page.type };
      if (page.type === "blueprint-entities") place.blueprint = blueprint;
      if (text(page.parent)) place.folder = plan.ref(`folder:${page.parent}`, "pages") ?? page.parent;
      if (text(page.after)) place.after = sidebarRef(plan, page.after);
      head = { identifier: page.identifier, page: place };
    }
    const comment = declaredAs(page, scope) === "adopted" ? `Port made this page; it was changed since, so the Dashboard adopts it as it is now.` : undefined;
    plan.add({ area: "pages", component: "Dashboard", key: `page:${page.identifier}`, name, args: { ...head, ...(withBlueprintRefs(content, plan) as Doc) }, comment });
  }
};
