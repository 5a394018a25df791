/**
 * An entity of a blueprint written in code (port-api.md §4): seed data that belongs with the
 * portal's definition, such as environments. The body of `POST /v1/blueprints/{blueprint}/entities`,
 * plus the `blueprint` it belongs to.
 */
import { z } from "zod";
import { closedObject } from "../../core/schemas/closed";
import { BlueprintIdentifier, EntityIdentifier, PropertyIdentifier } from "../../core/schemas/identifiers";

/** A relation's value: the related entity's identifier, a list of them for a `many` relation, or `null` for none. */
export const EntityRelationValue = z.union([EntityIdentifier, z.array(EntityIdentifier), z.null()]);
export type EntityRelationValue = z.output<typeof EntityRelationValue>;

/**
 * The owning teams (blueprints with `Direct` ownership): one, or a list. Port holds `_team` entity
 * identifiers where the org keeps teams as `_team` entities; a team's name is resolved to its
 * identifier when the entity is written (see the Entity provider), elsewhere it is sent as written.
 */
export const EntityTeam = z.union([z.string().min(1), z.array(z.string().min(1))]);

export const EntitySpec = closedObject("an entity", {
  /** Unique within the blueprint; changing it replaces the entity. See {@link EntityIdentifier}. */
  identifier: EntityIdentifier,
  /** Identifier of the entity's blueprint; changing it replaces the entity. */
  blueprint: BlueprintIdentifier,
  /** Display name. Omitted: Port shows the identifier. */
  title: z.string().optional(),
  /** An icon name from Port's icon list. Omitted: the blueprint's icon. */
  icon: z.string().optional(),
  /** Owning team(s), by `_team` identifier or team name; see {@link EntityTeam}. */
  team: EntityTeam.optional(),
  /** Values per property identifier of the blueprint (JSON, of the property's type). Properties left out are unset. */
  properties: z.record(PropertyIdentifier, z.json()).optional(),
  /** Related entities per relation identifier of the blueprint; see {@link EntityRelationValue}. */
  relations: z.record(PropertyIdentifier, EntityRelationValue).optional(),
});
export type EntitySpec = z.output<typeof EntitySpec>;
export type EntitySpecInput = z.input<typeof EntitySpec>;
