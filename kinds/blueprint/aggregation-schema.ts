/**
 * An aggregation property (an entry of a blueprint's `aggregationProperties`): a number computed
 * over the entities of another blueprint that are related to each entity.
 */
import { z } from "zod";
import { closedEnum, closedObject, closedUnion } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { BlueprintIdentifier, PropertyIdentifier } from "../../core/schemas/identifiers";

/** Period of an average: per `hour`, `day`, `week`, `month`, or over the `total` time span. */
export const AggregationAverageOf = closedEnum(["hour", "day", "week", "month", "total"], { noun: "an averageOf period", field: "averageOf" });
export type AggregationAverageOf = z.output<typeof AggregationAverageOf>;

/** The date-time property placing each entity in time for an average. Default (Port's): `$createdAt`. */
const MeasureTimeBy = z.string().min(1).optional();

/** The property (of the target blueprint) that `sum`/`min`/`max`/`median`/`average` aggregate. */
const AggregatedProperty = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? `is required with calculationBy "property": name the target blueprint's number property to aggregate, e.g. "cost". Add it, or use calculationBy "entities" to count entities.`
        : undefined,
  })
  .min(1);

const PROPERTY_FUNCS = ["sum", "min", "max", "median"] as const;

/** Count the related entities of `target`. */
export const AggregationCountEntities = closedObject("a count-entities calculationSpec", {
  /** `"entities"`: aggregate the entities themselves. */
  calculationBy: z.literal("entities"),
  /** `"count"`: how many related entities there are. */
  func: z.literal("count"),
});

/** Average number of related entities per period (e.g. deployments per week). */
export const AggregationAverageEntities = closedObject("an average-entities calculationSpec", {
  /** `"entities"`: aggregate the entities themselves. */
  calculationBy: z.literal("entities"),
  /** `"average"`: entities per `averageOf` period. */
  func: z.literal("average"),
  /** The period to average over. */
  averageOf: AggregationAverageOf,
  /** The date-time property placing each entity in time. Default (Port's): `$createdAt`. */
  measureTimeBy: MeasureTimeBy,
});

/** Sum, minimum, maximum or median of a property of the related entities. */
export const AggregationPropertyFunc = closedObject("a property calculationSpec", {
  /** `"property"`: aggregate a property's values. */
  calculationBy: z.literal("property"),
  /** `sum`, `min`, `max` or `median` of `property` over the related entities. */
  func: z.enum(PROPERTY_FUNCS),
  /** The number property of the target blueprint to aggregate. */
  property: AggregatedProperty,
});

/** Average of a property of the related entities, per period. */
export const AggregationAverageProperty = closedObject("an average-property calculationSpec", {
  /** `"property"`: aggregate a property's values. */
  calculationBy: z.literal("property"),
  /** `"average"`: the property's average per `averageOf` period. */
  func: z.literal("average"),
  /** The number property of the target blueprint to average. */
  property: AggregatedProperty,
  /** The period to average over. */
  averageOf: AggregationAverageOf,
  /** The date-time property placing each entity in time. Default (Port's): `$createdAt`. */
  measureTimeBy: MeasureTimeBy,
});

/**
 * How an aggregation property computes its number: `{calculationBy: "entities", func: "count"}`,
 * `{calculationBy: "entities", func: "average", averageOf}`, `{calculationBy: "property",
 * func: "sum" | "min" | "max" | "median", property}`, or `{calculationBy: "property",
 * func: "average", property, averageOf}`.
 */
export const AggregationCalculationSpec = closedUnion(
  "calculationBy",
  [
    closedUnion("func", [AggregationCountEntities, AggregationAverageEntities], {
      noun: `a func for calculationBy "entities"`,
      field: "func",
      hint: (func) =>
        typeof func === "string" && (PROPERTY_FUNCS as readonly string[]).includes(func)
          ? `${JSON.stringify(func)} aggregates a property: use calculationBy "property" and name the property.`
          : undefined,
    }),
    closedUnion("func", [AggregationPropertyFunc, AggregationAverageProperty], {
      noun: `a func for calculationBy "property"`,
      field: "func",
      hint: (func) => (func === "count" ? `"count" counts entities: use calculationBy "entities".` : undefined),
    }),
  ],
  { noun: "a calculationBy", field: "calculationBy" },
);
export type AggregationCalculationSpec = z.output<typeof AggregationCalculationSpec>;

/** Restricts an aggregation to entities reached through one specific relation path. */
export const AggregationPathFilter = closedObject("a pathFilter entry", {
  /** Relation identifiers to follow, in order. */
  path: z.array(PropertyIdentifier).min(1),
  /** Follow the path from this blueprint's entities instead of from `target`. */
  fromBlueprint: BlueprintIdentifier.optional(),
});
export type AggregationPathFilter = z.output<typeof AggregationPathFilter>;

/** An aggregation property: a number computed over the entities of `target` related to each entity. */
export const AggregationProperty = closedObject("an aggregation property", {
  /** Display name, 1–100 characters (required by Port; apispec.yaml: aggregationProperties). */
  title: z.string().min(1).max(100),
  /** Free text shown as the tooltip. */
  description: z.string().optional(),
  /** An icon name from Port's icon list. */
  icon: z.string().optional(),
  /** Type of the result; only `"number"`. Default `"number"`. */
  type: closedEnum(["number"], { noun: "an aggregation property type", field: "type" }).default("number"),
  /** Identifier of the blueprint whose related entities are aggregated. */
  target: BlueprintIdentifier,
  /** What to compute; see {@link AggregationCalculationSpec}. */
  calculationSpec: AggregationCalculationSpec,
  /** Only aggregate the related entities matching this query. Omitted: all related entities. */
  query: EntityQuery.optional(),
  /** At most one relation path to aggregate through. Omitted: entities related through any path. */
  pathFilter: z.array(AggregationPathFilter).max(1).optional(),
});
export type AggregationProperty = z.output<typeof AggregationProperty>;
export type AggregationPropertyInput = z.input<typeof AggregationProperty>;
