/**
 * Entity deletion with Port's dependents rule (port-api.md §4): an entity that is the target of a
 * *required* relation cannot be deleted unless `delete_dependents=true`, which deletes those
 * sources too (recursively). References through optional relations are simply cleared.
 */
import { ApiError } from "./api-error";
import type { Entity, OrgStore } from "./org-store";

export interface Dependent {
  blueprint: string;
  identifier: string;
  relation: string;
  required: boolean;
}

type Relations = Record<string, { target: string; required: boolean; many: boolean }>;

export function findDependents(store: OrgStore, blueprint: string, identifier: string): Dependent[] {
  const found: Dependent[] = [];
  for (const source of store.blueprints.values()) {
    for (const [relation, definition] of Object.entries(source.relations as Relations)) {
      if (definition.target !== blueprint) continue;
      for (const entity of store.entitiesOf(source.identifier).values()) {
        const value = (entity.relations as Record<string, unknown>)[relation];
        const points = Array.isArray(value) ? value.includes(identifier) : value === identifier;
        if (points && !(source.identifier === blueprint && entity.identifier === identifier)) {
          found.push({ blueprint: source.identifier, identifier: entity.identifier, relation, required: definition.required });
        }
      }
    }
  }
  return found;
}

/** Refuses (422 has_dependents) to delete an entity that required relations point at, unless `deleteDependents`. */
export function refuseRequiredDependents(store: OrgStore, blueprint: string, identifier: string, deleteDependents: boolean): void {
  const required = findDependents(store, blueprint, identifier).filter((d) => d.required);
  if (required.length === 0 || deleteDependents) return;
  // Code reused from the blueprint case (assumption; see emulator/README.md).
  const names = required.map((d) => `${d.blueprint}/${d.identifier} (relation "${d.relation}")`).join(", ");
  throw new ApiError(
    422,
    "has_dependents",
    `Entity "${identifier}" cannot be deleted because entities depend on it through required relations: ${names}; delete them first or pass delete_dependents=true`,
    { blueprint, entity: identifier, dependents: required },
  );
}

/**
 * Deletes one entity (the caller has checked it exists) the way Port does: refused now when
 * required relations point at it, gone only after the store's entity deletion delay, since Port
 * deletes entities asynchronously (apispec.yaml: DELETE /v1/blueprints/{identifier}, "Entity
 * deletion may take a few seconds"). Until then it is still read, listed and counted.
 */
export function deleteEntity(store: OrgStore, entity: Entity, deleteDependents: boolean): void {
  refuseRequiredDependents(store, entity.blueprint, entity.identifier, deleteDependents);
  store.later(store.entityDeletionDelayMs, () => {
    // The blueprint may have been renamed meanwhile (the entity object follows); an entity re-created
    // under the same identifier since is another one and stays.
    const current = store.entitiesOf(entity.blueprint).get(entity.identifier);
    if (!current || current.createdAt !== entity.createdAt) return;
    if (!deleteDependents && findDependents(store, current.blueprint, current.identifier).some((d) => d.required)) return;
    removeEntity(store, current.blueprint, current.identifier);
  });
}

/** Removes an entity now, with the entities whose required relations point at it (recursively); optional references are cleared. */
export function removeEntity(store: OrgStore, blueprint: string, identifier: string): void {
  const queue = [{ blueprint, identifier }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift()!;
    const key = `${next.blueprint}\u0000${next.identifier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dependent of findDependents(store, next.blueprint, next.identifier)) {
      if (dependent.required) queue.push(dependent);
      else clearReference(store, dependent, next.identifier);
    }
    store.entitiesOf(next.blueprint).delete(next.identifier);
  }
}

function clearReference(store: OrgStore, dependent: Dependent, identifier: string): void {
  const entity = store.entitiesOf(dependent.blueprint).get(dependent.identifier);
  if (!entity) return;
  const relations = entity.relations as Record<string, unknown>;
  const value = relations[dependent.relation];
  relations[dependent.relation] = Array.isArray(value) ? value.filter((id) => id !== identifier) : null;
}
