/** Typed page calls used by the providers (Port API §10: /v1/pages, beta) and the page permissions singleton (§9). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only; the validated shape lives in schema.ts. Port's page JSON has more keys than we type, hence the index signature. */
export type PortPageBody = { identifier: string; type?: string; [key: string]: unknown };

/** `{users, roles, teams}` of one page permission. */
export type PortPagePermissionGroup = { users?: string[]; roles?: string[]; teams?: string[] };
/** The page permissions singleton: `read` (who sees the page) and `update` (who changes it). */
export type PortPagePermissions = { read?: PortPagePermissionGroup; update?: PortPagePermissionGroup; [key: string]: unknown };

const PAGES = "/v1/pages";

function pagePath(identifier: string): string {
  return `${PAGES}/${pathSegment("page", identifier)}`;
}

/** The page, or undefined when Port answers 404 `not_found`. */
export async function getPage(client: PortClient, identifier: string): Promise<PortPageBody | undefined> {
  const path = pagePath(identifier);
  return undefinedWhenNotFound(async () => envelopeField<PortPageBody>(await client.request("GET", path), "page", "GET", path));
}

/** Every page; `compact` asks Port for the short form. Port's spec marks `compact` required, so it is always sent (default false). */
export async function listPages(client: PortClient, opts: { compact?: boolean } = {}): Promise<PortPageBody[]> {
  return envelopeField<PortPageBody[]>(await client.request("GET", PAGES, { query: { compact: opts.compact ?? false } }), "pages", "GET", PAGES);
}

/**
 * Creates a dashboard page. Port answers `{ok, identifier}` rather than the page (port-api.md
 * §10), so the page is read back for its stored form. Home and entity pages cannot be created.
 */
export async function createPage(client: PortClient, body: PortPageBody): Promise<PortPageBody> {
  const created = await client.request("POST", PAGES, { body });
  const identifier = typeof created.identifier === "string" ? created.identifier : body.identifier;
  const page = await getPage(client, identifier);
  if (page === undefined) throw new Error(`Port API POST ${PAGES} created page "${identifier}", but GET ${pagePath(identifier)} does not find it.`);
  return page;
}

/** PUT replaces the whole page: widgets, filters and keys left out of `body` are dropped by Port. */
export async function replacePage(client: PortClient, identifier: string, body: PortPageBody): Promise<PortPageBody> {
  const path = pagePath(identifier);
  return envelopeField<PortPageBody>(await client.request("PUT", path, { body }), "page", "PUT", path);
}

/** PATCH changes only the top-level keys in `body` (e.g. `{locked: true}`). */
export async function patchPage(client: PortClient, identifier: string, body: Record<string, unknown>): Promise<PortPageBody> {
  const path = pagePath(identifier);
  return envelopeField<PortPageBody>(await client.request("PATCH", path, { body }), "page", "PATCH", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). Port refuses to delete the home page. */
export async function deletePage(client: PortClient, identifier: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", pagePath(identifier)));
}

function permissionsPath(page: string): string {
  return `${pagePath(page)}/permissions`;
}

/** The page's permissions, or undefined when the page does not exist (404 `not_found`). */
export async function getPagePermissions(client: PortClient, page: string): Promise<PortPagePermissions | undefined> {
  const path = permissionsPath(page);
  return undefinedWhenNotFound(async () => envelopeField<PortPagePermissions>(await client.request("GET", path), "permissions", "GET", path));
}

/**
 * PATCH sets the lists it names (`{read: {roles: [...]}}` replaces `read.roles` only) and
 * answers the whole singleton.
 */
export async function updatePagePermissions(client: PortClient, page: string, body: PortPagePermissions): Promise<PortPagePermissions> {
  const path = permissionsPath(page);
  return envelopeField<PortPagePermissions>(await client.request("PATCH", path, { body }), "permissions", "PATCH", path);
}
