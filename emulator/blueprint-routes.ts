/** /v1/blueprints: list, read, create, replace (with rename), patch and delete (port-api.md §3). */
import { ApiError, identifierTaken } from "./api-error";
import { validateBlueprint } from "./blueprint-validation";
import { booleanParams } from "./query-params";
import { requireBodyObject } from "./validation-problems";
import { withoutServerFields, type Blueprint, type OrgStore } from "./org-store";
import type { RequestContext, Router } from "./router";

type Doc = Record<string, unknown>;

export function registerBlueprintRoutes(router: Router, store: OrgStore): void {
  router.add("GET", "/v1/blueprints", () => ({ body: { ok: true, blueprints: [...store.blueprints.values()] } }));

  router.add("GET", "/v1/blueprints/:id", ({ params }) => ({
    body: { ok: true, blueprint: store.getBlueprint(params.id) },
  }));

  router.add("POST", "/v1/blueprints", ({ body, query, clientId }) => {
    // Accepted and validated; the emulator does not model catalog pages (yet).
    booleanParams(query, ["create_catalog_page"]);
    validateBlueprint(body, { blueprintExists: (id) => store.blueprints.has(id) });
    if (store.blueprints.has(body.identifier)) throw identifierTaken("Blueprint", body.identifier);
    const now = new Date().toISOString();
    const blueprint = { ...normalize(body), createdAt: now, createdBy: clientId, updatedAt: now, updatedBy: clientId };
    store.putBlueprint(blueprint);
    store.blueprintCreated(blueprint);
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

  router.add("DELETE", "/v1/blueprints/:id", ({ params, query }) => {
    booleanParams(query, ["delete_actions"]);
    const blueprint = store.getBlueprint(params.id);
    refuseIfInUse(store, blueprint.identifier);
    store.blueprints.delete(blueprint.identifier);
    store.dropEntityBucket(blueprint.identifier);
    store.blueprintDeleted(blueprint.identifier);
    store.changed();
    return { body: { ok: true } };
  });
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

/** Blueprint delete is refused while entities exist or other blueprints point at it. */
function refuseIfInUse(store: OrgStore, identifier: string): void {
  const entitiesCount = store.entityCount(identifier);
  if (entitiesCount > 0) {
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
