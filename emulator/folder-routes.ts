/**
 * The catalog sidebar and its folders (port-api.md §11, beta; not in Port's OpenAPI spec):
 * GET /v1/sidebars/catalog lists folders and pages; folders are created, patched and deleted
 * under /v1/sidebars/catalog/folders. Folders live in the "folders" collection keyed by identifier.
 *
 * Assumptions (listed in emulator/README.md): a folder's parent must be an existing folder and nesting stops at
 * 3 levels (Port's docs say so); a missing identifier is made from the title in snake_case
 * (as Port's UI does); a folder that still holds folders or pages cannot be deleted (422
 * `has_dependents`); `null` in a PATCH clears `parent` or `after`.
 */
import { ApiError, identifierTaken, notFound } from "./api-error";
import { checkNoExtraKeys, checkString } from "./field-checks";
import type { OrgStore, StoredObject } from "./org-store";
import type { RequestContext, Router } from "./router";
import { Problems, requireBodyObject } from "./validation-problems";

type Folder = StoredObject & { identifier: string };

const COLLECTION = "folders";
const SIDEBAR = "catalog";
const FOLDER_KEYS = ["identifier", "title", "parent", "after", "sidebar", "sidebarType"];
const MAX_DEPTH = 3;

function folders(store: OrgStore): Map<string, Folder> {
  return store.collection<Folder>(COLLECTION);
}

function getFolder(store: OrgStore, identifier: string): Folder {
  const folder = folders(store).get(identifier);
  if (!folder) throw notFound("Folder", identifier);
  return folder;
}

function snakeCase(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}0-9]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}

/** Levels from the top of the sidebar to `identifier` (a top-level folder is 1), or undefined on a cycle. */
function depthOf(identifier: string, parentOf: (id: string) => unknown): number | undefined {
  let depth = 1;
  const seen = new Set([identifier]);
  for (let parent = parentOf(identifier); typeof parent === "string"; parent = parentOf(parent)) {
    if (seen.has(parent)) return undefined;
    seen.add(parent);
    depth++;
  }
  return depth;
}

/** What the folder would be after the write; throws a 422 listing every problem. */
function validateFolder(store: OrgStore, folder: Folder): void {
  const problems = new Problems();
  checkNoExtraKeys(problems, "/", folder, FOLDER_KEYS);
  checkString(problems, "/identifier", folder.identifier, { required: true, minLength: 1 });
  checkString(problems, "/title", folder.title);
  for (const key of ["parent", "after"]) if (folder[key] !== null) checkString(problems, `/${key}`, folder[key]);
  if (typeof folder.parent === "string") {
    if (!folders(store).has(folder.parent)) {
      problems.add("/parent", `must be an existing folder (got ${JSON.stringify(folder.parent)})`);
    } else {
      const parentOf = (id: string) => (id === folder.identifier ? folder.parent : folders(store).get(id)?.parent);
      const depth = depthOf(folder.identifier, parentOf);
      const below = deepestBelow(store, folder.identifier);
      if (depth === undefined) problems.add("/parent", `must not be the folder itself or a folder inside it (got ${JSON.stringify(folder.parent)})`);
      else if (depth + below > MAX_DEPTH) problems.add("/parent", `nests folders ${depth + below} levels deep; at most ${MAX_DEPTH} are allowed`);
    }
  }
  problems.throwIfAny();
}

/** How many levels of folders are inside `identifier`. */
function deepestBelow(store: OrgStore, identifier: string): number {
  const children = [...folders(store).values()].filter((folder) => folder.parent === identifier);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((child) => deepestBelow(store, child.identifier)));
}

function asSidebarItem(folder: Folder): Folder {
  return { ...folder, sidebar: SIDEBAR, sidebarType: "folder" };
}

function requireCatalog(ctx: RequestContext): void {
  if (ctx.params.sidebar !== SIDEBAR) throw notFound("Sidebar", ctx.params.sidebar);
}

/** A folder body: the sidebar's own keys are accepted (clients echo them) but not stored. */
function folderFrom(body: Record<string, unknown>): Folder {
  const { sidebar: _sidebar, sidebarType: _type, ...folder } = body;
  return folder as Folder;
}

export function registerFolderRoutes(router: Router, store: OrgStore): void {
  router.add("GET", "/v1/sidebars/:sidebar", (ctx) => {
    requireCatalog(ctx);
    const pages = [...store.collection("pages").values()]
      .filter((page) => page.type === "dashboard" || page.type === "blueprint-entities")
      .map((page) => ({ identifier: page.identifier, title: page.title, parent: page.parent, after: page.after, sidebar: SIDEBAR, sidebarType: "page" }));
    return { body: { ok: true, sidebar: { identifier: SIDEBAR, items: [...[...folders(store).values()].map(asSidebarItem), ...pages] } } };
  });

  router.add("POST", "/v1/sidebars/:sidebar/folders", (ctx) => {
    requireCatalog(ctx);
    const body = folderFrom(requireBodyObject(ctx.body));
    if (body.identifier === undefined && typeof body.title === "string") body.identifier = snakeCase(body.title);
    for (const key of ["parent", "after"]) if (body[key] === null) delete body[key];
    validateFolder(store, body);
    if (folders(store).has(body.identifier)) throw identifierTaken("Folder", body.identifier);
    folders(store).set(body.identifier, body);
    store.changed();
    return { body: { ok: true, folder: asSidebarItem(body) } };
  });

  router.add("PATCH", "/v1/sidebars/:sidebar/folders/:id", (ctx) => {
    requireCatalog(ctx);
    const existing = getFolder(store, ctx.params.id);
    const patch = folderFrom(requireBodyObject(ctx.body));
    if (patch.identifier !== undefined && patch.identifier !== existing.identifier) {
      throw new ApiError(422, "invalid_request", `/identifier must be "${existing.identifier}" (folders cannot be renamed)`);
    }
    const merged: Folder = { ...existing, ...patch, identifier: existing.identifier };
    for (const key of ["parent", "after"]) if (merged[key] === null) delete merged[key];
    validateFolder(store, merged);
    folders(store).set(merged.identifier, merged);
    store.changed();
    return { body: { ok: true, folder: asSidebarItem(merged) } };
  });

  router.add("DELETE", "/v1/sidebars/:sidebar/folders/:id", (ctx) => {
    requireCatalog(ctx);
    const folder = getFolder(store, ctx.params.id);
    const children = [
      ...[...folders(store).values()].filter((f) => f.parent === folder.identifier).map((f) => `folder ${f.identifier}`),
      ...[...store.collection("pages").values()].filter((p) => p.parent === folder.identifier).map((p) => `page ${String(p.identifier)}`),
    ];
    if (children.length > 0) {
      throw new ApiError(422, "has_dependents", `Folder "${folder.identifier}" cannot be deleted because it holds ${children.join(", ")}`, { folder: folder.identifier, children });
    }
    folders(store).delete(folder.identifier);
    store.changed();
    return { body: { ok: true } };
  });
}
