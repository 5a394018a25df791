/**
 * Typed sidebar-folder calls (port-api.md §11: /v1/sidebars/catalog, beta, used by Port's
 * Terraform provider). Port has no GET for one folder: it is found in the catalog sidebar.
 */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape of a folder; the validated shape lives in schema.ts. */
export type PortFolderBody = { identifier: string; title?: string; parent?: string | null; after?: string | null; [key: string]: unknown };

/** One entry of the sidebar: a folder or a page. */
export type PortSidebarItem = { identifier: string; title?: string; parent?: string; after?: string; sidebarType: string; [key: string]: unknown };

export type PortSidebar = { identifier: string; items: PortSidebarItem[] };

/** The only sidebar Port's API exposes. */
const SIDEBAR = "/v1/sidebars/catalog";
const FOLDERS = `${SIDEBAR}/folders`;

function folderPath(identifier: string): string {
  return `${FOLDERS}/${pathSegment("folder", identifier)}`;
}

export async function getSidebar(client: PortClient): Promise<PortSidebar> {
  return envelopeField<PortSidebar>(await client.request("GET", SIDEBAR), "sidebar", "GET", SIDEBAR);
}

/** The folder as the sidebar lists it, or undefined when the sidebar has no folder with that identifier. */
export async function getFolder(client: PortClient, identifier: string): Promise<PortSidebarItem | undefined> {
  return (await getSidebar(client)).items.find((item) => item.sidebarType === "folder" && item.identifier === identifier);
}

export async function createFolder(client: PortClient, body: PortFolderBody): Promise<PortFolderBody> {
  return envelopeField<PortFolderBody>(await client.request("POST", FOLDERS, { body }), "folder", "POST", FOLDERS);
}

/** PATCH changes the keys in `body`; `null` clears `parent` or `after`. */
export async function updateFolder(client: PortClient, identifier: string, body: Partial<PortFolderBody>): Promise<PortFolderBody> {
  const path = folderPath(identifier);
  return envelopeField<PortFolderBody>(await client.request("PATCH", path, { body }), "folder", "PATCH", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). */
export async function deleteFolder(client: PortClient, identifier: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", folderPath(identifier)));
}
