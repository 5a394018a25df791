/**
 * /v1/pages (port-api.md §10, beta): list, read, create (answers `{ok, identifier}`), replace,
 * patch and delete pages, and patch or delete one widget by id. Pages live in the "pages"
 * collection keyed by identifier. Every org has the home page from the start; creating a
 * blueprint creates its entity page `<bp>Entity` and, unless `create_catalog_page=false`, its
 * catalog page `<bp>s`. Pages tied to a blueprint follow its renames and go with it.
 */
import { ApiError, identifierTaken, notFound } from "./api-error";
import { type Blueprint, type OrgStore, type StoredObject } from "./org-store";
import { createPagePermissions, dropPagePermissions, movePagePermissions, registerPagePermissionRoutes } from "./page-permission-routes";
import { HOME_PAGE, entityPageOf, findWidget, storedPage, validatePage } from "./page-validation";
import { booleanParams } from "./query-params";
import type { RequestContext, Router } from "./router";
import { isPlainObject, Problems, requireBodyObject } from "./validation-problems";

type Page = StoredObject & { identifier: string; type: string };

const COLLECTION = "pages";

/** Looked up per call: the store replaces its collections on reset and restore. */
function pages(store: OrgStore): Map<string, Page> {
  return store.collection<Page>(COLLECTION);
}

function getPage(store: OrgStore, identifier: string): Page {
  const page = pages(store).get(identifier);
  if (!page) throw notFound("Page", identifier);
  return page;
}

/** The home page every org starts with: a welcome text and the personal widgets. */
function homePage(): Page {
  const createdAt = "2024-01-01T00:00:00.000Z";
  return {
    identifier: HOME_PAGE,
    type: "home",
    title: "Home",
    icon: "Home",
    widgets: [
      {
        id: "homeDashboard",
        type: "dashboard-widget",
        layout: [
          { height: 400, columns: [{ id: "homeWelcome", size: 12 }] },
          {
            height: 400,
            columns: [
              { id: "homeMyEntities", size: 4 },
              { id: "homeRecentlyViewed", size: 4 },
              { id: "homeRecentActions", size: 4 },
            ],
          },
        ],
        widgets: [
          { id: "homeWelcome", type: "markdown", title: "Welcome", markdown: "# Welcome to your developer portal" },
          { id: "homeMyEntities", type: "my-entities", title: "My entities" },
          { id: "homeRecentlyViewed", type: "recently-viewed-entities", title: "Recently viewed" },
          { id: "homeRecentActions", type: "recently-used-actions", title: "Recently used actions" },
        ],
      },
    ],
    createdAt,
    createdBy: "port",
    updatedAt: createdAt,
    updatedBy: "port",
  };
}

/** The entity page Port creates with a blueprint: its related entities as tabs. */
function entityPage(blueprint: Blueprint): Page {
  const now = new Date().toISOString();
  const identifier = entityPageOf(blueprint.identifier);
  return {
    identifier,
    type: "entity",
    blueprint: blueprint.identifier,
    title: (blueprint.title as string | undefined) ?? blueprint.identifier,
    ...(blueprint.icon === undefined ? {} : { icon: blueprint.icon }),
    widgets: [{ id: `${identifier}RelatedEntities`, type: "table-entities-explorer-by-direction", displayMode: "tabs", blueprint: blueprint.identifier }],
    createdAt: now,
    createdBy: "port",
    updatedAt: now,
    updatedBy: "port",
  };
}

/**
 * The catalog page Port creates with a blueprint (docs customize-pages-dashboards-and-plugins/page/catalog-page.md):
 * type `blueprint-entities`, a table of the blueprint's entities. Its identifier is the blueprint's with
 * an "s" (Port's catalog URLs in the docs: `service` → app.getport.io/services); its title, the
 * blueprint's title with an "s", and its widget are assumptions: see emulator/README.md.
 */
function catalogPage(blueprint: Blueprint): Page {
  const now = new Date().toISOString();
  const identifier = catalogPageOf(blueprint.identifier);
  return {
    identifier,
    type: "blueprint-entities",
    blueprint: blueprint.identifier,
    title: `${(blueprint.title as string | undefined) ?? blueprint.identifier}s`,
    ...(blueprint.icon === undefined ? {} : { icon: blueprint.icon }),
    widgets: [
      {
        id: `${identifier}Table`,
        type: "table-entities-explorer",
        blueprint: blueprint.identifier,
        dataset: { combinator: "and", rules: [{ property: "$blueprint", operator: "=", value: "{{blueprint}}" }] },
      },
    ],
    createdAt: now,
    createdBy: "port",
    updatedAt: now,
    updatedBy: "port",
  };
}

function catalogPageOf(blueprint: string): string {
  return `${blueprint}s`;
}

/** Adds a page Port creates itself, unless a page has its identifier already (then Port's is not made: assumption; see emulator/README.md). */
function addGeneratedPage(store: OrgStore, page: Page): void {
  if (pages(store).has(page.identifier)) return;
  pages(store).set(page.identifier, page);
  createPagePermissions(store, page.identifier);
}

/** In a page tied to a renamed blueprint, the blueprint named at the top and in its widgets follows (assumption; see emulator/README.md). */
function followRename(node: unknown, from: string, to: string): void {
  if (Array.isArray(node)) node.forEach((item) => followRename(item, from, to));
  if (!isPlainObject(node)) return;
  if (node.blueprint === from) node.blueprint = to;
  followRename(node.widgets, from, to);
  if (Array.isArray(node.groups)) node.groups.forEach((group) => isPlainObject(group) && followRename(group.widgets, from, to));
}

function refuseType(type: unknown): void {
  const problems = new Problems();
  if (type === "home") problems.add("/type", `must not be "home": the organization's home page exists already; update "${HOME_PAGE}" instead`);
  if (type === "entity") problems.add("/type", `must not be "entity": entity pages are created with their blueprint; update "<blueprint>Entity" instead`);
  problems.throwIfAny();
}

/** PUT semantics: the body replaces the page; the identifier and the type cannot change (assumption). */
function replacePage(store: OrgStore, { params, clientId }: RequestContext, body: Record<string, unknown>): Page {
  const existing = getPage(store, params.id);
  const problems = new Problems();
  if (body.identifier !== undefined && body.identifier !== existing.identifier) problems.add("/identifier", `must be "${existing.identifier}" (pages cannot be renamed)`);
  if (body.type !== undefined && body.type !== existing.type) problems.add("/type", `must be "${existing.type}" (a page keeps its type)`);
  problems.throwIfAny();
  const doc: Page = { ...storedPage(body), identifier: existing.identifier, type: existing.type };
  if (existing.type === "entity") doc.blueprint = existing.blueprint;
  validatePage(doc, { blueprintExists: (id) => store.blueprints.has(id) });
  const page: Page = { ...doc, createdAt: existing.createdAt, createdBy: existing.createdBy, updatedAt: new Date().toISOString(), updatedBy: clientId };
  pages(store).set(page.identifier, page);
  store.changed();
  return page;
}

const COMPACT_KEYS = ["identifier", "type", "title", "icon", "parent", "after", "blueprint"];

export function registerPageRoutes(router: Router, store: OrgStore): void {
  store.seed(() => {
    pages(store).set(HOME_PAGE, homePage());
    createPagePermissions(store, HOME_PAGE);
  });

  store.onBlueprint({
    created: (blueprint, { createCatalogPage }) => {
      addGeneratedPage(store, entityPage(blueprint));
      if (createCatalogPage) addGeneratedPage(store, catalogPage(blueprint));
    },
    // The entity page takes the new identifier; other pages keep theirs (assumption; see emulator/README.md).
    renamed: (from, to) => {
      for (const page of pages(store).values()) if (page.blueprint === from) followRename(page, from, to);
      const page = pages(store).get(entityPageOf(from));
      if (!page) return;
      pages(store).delete(page.identifier);
      pages(store).set(entityPageOf(to), { ...page, identifier: entityPageOf(to) });
      movePagePermissions(store, entityPageOf(from), entityPageOf(to));
    },
    // "All pages tied to that blueprint (including the default page that was created for it) will be
    // deleted as well" (docs customize-pages-dashboards-and-plugins/page/catalog-page.md).
    deleted: (identifier) => {
      for (const page of [...pages(store).values()]) {
        if (page.blueprint !== identifier) continue;
        pages(store).delete(page.identifier);
        dropPagePermissions(store, page.identifier);
      }
    },
  });

  // apispec.yaml: GET /v1/pages has a required `compact` query parameter with default false. Port's server
  // fills in a missing parameter's default before checking it (a Fastify route schema: "Default Response" in
  // the spec), so an absent `compact` reads as false (assumption; see emulator/README.md).
  router.add("GET", "/v1/pages", ({ query }) => {
    const { compact } = booleanParams(query, ["compact"]);
    const all = [...pages(store).values()];
    const listed = compact ? all.map((page) => Object.fromEntries(COMPACT_KEYS.filter((key) => key in page).map((key) => [key, page[key]]))) : all;
    return { body: { ok: true, pages: listed } };
  });

  router.add("GET", "/v1/pages/:id", ({ params }) => ({ body: { ok: true, page: getPage(store, params.id) } }));

  // Port answers `{ok, identifier}`, not the page (port-api.md §10); 200 (assumption; see emulator/README.md).
  router.add("POST", "/v1/pages", ({ body, clientId }) => {
    const doc = storedPage(requireBodyObject(body));
    refuseType(doc.type);
    validatePage(doc, { blueprintExists: (id) => store.blueprints.has(id) });
    const identifier = doc.identifier as string;
    if (pages(store).has(identifier)) throw identifierTaken("Page", identifier);
    const now = new Date().toISOString();
    pages(store).set(identifier, { ...doc, identifier, type: doc.type as string, createdAt: now, createdBy: clientId, updatedAt: now, updatedBy: clientId });
    createPagePermissions(store, identifier);
    store.changed();
    return { body: { ok: true, identifier } };
  });

  router.add("PUT", "/v1/pages/:id", (ctx) => ({ body: { ok: true, page: replacePage(store, ctx, requireBodyObject(ctx.body)) } }));

  // PATCH merges top-level keys (e.g. `{locked: true}`), then stores the result as a PUT would.
  router.add("PATCH", "/v1/pages/:id", (ctx) => {
    const existing = getPage(store, ctx.params.id);
    return { body: { ok: true, page: replacePage(store, ctx, { ...existing, ...requireBodyObject(ctx.body) }) } };
  });

  // The home page and entity pages cannot be deleted: they go with their blueprint (assumption; see emulator/README.md).
  router.add("DELETE", "/v1/pages/:id", ({ params }) => {
    const page = getPage(store, params.id);
    if (page.type === "home") throw new ApiError(422, "page_not_deletable", "The home page cannot be deleted; update it instead", { page: page.identifier });
    if (page.type === "entity") {
      throw new ApiError(422, "page_not_deletable", `Entity page "${page.identifier}" is deleted with its blueprint "${String(page.blueprint)}"`, { page: page.identifier });
    }
    pages(store).delete(page.identifier);
    dropPagePermissions(store, page.identifier);
    store.changed();
    return { body: { ok: true } };
  });

  // Port answers `{ok, identifier}` (port-api.md §10): the page's identifier (assumption; see emulator/README.md).
  router.add("PATCH", "/v1/pages/:id/widgets/:widget", ({ params, body, clientId }) => {
    const page = structuredClone(getPage(store, params.id));
    const found = findWidget(page.widgets, params.widget);
    if (!found) throw notFound("Widget", params.widget, "id");
    const patch = requireBodyObject(body);
    found.list[found.index] = { ...(found.list[found.index] as Record<string, unknown>), ...patch, id: params.widget };
    validatePage(page, { blueprintExists: (id) => store.blueprints.has(id) });
    pages(store).set(page.identifier, { ...page, updatedAt: new Date().toISOString(), updatedBy: clientId });
    store.changed();
    return { body: { ok: true, identifier: page.identifier } };
  });

  router.add("DELETE", "/v1/pages/:id/widgets/:widget", ({ params, clientId }) => {
    const page = getPage(store, params.id);
    const found = findWidget(page.widgets, params.widget);
    if (!found || !isPlainObject(found.list[found.index])) throw notFound("Widget", params.widget, "id");
    found.list.splice(found.index, 1);
    Object.assign(page, { updatedAt: new Date().toISOString(), updatedBy: clientId });
    store.changed();
    return { body: { ok: true } };
  });

  registerPagePermissionRoutes(router, store);
}
