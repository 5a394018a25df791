import { getPagePermissions, updatePagePermissions, type PortPagePermissions } from "../page/client";
import { undefinedWhenNotFound } from "../../core/client/not-found";
import { type PortClient } from "../../core/client/port-client";
import { DEFAULT_PAGE_PERMISSIONS, PagePermissionsSpec } from "./schema";
import { PortDocument, documentLogic } from "../../core/providers/document-logic";
import type { ResourceLogic } from "../../core/providers/resource-logic";

/**
 * A page's permissions singleton (port-api.md §9): it exists as long as its page, so "create"
 * and "update" PATCH it, and "delete" resets the permissions the code managed to Port's
 * defaults (never an API delete). The Pulumi id is the page identifier.
 */

const PERMISSIONS = ["read", "update"] as const;
const LISTS = ["users", "roles", "teams"] as const;

/** Users, roles and teams are sets: sorted for comparison. */
function normalizePermissions(doc: PortDocument): PortDocument {
  const out: PortDocument = { ...doc };
  for (const permission of PERMISSIONS) {
    const group = doc[permission] as Record<string, unknown> | undefined;
    if (group === undefined) continue;
    out[permission] = Object.fromEntries(LISTS.map((list) => [list, [...((group[list] as string[] | undefined) ?? [])].sort()]));
  }
  return out;
}

function bodyOf(doc: PortDocument): PortPagePermissions {
  const { page: _page, ...body } = doc;
  return body as PortPagePermissions;
}

async function patch(client: PortClient, page: string, doc: PortDocument): Promise<PortDocument> {
  return { page, ...(await updatePagePermissions(client, page, bodyOf(doc))) };
}

export const pagePermissionsLogic: ResourceLogic = documentLogic({
  kind: "PagePermissions",
  schema: PagePermissionsSpec,
  idOf: (spec) => String(spec.page),
  nameOf: (spec) => String(spec.page ?? "(no page)"),
  normalize: normalizePermissions,
  api: {
    async get(client, id) {
      const held = await getPagePermissions(client, id);
      return held && { page: id, ...held };
    },
    create: (client, spec) => patch(client, String(spec.page), spec),
    replace: (client, id, body) => patch(client, id, body),
    async remove(client, id, props) {
      const managed = (props.managedKeys as string[] | undefined) ?? [...PERMISSIONS];
      const reset = Object.fromEntries(PERMISSIONS.filter((permission) => managed.includes(permission)).map((permission) => [permission, DEFAULT_PAGE_PERMISSIONS[permission]]));
      if (Object.keys(reset).length === 0) return;
      // A page already gone took its permissions with it.
      await undefinedWhenNotFound(() => updatePagePermissions(client, id, reset));
    },
  },
});
