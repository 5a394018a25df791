/** Typed blueprint calls used by the providers (Port API §3: /v1/blueprints). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only; the validated shape lives in schemas/. Port accepts extra top-level keys, hence the index signature. */
export type PortBlueprintBody = { identifier: string; title: string; [key: string]: unknown };

export interface CreateBlueprintOptions {
  /** Port also creates a catalog page for the blueprint; Port's default is true. Left out when undefined. */
  createCatalogPage?: boolean;
}

const BLUEPRINTS = "/v1/blueprints";

function blueprintPath(identifier: string): string {
  return `${BLUEPRINTS}/${pathSegment("blueprint", identifier)}`;
}

/** The blueprint, or undefined when Port answers 404 `not_found`. */
export async function getBlueprint(client: PortClient, identifier: string): Promise<PortBlueprintBody | undefined> {
  const path = blueprintPath(identifier);
  return undefinedWhenNotFound(async () => envelopeField<PortBlueprintBody>(await client.request("GET", path), "blueprint", "GET", path));
}

export async function listBlueprints(client: PortClient): Promise<PortBlueprintBody[]> {
  return envelopeField<PortBlueprintBody[]>(await client.request("GET", BLUEPRINTS), "blueprints", "GET", BLUEPRINTS);
}

export async function createBlueprint(client: PortClient, body: PortBlueprintBody, opts: CreateBlueprintOptions = {}): Promise<PortBlueprintBody> {
  const res = await client.request("POST", BLUEPRINTS, { body, query: { create_catalog_page: opts.createCatalogPage } });
  return envelopeField<PortBlueprintBody>(res, "blueprint", "POST", BLUEPRINTS);
}

/** PUT replaces the whole document: keys left out of `body` are dropped by Port. */
export async function replaceBlueprint(client: PortClient, identifier: string, body: PortBlueprintBody): Promise<PortBlueprintBody> {
  const path = blueprintPath(identifier);
  return envelopeField<PortBlueprintBody>(await client.request("PUT", path, { body }), "blueprint", "PUT", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). Other errors, e.g. `has_dependents`, throw. */
export async function deleteBlueprint(client: PortClient, identifier: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", blueprintPath(identifier)));
}
