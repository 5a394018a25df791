/**
 * What the emulator checks in a page body (port-api.md §10). Port's page API is beta and its
 * schema is not published, so only the page's frame is checked: key types, the page `type`,
 * widgets being objects with a `type`. Widget contents (layout sums, chart companions, ...) are
 * accepted as sent: those rules are our components' job, and an emulator stricter than Port
 * would hide their mistakes.
 */
import { randomUUID } from "crypto";
import { checkBoolean, checkObject, checkString } from "./field-checks";
import { META_FIELDS } from "./port-vocabulary";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

type Doc = Record<string, unknown>;

/** Page types Port knows (port-api.md §10). */
export const PAGE_TYPES = ["blueprint-entities", "dashboard", "home", "entity"];

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

/** Widgets: an array of objects with a string `type`; containers' `widgets` and `groups[].widgets` likewise. */
function checkWidgets(problems: Problems, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add(path, `must be array (got ${jsonType(value)})`);
    return;
  }
  value.forEach((widget, index) => {
    const at = pointer(path, index);
    if (!isPlainObject(widget)) {
      problems.add(at, `must be object (got ${jsonType(widget)})`);
      return;
    }
    checkString(problems, pointer(at, "type"), widget.type, { required: true, minLength: 1 });
    checkString(problems, pointer(at, "id"), widget.id, { minLength: 1 });
    checkWidgets(problems, pointer(at, "widgets"), widget.widgets);
    if (widget.groups !== undefined) {
      if (!Array.isArray(widget.groups)) problems.add(pointer(at, "groups"), `must be array (got ${jsonType(widget.groups)})`);
      else widget.groups.forEach((group, g) => checkWidgets(problems, pointer(pointer(pointer(at, "groups"), g), "widgets"), isPlainObject(group) ? group.widgets : undefined));
    }
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
