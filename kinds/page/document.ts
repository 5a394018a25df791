import { canonical } from "../../core/providers/canonical-json";
import type { PortDocument } from "../../core/providers/document-logic";
import { PORT_META_FIELDS } from "../../core/providers/resource-logic";

/**
 * The normal form of a page for diffs: lists whose order Port does not show are sorted.
 *
 * Ordered (compared as written): layout rows and the columns of a row (their order is the
 * page's geometry), a page's top-level `widgets` (tabs on entity pages), grouper `groups`
 * (tab order) and the widgets of a group, a table's columns (`propertiesSettings.shown`),
 * sort and group keys, action card buttons, query rules.
 *
 * Unordered (sorted here): the `widgets` of a `dashboard-widget`, which its layout places by id,
 * so their order in the list is not shown anywhere; `pageFilters`, a set of filters keyed by
 * identifier; a table's `excludedFields`, a set of property names.
 *
 * Not compared: the meta fields Port's widget schema gives every widget (`createdAt`,
 * `createdBy`, `updatedAt`, `updatedBy`; apispec.yaml `/schemas/dashboardWidget`), which Port
 * writes and the code never does.
 */

/** Code-unit order, so the normal form does not depend on the machine's locale. */
const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
const keyOf = (item: unknown, key: string) => {
  const value = (item as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : JSON.stringify(canonical(item));
};
const sortedBy = (list: unknown[], key: string) => [...list].sort((a, b) => compare(keyOf(a, key), keyOf(b, key)));

function normalWidget(item: unknown): unknown {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
  const widget = { ...(item as PortDocument) };
  for (const field of PORT_META_FIELDS) delete widget[field];
  if (Array.isArray(widget.widgets)) {
    const children = widget.widgets.map(normalWidget);
    widget.widgets = widget.type === "dashboard-widget" ? sortedBy(children, "id") : children;
  }
  if (Array.isArray(widget.groups)) {
    widget.groups = widget.groups.map((group) => {
      const record = group as PortDocument;
      return Array.isArray(record?.widgets) ? { ...record, widgets: record.widgets.map(normalWidget) } : group;
    });
  }
  if (Array.isArray(widget.excludedFields)) widget.excludedFields = [...widget.excludedFields].map(String).sort(compare);
  return widget;
}

export function normalizePage(doc: PortDocument): PortDocument {
  const out: PortDocument = { ...doc };
  if (Array.isArray(doc.widgets)) out.widgets = doc.widgets.map(normalWidget);
  if (Array.isArray(doc.pageFilters)) out.pageFilters = sortedBy(doc.pageFilters, "identifier");
  return out;
}
