/** /v1/blueprints/:blueprint/entities: create/upsert, read, list, replace, patch, delete (port-api.md §4; deletion is asynchronous). */
import { randomUUID } from "crypto";
import { ApiError, identifierTaken, notFound } from "./api-error";
import { deleteEntity } from "./entity-dependents";
import { validateEntity } from "./entity-validation";
import { booleanParams } from "./query-params";
import { requireBodyObject } from "./validation-problems";
import { withoutServerFields, type Blueprint, type Entity, type OrgStore } from "./org-store";
import type { Router } from "./router";

type Doc = Record<string, unknown>;

const ENTITIES = "/v1/blueprints/:blueprint/entities";
const ENTITY = `${ENTITIES}/:id`;
/** Besides the meta fields, Port sets these itself; clients may echo them back. */
const ENTITY_SERVER_FIELDS = ["blueprint", "scorecards"];

export function registerEntityRoutes(router: Router, store: OrgStore): void {
  router.add("GET", ENTITIES, ({ params }) => {
    const blueprint = store.getBlueprint(params.blueprint);
    return { body: { ok: true, entities: [...store.entitiesOf(blueprint.identifier).values()] } };
  });

  router.add("GET", ENTITY, ({ params }) => ({ body: { ok: true, entity: getEntity(store, params.blueprint, params.id) } }));

  router.add("POST", ENTITIES, ({ params, query, body, clientId }) => {
    const flags = booleanParams(query, ["upsert", "merge", "create_missing_related_entities", "validation_only"]);
    const blueprint = store.getBlueprint(params.blueprint);
    const doc = requireBodyObject(body);
    // Port generates an identifier when none is given: a UUID here (assumption; see emulator/README.md).
    const identifier = doc.identifier === undefined ? randomUUID() : doc.identifier;
    const existing = typeof identifier === "string" ? store.entitiesOf(blueprint.identifier).get(identifier) : undefined;
    if (existing && !flags.upsert) throw identifierTaken("Entity", existing.identifier);
    const candidate = existing && flags.merge ? mergeEntity(existing, doc) : { ...doc, identifier };
    const entity = writeEntity(store, blueprint, candidate, existing, clientId, flags);
    return { status: 201, body: { ok: true, entity } };
  });

  router.add("PUT", ENTITY, ({ params, query, body, clientId }) => {
    const flags = booleanParams(query, ["create_missing_related_entities"]);
    const blueprint = store.getBlueprint(params.blueprint);
    const existing = getEntity(store, blueprint.identifier, params.id);
    const doc = requireSameIdentifier(requireBodyObject(body), existing.identifier);
    return { body: { ok: true, entity: writeEntity(store, blueprint, doc, existing, clientId, flags) } };
  });

  router.add("PATCH", ENTITY, ({ params, query, body, clientId }) => {
    const flags = booleanParams(query, ["create_missing_related_entities"]);
    const blueprint = store.getBlueprint(params.blueprint);
    const existing = getEntity(store, blueprint.identifier, params.id);
    const doc = mergeEntity(existing, requireSameIdentifier(requireBodyObject(body), existing.identifier));
    return { body: { ok: true, entity: writeEntity(store, blueprint, doc, existing, clientId, flags) } };
  });

  // Answers at once; the entity goes after a delay (asynchronous in Port, see entity-dependents.ts).
  router.add("DELETE", ENTITY, ({ params, query }) => {
    const flags = booleanParams(query, ["delete_dependents"]);
    const entity = getEntity(store, params.blueprint, params.id);
    deleteEntity(store, entity, flags.delete_dependents);
    return { body: { ok: true } };
  });
}

function getEntity(store: OrgStore, blueprint: string, identifier: string): Entity {
  store.getBlueprint(blueprint);
  const entity = store.entitiesOf(blueprint).get(identifier);
  if (!entity) throw notFound("Entity", identifier);
  return entity;
}

/** Renaming an entity through PUT/PATCH is refused (assumption; see emulator/README.md). */
function requireSameIdentifier(doc: Doc, identifier: string): Doc {
  if (doc.identifier !== undefined && doc.identifier !== identifier) {
    throw new ApiError(422, "invalid_request", `/identifier must equal the identifier in the path ("${identifier}"); entities cannot be renamed`, {
      errors: [{ path: "/identifier", message: `must equal the identifier in the path ("${identifier}")` }],
    });
  }
  return { ...doc, identifier };
}

/** PATCH and upsert+merge: top-level fields replace, properties and relations merge key by key. */
function mergeEntity(existing: Entity, patch: Doc): Doc {
  return {
    ...withoutServerFields(existing, ENTITY_SERVER_FIELDS),
    ...patch,
    identifier: existing.identifier,
    properties: { ...(existing.properties as Doc), ...((patch.properties as Doc | undefined) ?? {}) },
    relations: { ...(existing.relations as Doc), ...((patch.relations as Doc | undefined) ?? {}) },
  };
}

/** Validates, creates missing related stubs when asked, stores and persists. */
function writeEntity(
  store: OrgStore,
  blueprint: Blueprint,
  doc: Doc,
  existing: Entity | undefined,
  clientId: string,
  flags: { create_missing_related_entities: boolean; validation_only?: boolean },
): Entity {
  const missing = validateEntity(doc, {
    blueprint,
    entityExists: (bp, id) => store.entitiesOf(bp).has(id),
    createMissingRelated: flags.create_missing_related_entities,
  });
  const now = new Date().toISOString();
  const entity: Entity = {
    ...withoutServerFields(doc, ENTITY_SERVER_FIELDS),
    identifier: doc.identifier as string,
    properties: (doc.properties as Doc | undefined) ?? {},
    relations: (doc.relations as Doc | undefined) ?? {},
    blueprint: blueprint.identifier,
    createdAt: existing?.createdAt ?? now,
    createdBy: existing?.createdBy ?? clientId,
    updatedAt: now,
    updatedBy: clientId,
  };
  if (flags.validation_only) return entity;
  for (const ref of missing) {
    const stub: Entity = {
      identifier: ref.identifier,
      properties: {},
      relations: {},
      blueprint: ref.blueprint,
      createdAt: now,
      createdBy: clientId,
      updatedAt: now,
      updatedBy: clientId,
    };
    store.entitiesOf(ref.blueprint).set(ref.identifier, stub);
  }
  store.entitiesOf(blueprint.identifier).set(entity.identifier, entity);
  store.changed();
  return entity;
}
