/** Typed blueprint calls used by the providers (Port API §3: /v1/blueprints). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only; the validated shape lives in schemas/. Port accepts extra top-level keys, hence the index signature. */
export type PortBlueprintBody = { identifier: string; title: string; [key: string]: unknown };

export interface CreateBlueprintOptions {
  /** Port also creates a catalog page for the blueprint (`create_catalog_page`). Default true, Port's own; always sent. */
  createCatalogPage?: boolean;
}

/** A migration: Port's record of asynchronous work on a blueprint's data (terraform-provider-port-labs `Migration`). */
export type PortMigration = { id: string; status: string; successCount?: number; failureCount?: number; [key: string]: unknown };

/** Statuses after which a migration does no more work (terraform-provider-port-labs internal/consts/migrations.go). */
export const FINAL_MIGRATION_STATUSES = ["COMPLETED", "FAILURE", "CANCELLED"];

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
  const res = await client.request("POST", BLUEPRINTS, { body, query: { create_catalog_page: opts.createCatalogPage ?? true } });
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

/**
 * Starts deleting every entity of a blueprint, and the blueprint itself with `deleteBlueprint`
 * (`DELETE /v1/blueprints/{id}/all-entities`). Port does it asynchronously: the answer's
 * `migrationId` names the migration to wait for (undefined when Port's answer has none).
 */
export async function deleteAllEntities(client: PortClient, blueprint: string, opts: { deleteBlueprint?: boolean } = {}): Promise<{ migrationId?: string }> {
  const res = await client.request("DELETE", `${blueprintPath(blueprint)}/all-entities`, { query: { delete_blueprint: opts.deleteBlueprint ?? false } });
  return typeof res.migrationId === "string" && res.migrationId !== "" ? { migrationId: res.migrationId } : {};
}

/** A migration by id (`GET /v1/migrations/{id}`). */
export async function getMigration(client: PortClient, id: string): Promise<PortMigration> {
  const path = `/v1/migrations/${pathSegment("migration", id)}`;
  return envelopeField<PortMigration>(await client.request("GET", path), "migration", "GET", path);
}
