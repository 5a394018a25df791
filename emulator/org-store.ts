/**
 * The emulated organization's data: blueprints and their entities, held in insertion order (so
 * lists come back in creation order) and snapshotted as plain JSON for the state file.
 */

import { notFound } from "./api-error";
import { META_FIELDS } from "./port-vocabulary";

export type Blueprint = Record<string, unknown> & { identifier: string };
export type Entity = Record<string, unknown> & { identifier: string; blueprint: string };

/** A copy of a client-sent document without the fields only the server sets (meta fields, and `extra`). */
export function withoutServerFields(doc: Record<string, unknown>, extra: string[] = []): Record<string, unknown> {
  const copy = { ...doc };
  for (const field of [...META_FIELDS, ...extra]) delete copy[field];
  return copy;
}

export interface OrgSnapshot {
  version: 1;
  blueprints: Blueprint[];
  /** Every entity carries its `blueprint`, so one flat list is enough. */
  entities: Entity[];
}

export class OrgStore {
  readonly blueprints = new Map<string, Blueprint>();
  private readonly entitiesByBlueprint = new Map<string, Map<string, Entity>>();
  /** Called after every mutation; the server wires it to persistence. */
  onChange: () => void = () => {};

  /** The stored blueprint, or Port's 404 `not_found`. */
  getBlueprint(identifier: string): Blueprint {
    const blueprint = this.blueprints.get(identifier);
    if (!blueprint) throw notFound("Blueprint", identifier);
    return blueprint;
  }

  /** Stores `blueprint` in place of `previousIdentifier`, keeping its position in list order. */
  putBlueprint(blueprint: Blueprint, previousIdentifier = blueprint.identifier): void {
    if (previousIdentifier === blueprint.identifier || !this.blueprints.has(previousIdentifier)) {
      this.blueprints.set(blueprint.identifier, blueprint);
      return;
    }
    const entries = [...this.blueprints.entries()].map(([id, bp]): [string, Blueprint] =>
      id === previousIdentifier ? [blueprint.identifier, blueprint] : [id, bp],
    );
    this.blueprints.clear();
    for (const [id, bp] of entries) this.blueprints.set(id, bp);
  }

  /** The entities of one blueprint (an empty map is created on first use). */
  entitiesOf(blueprint: string): Map<string, Entity> {
    let map = this.entitiesByBlueprint.get(blueprint);
    if (!map) {
      map = new Map();
      this.entitiesByBlueprint.set(blueprint, map);
    }
    return map;
  }

  entityCount(blueprint: string): number {
    return this.entitiesByBlueprint.get(blueprint)?.size ?? 0;
  }

  /** Moves a blueprint's entities under a new identifier (blueprint rename). */
  renameEntityBucket(from: string, to: string): void {
    const map = this.entitiesByBlueprint.get(from);
    this.entitiesByBlueprint.delete(from);
    if (!map) return;
    for (const entity of map.values()) entity.blueprint = to;
    this.entitiesByBlueprint.set(to, map);
  }

  dropEntityBucket(blueprint: string): void {
    this.entitiesByBlueprint.delete(blueprint);
  }

  changed(): void {
    this.onChange();
  }

  clear(): void {
    this.blueprints.clear();
    this.entitiesByBlueprint.clear();
  }

  snapshot(): OrgSnapshot {
    const entities: Entity[] = [];
    for (const map of this.entitiesByBlueprint.values()) entities.push(...map.values());
    return { version: 1, blueprints: [...this.blueprints.values()], entities };
  }

  restore(snapshot: OrgSnapshot): void {
    this.clear();
    for (const blueprint of snapshot.blueprints) this.blueprints.set(blueprint.identifier, blueprint);
    for (const entity of snapshot.entities) this.entitiesOf(entity.blueprint).set(entity.identifier, entity);
  }
}
