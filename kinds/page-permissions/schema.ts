/**
 * Who may read and update a page (port-api.md §9): `{read, update}`, each naming users (emails),
 * roles (`Admin`, `Member`, `<blueprint>-moderator`, ...) and teams (by name). Whether those
 * teams and roles exist is checked where teams and roles are managed, not here.
 */
import { z } from "zod";
import { closedObject } from "../../core/schemas/closed";
import { TeamName } from "../../core/schemas/identifiers";
import { PortRole, UserEmail } from "../user/schema";

/**
 * One permission: who holds it. A list left out is empty: a group declared in code is managed
 * whole, so Port's lists cannot silently differ from the code. Lists are sets (order is not significant).
 */
export const PagePermissionGroup = closedObject("a page permission", {
  /** Emails of users who hold the permission. Default: none. */
  users: z.array(UserEmail).default([]),
  /** Roles whose members hold it, e.g. `"Admin"`, `"Member"`, `"service-moderator"`. Default: none. */
  roles: z.array(PortRole).default([]),
  /** Names of teams whose members hold it. Default: none. */
  teams: z.array(TeamName).default([]),
});
export type PagePermissionGroup = z.output<typeof PagePermissionGroup>;
export type PagePermissionGroupInput = z.input<typeof PagePermissionGroup>;

/**
 * A page's permissions singleton (`PATCH /v1/pages/{page}/permissions`). A permission left out
 * is not managed: Port keeps what it holds.
 */
export const PagePermissionsSpec = closedObject("page permissions", {
  /** The page whose permissions these are. */
  page: z.string().min(1),
  /** Who may see the page. */
  read: PagePermissionGroup.optional(),
  /** Who may change the page. */
  update: PagePermissionGroup.optional(),
});
export type PagePermissionsSpec = z.output<typeof PagePermissionsSpec>;
export type PagePermissionsSpecInput = z.input<typeof PagePermissionsSpec>;

/** Port's permissions of a new page (for `update` an assumption: see emulator/README.md): every member reads, admins update. */
export const DEFAULT_PAGE_PERMISSIONS: { read: PagePermissionGroup; update: PagePermissionGroup } = {
  read: { users: [], roles: ["Admin", "Member"], teams: [] },
  update: { users: [], roles: ["Admin"], teams: [] },
};
