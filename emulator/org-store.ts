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

export type StoredObject = Record<string, unknown>;

export interface OrgSnapshot {
  version: 1;
  blueprints: Blueprint[];
  /** Every entity carries its `blueprint`, so one flat list is enough. */
  entities: Entity[];
  /** The other kinds' objects (scorecards, pages, actions, ...), by collection name, as [key, object] pairs. */
  collections?: Record<string, [string, StoredObject][]>;
}

/** The query flags of the request that created a blueprint. */
export interface BlueprintCreation {
  /** `create_catalog_page` (apispec.yaml: POST /v1/blueprints, default true). */
  createCatalogPage: boolean;
}

/** The query flags of the request that deleted a blueprint. */
export interface BlueprintDeletion {
  /** `delete_actions` (apispec.yaml: DELETE /v1/blueprints/{identifier}, default false). */
  deleteActions: boolean;
}

/** What a kind may do when a blueprint is created, renamed or deleted (e.g. create its entity page). */
export interface BlueprintListener {
  created?(blueprint: Blueprint, creation: BlueprintCreation): void;
  renamed?(from: string, to: string): void;
  deleted?(identifier: string, deletion: BlueprintDeletion): void;
}

/**
 * How long a deleted entity stays before it is gone: Port deletes entities asynchronously
 * ("may take a few seconds", apispec.yaml: DELETE /v1/blueprints/{identifier}). Small by default so
 * tests stay fast; the PORT_EMULATOR_ENTITY_DELETION_DELAY_MS environment variable sets it.
 */
export const DEFAULT_ENTITY_DELETION_DELAY_MS = 100;

function entityDeletionDelayFromEnv(): number {
  const raw = process.env.PORT_EMULATOR_ENTITY_DELETION_DELAY_MS;
  if (raw === undefined || raw === "") return DEFAULT_ENTITY_DELETION_DELAY_MS;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`PORT_EMULATOR_ENTITY_DELETION_DELAY_MS must be a number of milliseconds >= 0 (got ${JSON.stringify(raw)})`);
  return value;
}

export class OrgStore {
  readonly blueprints = new Map<string, Blueprint>();
  private readonly entitiesByBlueprint = new Map<string, Map<string, Entity>>();
  private readonly collections = new Map<string, Map<string, StoredObject>>();
  private readonly blueprintListeners: BlueprintListener[] = [];
  /** Work Port does asynchronously (entity deletion, migrations), cancelled by clear() and dispose(). */
  private readonly timers = new Set<NodeJS.Timeout>();
  /** See DEFAULT_ENTITY_DELETION_DELAY_MS. */
  entityDeletionDelayMs = entityDeletionDelayFromEnv();
  /** Called after every mutation; the server wires it to persistence. */
  onChange: () => void = () => {};

  /**
   * A named collection of one kind's objects, in insertion order, persisted with the rest. Each
   * kind's routes own their collection, so adding a kind never touches this class.
   */
  collection<T extends StoredObject = StoredObject>(name: string): Map<string, T> {
    let map = this.collections.get(name);
    if (!map) {
      map = new Map();
      this.collections.set(name, map);
    }
    return map as Map<string, T>;
  }

  private readonly seeds: (() => void)[] = [];

  /** Objects every org has from the start (e.g. the home page): seeded now, and again after clear(). */
  seed(fill: () => void): void {
    this.seeds.push(fill);
    fill();
  }

  onBlueprint(listener: BlueprintListener): void {
    this.blueprintListeners.push(listener);
  }

  blueprintCreated(blueprint: Blueprint, creation: BlueprintCreation): void {
    for (const l of this.blueprintListeners) l.created?.(blueprint, creation);
  }

  blueprintRenamed(from: string, to: string): void {
    for (const l of this.blueprintListeners) l.renamed?.(from, to);
  }

  blueprintDeleted(identifier: string, deletion: BlueprintDeletion): void {
    for (const l of this.blueprintListeners) l.deleted?.(identifier, deletion);
  }

  /**
   * Runs `work` after `delayMs`, then persists: what Port does asynchronously. Timers do not keep
   * the process alive; clear() and dispose() cancel those still pending.
   */
  later(delayMs: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        work();
        this.changed();
      } catch (err) {
        // No request to answer with the error: report it rather than crash the process.
        console.error(`Port emulator: asynchronous work failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Cancels the pending asynchronous work (the emulator is closing). */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

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
    const entries = [...this.blueprints.entries()].map(([id, bp]): [string, Blueprint] => (id === previousIdentifier ? [blueprint.identifier, blueprint] : [id, bp]));
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
    this.dispose();
    this.blueprints.clear();
    this.entitiesByBlueprint.clear();
    // Emptied in place: routes may hold a collection's map for their lifetime.
    for (const map of this.collections.values()) map.clear();
    for (const fill of this.seeds) fill();
  }

  snapshot(): OrgSnapshot {
    const entities: Entity[] = [];
    for (const map of this.entitiesByBlueprint.values()) entities.push(...map.values());
    const collections: Record<string, [string, StoredObject][]> = {};
    for (const [name, map] of this.collections) collections[name] = [...map.entries()];
    return { version: 1, blueprints: [...this.blueprints.values()], entities, collections };
  }

  restore(snapshot: OrgSnapshot): void {
    this.clear();
    for (const blueprint of snapshot.blueprints) this.blueprints.set(blueprint.identifier, blueprint);
    for (const entity of snapshot.entities) this.entitiesOf(entity.blueprint).set(entity.identifier, entity);
    for (const [name, entries] of Object.entries(snapshot.collections ?? {})) {
      const map = this.collection(name);
      for (const [key, value] of entries) map.set(key, value);
    }
  }
}
