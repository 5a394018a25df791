/**
 * A Port page as typed data (port-api.md §10): a `dashboard` or a `blueprint-entities` catalog
 * page (placed in the sidebar by `parent` folder and `after` sibling), the organization's `home`
 * page (exists already; it can be customized but not created or deleted), or the `entity` page of
 * a blueprint (`<blueprint>Entity`, created by Port with the blueprint). The page types are the
 * Terraform provider's (port/page/schema.go). Port publishes no schema of the page itself: the
 * keys the Terraform provider models and those Port's integrations ship are typed, any other key is
 * kept (openObject in core/schemas/closed.ts), because Port stores keys it does not publish: its own
 * integrations ship pages with `protected`, `showInSidebar`, `section`, ...; its docs show widget keys
 * its published widget schema lacks, and Port calls its widget validation work in progress. A key one
 * edit away from a typed one is still reported as a typo. The parsed value is the JSON Port stores,
 * so it can be sent as is.
 */
import { z } from "zod";
import { asRecord, closedUnion, crossCheck, openObject, type CrossCheckProblem } from "../../core/schemas/closed";
import { EntityQueryCombinator, EntityQueryRules } from "../../core/schemas/entity-query";
import { BlueprintIdentifier } from "../../core/schemas/identifiers";
import { showValue } from "../../core/schemas/messages";
import { PERSONAL_WIDGET_TYPES } from "./widget-common-schema";
import { Widget, allWidgets } from "./widgets-schema";

type Report = (problem: CrossCheckProblem) => void;

/** The home page's identifier. Port's sources name the page type, not its identifier: `$home` is an assumption (see emulator/README.md). */
export const HOME_PAGE_IDENTIFIER = "$home";

/** The identifier Port gives a blueprint's entity page. */
export function entityPageIdentifier(blueprint: string): string {
  return `${blueprint}Entity`;
}

/**
 * Identifiers of pages and sidebar folders. Port publishes no pattern for them (an assumption, see emulator/README.md);
 * this one is the action pattern: letters, digits and `@ _ . + : = -`, no spaces or slashes,
 * not `.` or `..`. A leading `$` is Port's (e.g. `$home`).
 */
const PAGE_IDENTIFIER = /^(?!\.{1,2}$)[\p{L}0-9@_.+:=-]+$/u;

function sanitized(value: string, example: string): string {
  const out = value.trim().replace(/[^\p{L}0-9@_.+:=-]+/gu, "_");
  return out === "" || out === "." || out === ".." ? example : out;
}

/** A page or folder identifier; see {@link PAGE_IDENTIFIER}. */
export function pageIdentifierSchema(what: "page" | "folder") {
  return z.string().superRefine((value, ctx) => {
    if (PAGE_IDENTIFIER.test(value)) return;
    const example = what === "page" ? "my_dashboard" : "my_folder";
    const problem = value === "" ? `it is empty: use an identifier such as "${example}"` : `${showValue(value)} is not allowed: use ${showValue(sanitized(value, example))}`;
    ctx.addIssue({ code: "custom", input: value, message: `must be letters, digits and @ _ . + : = - (no spaces or slashes) for a ${what} identifier; ${problem}.` });
  });
}

/** A dashboard page's (or folder's) identifier. */
export const PageIdentifier = pageIdentifierSchema("page");

// ---------------------------------------------------------------------------------------------
// Page filters

/** A page filter's query: Port's entity query, and the blueprint whose entities it filters. */
export const PageFilterQuery = openObject("a page filter query", {
  /** The blueprint the filter applies to; widgets of this page showing that blueprint are filtered. Omitted: a filter on meta-properties (`$team`, `$title`, `$identifier`), applied to every blueprint of the page. */
  blueprint: BlueprintIdentifier.optional(),
  /** `and`: every rule must match; `or`: at least one must. */
  combinator: EntityQueryCombinator,
  /** The rules (the same query language as everywhere else; `{context, property}` values make them dynamic). */
  rules: EntityQueryRules,
});

/** A dashboard-level filter, applied to the page's number, pie, line and table widgets. */
export const PageFilter = openObject("a page filter", {
  /** Unique within the page. */
  identifier: z.string().min(1),
  /** Shown in the page's filter bar. */
  title: z.string().optional(),
  /** What the filter keeps; see {@link PageFilterQuery}. */
  query: PageFilterQuery,
});
export type PageFilter = z.output<typeof PageFilter>;

// ---------------------------------------------------------------------------------------------
// Pages

/** Keys every page type has. Widgets and page filters left out of a spec are kept as Port holds them. */
const pageContent = {
  /** Shown in the sidebar and above the page. Omitted: Port's title is kept (home and entity pages) or none. */
  title: z.string().optional(),
  /** An icon name from Port's icon list, e.g. `"Apps"`. */
  icon: z.string().optional(),
  /** Shown under the title (Markdown links allowed). */
  description: z.string().optional(),
  /** When true, viewers cannot change the widgets' filters and hidden columns. Omitted: Port's default (unlocked). */
  locked: z.boolean().optional(),
  /** The page's widgets: a dashboard's one `dashboard-widget` holding the layout; an entity page's tabs. */
  widgets: z.array(Widget).optional(),
  /** Dashboard-level filters; a set (order is not significant). */
  pageFilters: z.array(PageFilter).optional(),
  /** Kept by Port on every page; Port's integrations ship `false` for their dashboards. */
  protected: z.boolean().optional(),
  /** Whether the page is listed in the sidebar; Port's integrations ship `true` for their dashboards. */
  showInSidebar: z.boolean().optional(),
  /** URL query parameters the page needs (an entity page's `identifier`); Port's integrations ship `[]` for dashboards. */
  requiredQueryParams: z.array(z.string()).optional(),
  /** The part of Port's app the page belongs to, e.g. `"software_catalog"`. */
  section: z.string().optional(),
  /** Kept by Port on pages; its values are not published, so it is passed as is. */
  visibility: z.unknown().optional(),
};

/** Where a dashboard or catalog page sits in the sidebar. */
const sidebarPlace = {
  /** The sidebar folder holding the page. Omitted: the sidebar's top level. */
  parent: pageIdentifierSchema("folder").optional(),
  /** The sibling (page or folder) this page comes after in the sidebar. Omitted: first. */
  after: z.string().min(1).optional(),
};

/** A dashboard page of the software catalog. */
export const DashboardPageSpec = openObject("a dashboard page", {
  /** Unique among pages; changing it replaces the page. */
  identifier: PageIdentifier,
  /** `"dashboard"`. */
  type: z.literal("dashboard"),
  ...pageContent,
  ...sidebarPlace,
});

/** A catalog page: the table of a blueprint's entities (Port makes one per blueprint; more can be made). */
export const CatalogPageSpec = openObject("a catalog page", {
  /** Unique among pages; changing it replaces the page. */
  identifier: PageIdentifier,
  /** `"blueprint-entities"`. */
  type: z.literal("blueprint-entities"),
  /** The blueprint whose entities the page lists; `"{{blueprint}}"` in its widgets stands for it. */
  blueprint: BlueprintIdentifier,
  ...pageContent,
  ...sidebarPlace,
});

/** The organization's home page (`$home`): customized, never created or deleted. */
export const HomePageSpec = openObject("the home page", {
  /** Always {@link HOME_PAGE_IDENTIFIER}. */
  identifier: z.literal(HOME_PAGE_IDENTIFIER, {
    error: (issue) => `${showValue(issue.input)} is not the home page; the home page's identifier is "${HOME_PAGE_IDENTIFIER}". Fix the identifier.`,
  }),
  /** `"home"`. */
  type: z.literal("home"),
  ...pageContent,
});

/** The entity page of a blueprint (`<blueprint>Entity`): created by Port with the blueprint, customized here. */
export const EntityPageSpec = openObject("an entity page", {
  /** Always `<blueprint>Entity`. */
  identifier: z.string().min(1),
  /** `"entity"`. */
  type: z.literal("entity"),
  /** The blueprint whose entities the page shows. */
  blueprint: BlueprintIdentifier,
  ...pageContent,
});

/** Page-wide rules: the entity page's name, unique widget ids, personal widgets on the home page only, unique filters. */
function checkPage(input: unknown, report: Report): void {
  const page = asRecord(input);
  if (page === undefined) return;
  if (page.type === "entity" && typeof page.blueprint === "string" && typeof page.identifier === "string") {
    const expected = entityPageIdentifier(page.blueprint);
    if (page.identifier !== expected) {
      report({
        path: ["identifier"],
        input: page.identifier,
        message: `${showValue(page.identifier)} is not the entity page of blueprint ${showValue(page.blueprint)}; Port names entity pages "<blueprint>Entity". Use ${showValue(expected)}.`,
      });
    }
  }
  const seen = new Map<string, string>();
  for (const { widget, path } of allWidgets(page.widgets, ["widgets"])) {
    const where = path
      .map((step) => (typeof step === "number" ? `[${step}]` : `.${String(step)}`))
      .join("")
      .slice(1);
    if (typeof widget.id === "string") {
      const earlier = seen.get(widget.id);
      if (earlier !== undefined) {
        report({
          path: [...path, "id"],
          input: widget.id,
          message: `${showValue(widget.id)} is also the id of ${earlier}; widget ids are unique within a page. Rename one of them.`,
        });
      } else {
        seen.set(widget.id, where);
      }
    }
    if (page.type !== "home" && (PERSONAL_WIDGET_TYPES as readonly unknown[]).includes(widget.type)) {
      report({
        path: [...path, "type"],
        input: widget.type,
        message: `${showValue(widget.type)} is a personal widget, which Port shows on the home page only (this is a ${String(page.type)} page). Move it to the home page, or remove it.`,
      });
    }
  }
  const filters = new Set<unknown>();
  (Array.isArray(page.pageFilters) ? page.pageFilters : []).forEach((filter, index) => {
    const identifier = asRecord(filter)?.identifier;
    if (filters.has(identifier)) {
      report({
        path: ["pageFilters", index, "identifier"],
        input: identifier,
        message: `${showValue(identifier)} is used by two page filters. Give each filter its own identifier.`,
      });
    }
    filters.add(identifier);
  });
}

/** A page: `type` picks {@link DashboardPageSpec}, {@link CatalogPageSpec}, {@link HomePageSpec} or {@link EntityPageSpec}. */
export const PageSpec = closedUnion("type", [DashboardPageSpec, CatalogPageSpec, HomePageSpec, EntityPageSpec], { noun: "a page type", field: "type" }).check(
  crossCheck(checkPage),
);
export type PageSpec = z.output<typeof PageSpec>;
export type PageSpecInput = z.input<typeof PageSpec>;
