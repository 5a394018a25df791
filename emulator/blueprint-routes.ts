/** /v1/blueprints: list, read, create, replace (with rename), patch, delete, and delete with all entities (port-api.md §3). */
import { ApiError, identifierTaken } from "./api-error";
import { validateBlueprint } from "./blueprint-validation";
import { booleanParams } from "./query-params";
import { requireBodyObject } from "./validation-problems";
import { findDependents, removeEntity } from "./entity-dependents";
import { registerMigrationRoutes, startMigration, type MigrationOutcome } from "./migration-routes";
import { withoutServerFields, type Blueprint, type BlueprintDeletion, type OrgStore } from "./org-store";
import { TEAM_BLUEPRINT, USER_BLUEPRINT } from "./people-entities";
import type { RequestContext, Router } from "./router";

type Doc = Record<string, unknown>;

export function registerBlueprintRoutes(router: Router, store: OrgStore): void {
  router.add("GET", "/v1/blueprints", () => ({ body: { ok: true, blueprints: [...store.blueprints.values()] } }));

  router.add("GET", "/v1/blueprints/:id", ({ params }) => ({
    body: { ok: true, blueprint: store.getBlueprint(params.id) },
  }));

  router.add("POST", "/v1/blueprints", ({ body, query, clientId }) => {
    booleanParams(query, ["create_catalog_page"]);
    // apispec.yaml: POST /v1/blueprints `create_catalog_page`, default true (page-routes.ts creates the page).
    const createCatalogPage = query.get("create_catalog_page") !== "false";
    validateBlueprint(body, { blueprintExists: (id) => store.blueprints.has(id) });
    if (store.blueprints.has(body.identifier)) throw identifierTaken("Blueprint", body.identifier);
    const now = new Date().toISOString();
    const blueprint = { ...normalize(body), createdAt: now, createdBy: clientId, updatedAt: now, updatedBy: clientId };
    store.putBlueprint(blueprint);
    store.blueprintCreated(blueprint, { createCatalogPage });
    store.changed();
    return { status: 201, body: { ok: true, blueprint } };
  });

  router.add("PUT", "/v1/blueprints/:id", (ctx) => {
    const blueprint = replaceBlueprint(store, ctx, requireBodyObject(ctx.body));
    return { body: { ok: true, blueprint } };
  });

  // PATCH merges top-level keys, then the result is validated and stored exactly like a PUT.
  router.add("PATCH", "/v1/blueprints/:id", (ctx) => {
    const existing = store.getBlueprint(ctx.params.id);
    const merged = { ...withoutServerFields(existing), ...withoutServerFields(requireBodyObject(ctx.body)) };
    const blueprint = replaceBlueprint(store, ctx, merged);
    return { body: { ok: true, blueprint } };
  });

  // apispec.yaml: DELETE /v1/blueprints/{identifier}: `delete_actions` deletes the blueprint's actions too.
  router.add("DELETE", "/v1/blueprints/:id", ({ params, query }) => {
    const flags = booleanParams(query, ["delete_actions"]);
    const blueprint = store.getBlueprint(params.id);
    refuseSystemBlueprint(blueprint.identifier);
    refuseIfInUse(store, blueprint.identifier);
    removeBlueprint(store, blueprint.identifier, { deleteActions: flags.delete_actions });
    store.changed();
    return { body: { ok: true } };
  });

  // apispec.yaml: DELETE /v1/blueprints/{blueprint_identifier}/all-entities (`delete_blueprint`, `run_id`). It starts a
  // migration and answers its id, `migrationId` (terraform-provider-port-labs internal/cli/blueprint.go, Ocean
  // port_ocean/clients/port/mixins/blueprints.py; apispec.yaml lists `ok` only).
  router.add("DELETE", "/v1/blueprints/:id/all-entities", ({ params, query, clientId }) => {
    const flags = booleanParams(query, ["delete_blueprint"]);
    const blueprint = store.getBlueprint(params.id);
    if (flags.delete_blueprint) refuseSystemBlueprint(blueprint.identifier);
    refuseRequiredRelations(blueprint);
    if (flags.delete_blueprint) refuseIfInUse(store, blueprint.identifier, { entities: false });
    const fields = { actor: clientId, sourceBlueprint: blueprint.identifier, deleteBlueprint: flags.delete_blueprint, deleteEntities: true };
    const migration = startMigration(store, fields, () => deleteAllEntities(store, blueprint.identifier, flags.delete_blueprint));
    store.changed();
    return { body: { ok: true, migrationId: migration.id } };
  });

  registerMigrationRoutes(router, store);
}

/**
 * Docs sso-rbac/users-and-teams/manage-users-teams.md: "The User and Team blueprints cannot be deleted"
 * (they can only be extended). Status and code: assumption, see emulator/README.md.
 */
function refuseSystemBlueprint(identifier: string): void {
  if (identifier === USER_BLUEPRINT || identifier === TEAM_BLUEPRINT) {
    throw new ApiError(422, "system_blueprint", `The system blueprint "${identifier}" cannot be deleted; it can only be extended.`, { blueprint: identifier });
  }
}

function removeBlueprint(store: OrgStore, identifier: string, deletion: BlueprintDeletion): void {
  store.blueprints.delete(identifier);
  store.dropEntityBucket(identifier);
  store.blueprintDeleted(identifier, deletion);
}

/**
 * "The delete all route can only be used if the blueprint does not have required relations" (docs
 * build-your-software-catalog/custom-integration/api/api.md); the 422 and its code are an assumption: see emulator/README.md.
 */
function refuseRequiredRelations(blueprint: Blueprint): void {
  const required = Object.entries(blueprint.relations as Record<string, Doc>)
    .filter(([, relation]) => relation.required === true)
    .map(([key]) => key);
  if (required.length === 0) return;
  throw new ApiError(
    422,
    "has_required_relations",
    `All entities of blueprint "${blueprint.identifier}" cannot be deleted at once because it has required relations (${required.join(", ")}); delete its entities one by one instead`,
    { blueprint: blueprint.identifier, relations: required },
  );
}

/**
 * The migration's work: each entity goes, but one that entities of other blueprints point at through
 * required relations stays and counts as a failure (the route never deletes other blueprints'
 * entities: assumption; see emulator/README.md). With `deleteBlueprint`, the blueprint goes last,
 * when every entity went; its actions stay (the route has no `delete_actions`).
 */
function deleteAllEntities(store: OrgStore, identifier: string, deleteBlueprint: boolean): MigrationOutcome {
  let successCount = 0;
  let failureCount = 0;
  for (const entity of [...store.entitiesOf(identifier).values()]) {
    if (findDependents(store, identifier, entity.identifier).some((d) => d.required && d.blueprint !== identifier)) {
      failureCount++;
      continue;
    }
    removeEntity(store, identifier, entity.identifier);
    successCount++;
  }
  if (failureCount > 0 || !deleteBlueprint || !store.blueprints.has(identifier)) return { successCount, failureCount, failed: failureCount > 0 };
  try {
    refuseIfInUse(store, identifier);
  } catch {
    return { successCount, failureCount, failed: true };
  }
  removeBlueprint(store, identifier, { deleteActions: false });
  return { successCount, failureCount, failed: false };
}

/** PUT semantics: the body replaces the whole document; a different body identifier renames. */
function replaceBlueprint(store: OrgStore, { params, clientId }: RequestContext, body: Doc): Blueprint {
  const existing = store.getBlueprint(params.id);
  const doc = { ...body, identifier: body.identifier ?? existing.identifier };
  validateBlueprint(doc, { blueprintExists: (id) => store.blueprints.has(id), previous: existing });
  const renamed = doc.identifier !== existing.identifier;
  if (renamed && store.blueprints.has(doc.identifier)) throw identifierTaken("Blueprint", doc.identifier);
  const blueprint: Blueprint = {
    ...normalize(doc),
    createdAt: existing.createdAt,
    createdBy: existing.createdBy,
    updatedAt: new Date().toISOString(),
    updatedBy: clientId,
  };
  store.putBlueprint(blueprint, existing.identifier);
  if (renamed) {
    store.renameEntityBucket(existing.identifier, blueprint.identifier);
    retarget(store, existing.identifier, blueprint.identifier);
    store.blueprintRenamed(existing.identifier, blueprint.identifier);
  }
  pruneEntityData(store, existing, blueprint);
  store.changed();
  return blueprint;
}

/**
 * Port answers with every identifier map present (empty when unused) and `schema.required` as a
 * list; the emulator stores the same shape so clients must canonicalize as they would against Port.
 */
function normalize(doc: Blueprint): Blueprint {
  const schema = doc.schema as Doc;
  return {
    ...withoutServerFields(doc),
    identifier: doc.identifier,
    schema: { ...schema, required: schema.required ?? [] },
    relations: doc.relations ?? {},
    mirrorProperties: doc.mirrorProperties ?? {},
    calculationProperties: doc.calculationProperties ?? {},
    aggregationProperties: doc.aggregationProperties ?? {},
  };
}

/** After a rename, relations and aggregations that targeted the old identifier follow it. */
function retarget(store: OrgStore, from: string, to: string): void {
  for (const blueprint of store.blueprints.values()) {
    for (const key of ["relations", "aggregationProperties"]) {
      for (const item of Object.values((blueprint[key] ?? {}) as Record<string, Doc>)) {
        if (item.target === from) item.target = to;
      }
    }
  }
}

/** Entity values of removed properties, and of removed or re-shaped relations, are dropped (as in Port). */
function pruneEntityData(store: OrgStore, before: Blueprint, after: Blueprint): void {
  const properties = (after.schema as Doc).properties as Doc;
  const oldRelations = before.relations as Record<string, Doc>;
  const newRelations = after.relations as Record<string, Doc>;
  const sameTarget = (a: unknown, b: unknown) => a === b || (a === before.identifier && b === after.identifier);
  const keptRelations = Object.keys(newRelations).filter((key) => {
    const old = oldRelations[key];
    return old && sameTarget(old.target, newRelations[key].target) && old.many === newRelations[key].many;
  });
  for (const entity of store.entitiesOf(after.identifier).values()) {
    for (const key of Object.keys(entity.properties as Doc)) {
      if (!(key in properties)) delete (entity.properties as Doc)[key];
    }
    for (const key of Object.keys(entity.relations as Doc)) {
      if (!keptRelations.includes(key)) delete (entity.relations as Doc)[key];
    }
  }
}

/** Blueprint delete is refused while entities exist (unless `entities: false`) or other blueprints point at it. */
function refuseIfInUse(store: OrgStore, identifier: string, check: { entities: boolean } = { entities: true }): void {
  const entitiesCount = store.entityCount(identifier);
  if (check.entities && entitiesCount > 0) {
    // Body from terraform-provider-port-labs#61; the 422 status (assumption; see emulator/README.md).
    throw new ApiError(422, "has_dependents", `This Blueprint cannot be deleted because there are existing "${identifier}" entities`, { blueprint: identifier, entitiesCount });
  }
  const referencedBy: { blueprint: string; path: string }[] = [];
  for (const other of store.blueprints.values()) {
    if (other.identifier === identifier) continue;
    for (const key of ["relations", "aggregationProperties"]) {
      for (const [name, item] of Object.entries((other[key] ?? {}) as Record<string, Doc>)) {
        if (item.target === identifier) referencedBy.push({ blueprint: other.identifier, path: `/${key}/${name}` });
      }
    }
  }
  if (referencedBy.length > 0) {
    // Refused rather than leaving dangling targets (assumption; see emulator/README.md).
    const names = referencedBy.map((r) => `${r.blueprint}${r.path}`).join(", ");
    throw new ApiError(422, "has_dependent_blueprints", `This Blueprint cannot be deleted because other blueprints target it: ${names}; remove those first`, {
      blueprint: identifier,
      referencedBy,
    });
  }
}
