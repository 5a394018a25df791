/**
 * /v1/pages/{page}/permissions (port-api.md §9): a singleton per page, `{read, update}`, each
 * `{users, roles, teams}`. It exists exactly when its page exists (created and removed by
 * page-routes.ts). PATCH replaces the lists it names and keeps the others, as Port documents.
 */
import { notFound } from "./api-error";
import { checkNames, roleExists, teamsOf, usersOf } from "./directory";
import { checkNoExtraKeys, checkObject } from "./field-checks";
import type { OrgStore, StoredObject } from "./org-store";
import type { Router } from "./router";
import { pointer, Problems, requireBodyObject } from "./validation-problems";

type Group = { users: string[]; roles: string[]; teams: string[] };
type PagePermissions = StoredObject & { read: Group; update: Group };

const COLLECTION = "page-permissions";
const PERMISSIONS = ["read", "update"] as const;
const LISTS = ["users", "roles", "teams"] as const;

/**
 * A new page's permissions: every member reads (Port's documented example); admins update
 * (assumption; see emulator/README.md); Port documents only that "usually" admins may update pages.
 */
export function defaultPagePermissions(): PagePermissions {
  return { read: { users: [], roles: ["Admin", "Member"], teams: [] }, update: { users: [], roles: ["Admin"], teams: [] } };
}

function permissions(store: OrgStore): Map<string, PagePermissions> {
  return store.collection<PagePermissions>(COLLECTION);
}

/** Called when a page appears. */
export function createPagePermissions(store: OrgStore, page: string): void {
  permissions(store).set(page, defaultPagePermissions());
}

/** Called when a page goes (deleted, or its blueprint was). */
export function dropPagePermissions(store: OrgStore, page: string): void {
  permissions(store).delete(page);
}

/** Called when an entity page follows its blueprint's rename. */
export function movePagePermissions(store: OrgStore, from: string, to: string): void {
  const held = permissions(store).get(from);
  permissions(store).delete(from);
  permissions(store).set(to, held ?? defaultPagePermissions());
}

function validatePatch(store: OrgStore, body: Record<string, unknown>): void {
  const problems = new Problems();
  checkNoExtraKeys(problems, "/", body, [...PERMISSIONS]);
  for (const permission of PERMISSIONS) {
    const group = checkObject(problems, `/${permission}`, body[permission]);
    if (!group) continue;
    checkNoExtraKeys(problems, `/${permission}`, group, [...LISTS]);
    for (const list of LISTS) {
      const value = group[list];
      const at = pointer(`/${permission}`, list);
      if (value === undefined) continue;
      // A role, team or user named must exist, as for blueprint and action permissions.
      if (list === "users") checkNames(problems, at, value, "user", (email) => usersOf(store).has(email));
      if (list === "teams") checkNames(problems, at, value, "team", (name) => teamsOf(store).has(name));
      if (list === "roles") checkNames(problems, at, value, "role", (role) => roleExists(store, role));
    }
  }
  problems.throwIfAny();
}

export function registerPagePermissionRoutes(router: Router, store: OrgStore): void {
  const held = (page: string): PagePermissions => {
    if (!store.collection("pages").has(page)) throw notFound("Page", page);
    // A page restored from an older state file may lack its singleton: it has the default then.
    const current = permissions(store).get(page) ?? defaultPagePermissions();
    permissions(store).set(page, current);
    return current;
  };

  router.add("GET", "/v1/pages/:page/permissions", ({ params }) => ({ body: { ok: true, permissions: held(params.page) } }));

  router.add("PATCH", "/v1/pages/:page/permissions", ({ params, body }) => {
    const patch = requireBodyObject(body);
    const current = held(params.page);
    validatePatch(store, patch);
    for (const permission of PERMISSIONS) {
      const group = patch[permission] as Partial<Group> | undefined;
      for (const list of LISTS) {
        if (group?.[list] !== undefined) current[permission][list] = [...group[list]];
      }
    }
    store.changed();
    return { body: { ok: true, permissions: current } };
  });
}
