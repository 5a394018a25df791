import type { Code } from "../literal";
import type { ExportPlan, KindExporter } from "../plan";
import { DEFAULT_PAGE_PERMISSIONS } from "../../kinds/page-permissions/schema";
import { teamRef, userRef } from "./people";

type Doc = Record<string, any>;

/** The fields each kind of block takes (kinds/permissions/schema.ts, kinds/page-permissions/schema.ts). */
const ENTITY_FIELDS = ["users", "teams", "roles", "ownedByTeam"];
const READ_FIELDS = [...ENTITY_FIELDS, "policy"];
const EXECUTE_FIELDS = [...ENTITY_FIELDS, "policy"];
const APPROVE_FIELDS = ["users", "teams", "roles", "policy"];
const PAGE_FIELDS = ["users", "roles", "teams"];

const ENTITY_BLOCKS = ["read", "register", "update", "unregister"];
const KEYED_BLOCKS = ["updateProperties", "updateRelations"];

/**
 * One block as Port holds it, with its users and teams named by their variables where the export
 * declares them. A `null` policy is Port's way of saying none, which is what leaving it out says.
 */
function block(plan: ExportPlan, held: Doc, fields: string[]): Doc {
  const out: Doc = {};
  for (const field of fields) {
    const value = held[field];
    if (value === undefined || value === null) continue;
    if (field === "users" && Array.isArray(value)) out.users = value.map((email: string) => userRef(plan, email, "permissions"));
    else if (field === "teams" && Array.isArray(value)) out.teams = value.map((name: string) => teamRef(plan, name, "permissions"));
    else out[field] = value;
  }
  return out;
}

/**
 * The object under the first of `keys` the export declares, or undefined. Blueprint and action
 * permissions are exported only beside their object: a plain identifier of an object the program
 * does not declare fails the portal's check (Blueprint.existing and Action.existing are not
 * imported into the permissions file).
 */
function declared(plan: ExportPlan, keys: string[]): Code | undefined {
  for (const key of keys) {
    const ref = plan.ref(key, "permissions");
    if (ref) return ref;
  }
  return undefined;
}

/** Whether a page's permissions are Port's defaults for a new page (lists compared as sets). */
function isDefaultPagePermissions(held: Doc): boolean {
  const same = (group: Doc | undefined, wanted: Doc) => PAGE_FIELDS.every((list) => sameSet(group?.[list] ?? [], wanted[list]));
  return same(held.read, DEFAULT_PAGE_PERMISSIONS.read) && same(held.update, DEFAULT_PAGE_PERMISSIONS.update);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/**
 * The permissions Port holds for each exported blueprint, action and page: every block, so the
 * program states who may do what. The components manage exactly the blocks they declare and put
 * back what Port held when removed, so declaring Port's defaults too is harmless.
 */
export const exportPermissions: KindExporter = (org, plan, scope) => {
  for (const [identifier, permissions] of [...org.blueprintPermissions].sort(([a], [b]) => a.localeCompare(b))) {
    const blueprint = declared(plan, [`blueprint:${identifier}`]);
    if (blueprint === undefined) continue;
    const held = (permissions.entities ?? {}) as Doc;
    const entities: Doc = {};
    for (const name of ENTITY_BLOCKS) if (held[name]) entities[name] = block(plan, held[name], name === "read" ? READ_FIELDS : ENTITY_FIELDS);
    for (const map of KEYED_BLOCKS) {
      const keyed = Object.entries((held[map] ?? {}) as Doc).map(([key, value]) => [key, block(plan, value, ENTITY_FIELDS)]);
      if (keyed.length > 0) entities[map] = Object.fromEntries(keyed);
    }
    if (Object.keys(entities).length === 0) continue;
    plan.add({
      area: "permissions",
      component: "BlueprintPermissions",
      key: `blueprint-permissions:${identifier}`,
      name: `${identifier}-permissions`,
      args: { blueprint, entities },
    });
  }

  for (const [identifier, permissions] of [...org.actionPermissions].sort(([a], [b]) => a.localeCompare(b))) {
    const action = declared(plan, [`action:${identifier}`, `automation:${identifier}`]);
    if (action === undefined) continue;
    const args: Doc = { action };
    if (permissions.execute) args.execute = block(plan, permissions.execute as Doc, EXECUTE_FIELDS);
    if (permissions.approve) args.approve = block(plan, permissions.approve as Doc, APPROVE_FIELDS);
    if (!args.execute && !args.approve) continue; // the component refuses a document that declares neither
    plan.add({ area: "permissions", component: "ActionPermissions", key: `action-permissions:${identifier}`, name: `${identifier}-permissions`, args });
  }

  // Pages the export does not declare (Port's home, catalog and entity pages, or every page when pages are
  // not exported) are named by identifier, which the component takes for a page managed elsewhere; their
  // permissions are declared only where the org changed Port's defaults, else each blueprint would add two.
  const pageBlueprint = new Map(org.pages.map((p) => [String(p.identifier), typeof p.blueprint === "string" ? p.blueprint : undefined]));
  for (const [identifier, permissions] of [...org.pagePermissions].sort(([a], [b]) => a.localeCompare(b))) {
    const blueprint = pageBlueprint.get(identifier);
    const ref = plan.ref(`page:${identifier}`, "permissions");
    if (!ref && (isDefaultPagePermissions(permissions) || (blueprint !== undefined && scope.blueprints && !scope.blueprints.has(blueprint)))) continue;
    const args: Doc = { page: ref ?? identifier };
    for (const name of ["read", "update"]) if (permissions[name]) args[name] = block(plan, permissions[name] as Doc, PAGE_FIELDS);
    if (!args.read && !args.update) continue;
    plan.add({ area: "permissions", component: "PagePermissions", key: `page-permissions:${identifier}`, name: `${identifier}-permissions`, args });
  }
};
