/** Typed entity calls used by the providers (Port API §4: /v1/blueprints/{bp}/entities). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only; the validated shape lives in schemas/. `identifier` may be omitted on create (Port generates one). */
export type PortEntityBody = {
  identifier?: string;
  title?: string;
  icon?: string;
  team?: unknown;
  properties?: Record<string, unknown>;
  relations?: Record<string, unknown>;
  [key: string]: unknown;
};

/** What Port returns: always identified. */
export type PortEntity = PortEntityBody & { identifier: string };

export interface CreateEntityOptions {
  /** Overwrite an existing entity with the same identifier instead of failing. Default false. */
  upsert?: boolean;
  /** With `upsert`, update only the given fields instead of replacing the entity. */
  merge?: boolean;
}

export interface DeleteEntityOptions {
  /** Also delete entities whose required relations point at this one. Default false. */
  deleteDependents?: boolean;
}

function entitiesPath(blueprint: string): string {
  return `/v1/blueprints/${pathSegment("blueprint", blueprint)}/entities`;
}

function entityPath(blueprint: string, identifier: string): string {
  return `${entitiesPath(blueprint)}/${pathSegment("entity", identifier)}`;
}

export async function createEntity(client: PortClient, blueprint: string, entity: PortEntityBody, opts: CreateEntityOptions = {}): Promise<PortEntity> {
  // Port ignores merge without upsert; failing here saves a confusing "already exists" later.
  if (opts.merge && !opts.upsert) throw new Error("createEntity: `merge` only applies together with `upsert: true`.");
  const path = entitiesPath(blueprint);
  // Port's spec marks `upsert` as required, so it is always sent.
  const query = { upsert: opts.upsert ?? false, merge: opts.merge };
  // An upsert sets the entity to the body whether it exists or not, so repeating it is safe; a plain create is not.
  const idempotent = opts.upsert === true;
  return envelopeField<PortEntity>(await client.request("POST", path, { body: entity, query, idempotent }), "entity", "POST", path);
}

export interface GetEntityOptions {
  /** Leave out the values Port computes (calculation, mirror and aggregation properties), which cannot be written back. */
  excludeCalculatedProperties?: boolean;
}

/** The entity, or undefined when Port answers 404 `not_found` (for the entity or its blueprint). */
export async function getEntity(client: PortClient, blueprint: string, identifier: string, opts: GetEntityOptions = {}): Promise<PortEntity | undefined> {
  const path = entityPath(blueprint, identifier);
  const query = { exclude_calculated_properties: opts.excludeCalculatedProperties };
  return undefinedWhenNotFound(async () => envelopeField<PortEntity>(await client.request("GET", path, { query }), "entity", "GET", path));
}

export async function listEntities(client: PortClient, blueprint: string): Promise<PortEntity[]> {
  const path = entitiesPath(blueprint);
  return envelopeField<PortEntity[]>(await client.request("GET", path), "entities", "GET", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). */
export async function deleteEntity(client: PortClient, blueprint: string, identifier: string, opts: DeleteEntityOptions = {}): Promise<boolean> {
  const query = { delete_dependents: opts.deleteDependents ?? false };
  return deletedUnlessGone(() => client.request("DELETE", entityPath(blueprint, identifier), { query }));
}

/** Port's search query: `{combinator, rules}` (see core/schemas/entity-query.ts for the rules). */
export type PortSearchQuery = { combinator: "and" | "or"; rules: unknown[] };

export interface SearchEntitiesOptions {
  /** Fields to answer with (`$identifier`, `$title`, `properties.<key>`...); omitted: every field. */
  include?: string[];
  /** Entities per page, 1-1000 (Port's default 200). */
  pageSize?: number;
}

/**
 * Every entity of `blueprint` that matches `query`, following Port's pages (apispec.yaml:
 * POST /v1/blueprints/{blueprint_identifier}/entities/search answers `next`, passed back as `from`).
 * Undefined when Port answers 404 `not_found` for the blueprint.
 */
export async function searchEntities(client: PortClient, blueprint: string, query: PortSearchQuery, opts: SearchEntitiesOptions = {}): Promise<PortEntity[] | undefined> {
  const path = `${entitiesPath(blueprint)}/search`;
  return undefinedWhenNotFound(async () => {
    const entities: PortEntity[] = [];
    let from: string | undefined;
    do {
      const body = { query, include: opts.include, limit: opts.pageSize, from };
      // A search only reads: safe to repeat.
      const page = await client.request("POST", path, { body, idempotent: true });
      entities.push(...envelopeField<PortEntity[]>(page, "entities", "POST", path));
      from = typeof page.next === "string" ? page.next : undefined;
    } while (from !== undefined);
    return entities;
  });
}
