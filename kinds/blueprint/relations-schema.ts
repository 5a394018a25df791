import { z } from "zod";
import { AggregationProperty } from "./aggregation-schema";
import { BlueprintOwnership, BlueprintRelation, MirrorProperty } from "./schema";
import { closedObject } from "../../core/schemas/closed";
import { BlueprintIdentifier, PropertyIdentifier } from "../../core/schemas/identifiers";

/**
 * The parts of a blueprint that point at other blueprints of the same stack by identifier:
 * relations, the mirror and aggregation properties that go through them, and an inherited
 * ownership along them. They are added to the blueprint in a second step, once every blueprint
 * exists, so blueprints that refer to each other (a cycle) are created in one run.
 */
export const BlueprintRelationsSpec = closedObject("the second step of a blueprint", {
  /** The blueprint these parts belong to. */
  blueprint: BlueprintIdentifier,
  relations: z.record(PropertyIdentifier, BlueprintRelation).default({}),
  mirrorProperties: z.record(PropertyIdentifier, MirrorProperty).default({}),
  aggregationProperties: z.record(PropertyIdentifier, AggregationProperty).default({}),
  /** Set when the ownership is inherited along one of these relations. */
  ownership: BlueprintOwnership.optional(),
});
export type BlueprintRelationsSpec = z.output<typeof BlueprintRelationsSpec>;
