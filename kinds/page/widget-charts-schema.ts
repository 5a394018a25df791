/**
 * Chart widgets: number chart, pie chart and line chart. Each is one closed object whose
 * companion fields (which `func` goes with which `calculationBy`, `averageOf` with `average`,
 * `unitCustom` with `unit: "custom"`, ...) are checked together, so a mistake is reported on the
 * field to fix rather than as "no union branch matched".
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, crossCheck, type CrossCheckProblem } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { BlueprintIdentifier, EntityIdentifier } from "../../core/schemas/identifiers";
import { listValues, showValue } from "../../core/schemas/messages";
import { ChartPropertyRef, MeasureTimeBy, emptyStateText, widgetHeader } from "./widget-common-schema";

type Report = (problem: CrossCheckProblem) => void;

// ---------------------------------------------------------------------------------------------
// Number chart

/** `calculationBy: "entities"` counts entities: `count`, or `average` (entities per time unit). */
export const NUMBER_CHART_ENTITY_FUNCS = ["count", "average"] as const;
/** `calculationBy: "property"` aggregates a number property over the entities. */
export const NUMBER_CHART_PROPERTY_FUNCS = ["sum", "min", "max", "median", "average"] as const;
/** Every number chart `func`. */
export const NUMBER_CHART_FUNCS = ["count", "sum", "min", "max", "median", "average"] as const;
/** Time units of an average; `total` (divide by the number of entities) only when aggregating a property. */
export const NUMBER_CHART_AVERAGE_OF = ["hour", "day", "week", "month", "total"] as const;
/** Units shown with the number; `custom` shows `unitCustom`. */
export const NUMBER_CHART_UNITS = ["%", "$", "£", "€", "none", "custom"] as const;

/** A number chart: one number computed over the entities of a blueprint. */
export const NumberChartWidget = closedObject("a number chart", {
  ...widgetHeader,
  /** `"entities-number-chart"`. */
  type: z.literal("entities-number-chart"),
  emptyStateText,
  /** The blueprint whose entities are counted or aggregated. */
  blueprint: BlueprintIdentifier,
  /** `entities`: count the entities; `property`: aggregate the number property named in `property`. */
  calculationBy: closedEnum(["entities", "property"], { noun: "a calculationBy", field: "calculationBy" }),
  /**
   * With `calculationBy: "entities"`: `count` or `average` (entities per `averageOf`).
   * With `calculationBy: "property"`: `sum`, `min`, `max`, `median` or `average`.
   */
  func: closedEnum(NUMBER_CHART_FUNCS, { noun: "a number chart func", field: "func" }),
  /** Required with `func: "average"`: per `hour`, `day`, `week`, `month`, or `total` (property only). */
  averageOf: closedEnum(NUMBER_CHART_AVERAGE_OF, { noun: "an averageOf", field: "averageOf" }).optional(),
  /** With `func: "average"`: the time property the average is measured by. Omitted: Port's `$createdAt`. */
  measureTimeBy: MeasureTimeBy.optional(),
  /** With `calculationBy: "property"` (required then): the number property to aggregate, e.g. `"cost"`. */
  property: z.string().min(1).optional(),
  /** The unit shown with the number: `%`, `$`, `£`, `€`, `none`, or `custom` (then `unitCustom` is shown). */
  unit: closedEnum(NUMBER_CHART_UNITS, { noun: "a number chart unit", field: "unit" }),
  /** With `unit: "custom"` (required then): the text shown, e.g. `"deploys/day"`. */
  unitCustom: z.string().min(1).optional(),
  /** Where the unit goes. JSON key name UNCONFIRMED (port-api.md §10); `unitAlignment` is assumed. Omitted: Port's default. */
  unitAlignment: closedEnum(["left", "right", "bottom"], { noun: "a unit alignment", field: "unitAlignment" }).optional(),
  /** Which entities count: a static filter, or a dynamic one through `{context, property}` values. Omitted: all of the blueprint. */
  dataset: EntityQuery.optional(),
}).check(crossCheck(checkNumberChart));
export type NumberChartWidget = z.output<typeof NumberChartWidget>;

function checkNumberChart(input: unknown, report: Report): void {
  const chart = asRecord(input);
  if (chart === undefined) return;
  const { calculationBy: by, func } = chart;
  const funcText = showValue(func);
  if (
    by === "entities" &&
    typeof func === "string" &&
    !(NUMBER_CHART_ENTITY_FUNCS as readonly string[]).includes(func) &&
    (NUMBER_CHART_FUNCS as readonly string[]).includes(func)
  ) {
    report({
      path: ["func"],
      input: func,
      message: `${funcText} aggregates a property, but calculationBy is "entities", which takes func ${listValues(NUMBER_CHART_ENTITY_FUNCS)}. Set calculationBy to "property" and name the property, or use func "count".`,
    });
  }
  if (by === "property" && func === "count") {
    report({
      path: ["func"],
      input: func,
      message: `"count" counts entities, but calculationBy is "property", which takes func ${listValues(NUMBER_CHART_PROPERTY_FUNCS)}. Set calculationBy to "entities", or choose an aggregation.`,
    });
  }
  const aggregatesProperty = by === "property" || (by !== "entities" && typeof func === "string" && ["sum", "min", "max", "median"].includes(func));
  if (aggregatesProperty && chart.property === undefined) {
    const message =
      by === "property"
        ? `is required when calculationBy is "property": name the number property whose values func ${funcText} aggregates, e.g. "cost". Set property.`
        : `is required when func is ${funcText}: name the number property to aggregate, e.g. "cost", with calculationBy "property". Set property.`;
    report({ path: ["property"], input: undefined, message });
  }
  if (by === "entities" && chart.property !== undefined) {
    report({
      path: ["property"],
      input: chart.property,
      message: `is only used when calculationBy is "property" (here it is "entities", which counts entities). Remove property, or set calculationBy to "property".`,
    });
  }
  const allowedAverageOf = by === "entities" ? NUMBER_CHART_AVERAGE_OF.filter((unit) => unit !== "total") : NUMBER_CHART_AVERAGE_OF;
  if (func === "average" && chart.averageOf === undefined) {
    report({ path: ["averageOf"], input: undefined, message: `is required when func is "average"; allowed: ${listValues(allowedAverageOf)}. Set averageOf.` });
  }
  if (func === "average" && by === "entities" && chart.averageOf === "total") {
    report({
      path: ["averageOf"],
      input: "total",
      message: `"total" divides a property's sum by the number of entities, so it needs calculationBy "property"; with "entities" use ${listValues(allowedAverageOf)}. Fix the averageOf.`,
    });
  }
  for (const key of ["averageOf", "measureTimeBy"] as const) {
    if (func !== "average" && typeof func === "string" && chart[key] !== undefined) {
      report({ path: [key], input: chart[key], message: `only applies when func is "average" (func is ${funcText}). Remove ${key}, or set func to "average".` });
    }
  }
  if (chart.unit === "custom" && chart.unitCustom === undefined) {
    report({ path: ["unitCustom"], input: undefined, message: `is required when unit is "custom": the text shown with the number, e.g. "deploys/day". Set unitCustom.` });
  }
  if (chart.unitCustom !== undefined && typeof chart.unit === "string" && chart.unit !== "custom") {
    report({
      path: ["unitCustom"],
      input: chart.unitCustom,
      message: `only applies when unit is "custom" (unit is ${showValue(chart.unit)}). Remove unitCustom, or set unit to "custom".`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Pie chart

/** A pie chart: the entities of a blueprint broken down by one property (up to 14 slices, then "Other"). */
export const PieChartWidget = closedObject("a pie chart", {
  ...widgetHeader,
  /** `"entities-pie-chart"`. */
  type: z.literal("entities-pie-chart"),
  emptyStateText,
  /** The blueprint whose entities are shown. */
  blueprint: BlueprintIdentifier,
  /** What the slices are: `"property#<key>"` and the other forms of {@link ChartPropertyRef}. */
  property: ChartPropertyRef,
  /** Which entities count: a static or dynamic filter. Omitted: all of the blueprint. */
  dataset: EntityQuery.optional(),
  /** When true, small slices are not folded into "Other". Omitted: Port folds them. */
  dontAggregateOther: z.boolean().optional(),
});
export type PieChartWidget = z.output<typeof PieChartWidget>;

// ---------------------------------------------------------------------------------------------
// Line chart. Port's JSON for line charts is UNCONFIRMED in port-api.md; the keys below follow
// Port's documented chart kinds (property history, aggregate property, count entities).

/** Kinds of line chart: one entity's property history, a property aggregated over all entities, or an entity count. */
export const LINE_CHART_TYPES = ["propertiesValueHistory", "aggregatePropertiesValues", "countEntities"] as const;
/** `func` of an `aggregatePropertiesValues` line chart. */
export const LINE_CHART_AGGREGATE_FUNCS = ["average", "median", "sum", "max", "min", "last"] as const;
/** `func` of a `countEntities` line chart. */
export const LINE_CHART_COUNT_FUNCS = ["count", "average"] as const;
/** Time between two points of a line chart. */
export const LINE_CHART_TIME_INTERVALS = ["hour", "day", "week", "month"] as const;
/** Every line chart `func`. */
export const LINE_CHART_FUNCS = ["average", "median", "sum", "max", "min", "last", "count"] as const;
/** How far back a line chart goes (at most a year): the entity query's date presets without `tomorrow`. */
export const LINE_CHART_TIME_RANGES = ["today", "yesterday", "lastDay", "lastWeek", "last2Weeks", "lastMonth", "last3Months", "last6Months", "last12Months"] as const;

const PROPERTY_PATH = /^properties\.[A-Za-z0-9@_=\\-]+$/;

/** A line chart property: `"properties.<key>"` (a number property of the blueprint). */
export const LineChartProperty = z.string().superRefine((path, ctx) => {
  if (PROPERTY_PATH.test(path)) return;
  const advice = /^[A-Za-z0-9@_=\\-]+$/.test(path) ? ` Use ${showValue(`properties.${path}`)}.` : "";
  ctx.addIssue({
    code: "custom",
    input: path,
    message: `${showValue(path)} is not a property path; line charts name number properties as "properties.<key>", e.g. "properties.cost".${advice} Fix the property.`,
  });
});

/** A line chart: values over time. `chartType` decides which of the other keys apply. */
export const LineChartWidget = closedObject("a line chart", {
  ...widgetHeader,
  /** `"line-chart"`. */
  type: z.literal("line-chart"),
  emptyStateText,
  /** The blueprint whose entities are charted. */
  blueprint: BlueprintIdentifier,
  /** See {@link LINE_CHART_TYPES}. JSON key UNCONFIRMED (assumed `chartType`). */
  chartType: closedEnum(LINE_CHART_TYPES, { noun: "a line chart type", field: "chartType" }),
  /** `propertiesValueHistory` only (required): the entity whose history is shown. */
  entity: EntityIdentifier.optional(),
  /** `propertiesValueHistory` and `aggregatePropertiesValues` (required): one line per number property, as `"properties.<key>"`. */
  properties: z.array(LineChartProperty).min(1).optional(),
  /** `aggregatePropertiesValues`: average, median, sum, max, min or last; `countEntities`: count or average. */
  func: closedEnum(LINE_CHART_FUNCS, { noun: "a line chart func", field: "func" }).optional(),
  /** Not for `propertiesValueHistory`: the date-time property that places an entity in time. Omitted: `$createdAt`. */
  measureTimeBy: MeasureTimeBy.optional(),
  /** `countEntities` only: one line per value of this property (at most 10 lines). */
  breakdownProperty: z.string().min(1).optional(),
  /** Not for `propertiesValueHistory`: which entities count (static or dynamic filter). */
  dataset: EntityQuery.optional(),
  /** Time between two points. */
  timeInterval: closedEnum(LINE_CHART_TIME_INTERVALS, { noun: "a time interval", field: "timeInterval" }),
  /** How far back the chart goes, e.g. `{preset: "lastMonth"}`. */
  timeRange: closedObject("a line chart time range", {
    /** A named range relative to now. */
    preset: closedEnum(LINE_CHART_TIME_RANGES, { noun: "a time range preset", field: "preset" }),
  }),
  /** Title of the time axis. */
  xAxisTitle: z.string().optional(),
  /** Title of the value axis. */
  yAxisTitle: z.string().optional(),
}).check(crossCheck(checkLineChart));
export type LineChartWidget = z.output<typeof LineChartWidget>;

/** Keys each line chart kind requires, allows, and which funcs it takes. */
const LINE_CHART_RULES: Record<(typeof LINE_CHART_TYPES)[number], { required: string[]; allowed: string[]; funcs?: readonly string[] }> = {
  propertiesValueHistory: { required: ["entity", "properties"], allowed: ["entity", "properties"] },
  aggregatePropertiesValues: { required: ["properties", "func"], allowed: ["properties", "func", "measureTimeBy", "dataset"], funcs: LINE_CHART_AGGREGATE_FUNCS },
  countEntities: { required: ["func"], allowed: ["func", "measureTimeBy", "breakdownProperty", "dataset"], funcs: LINE_CHART_COUNT_FUNCS },
};
const LINE_CHART_KIND_KEYS = ["entity", "properties", "func", "measureTimeBy", "breakdownProperty", "dataset"];

function checkLineChart(input: unknown, report: Report): void {
  const chart = asRecord(input);
  const kind = chart?.chartType as (typeof LINE_CHART_TYPES)[number] | undefined;
  if (chart === undefined || kind === undefined || !(kind in LINE_CHART_RULES)) return;
  const rules = LINE_CHART_RULES[kind];
  for (const key of rules.required) {
    if (chart[key] === undefined) report({ path: [key], input: undefined, message: `is required when chartType is "${kind}". Set ${key}.` });
  }
  for (const key of LINE_CHART_KIND_KEYS) {
    if (chart[key] !== undefined && !rules.allowed.includes(key)) {
      report({ path: [key], input: chart[key], message: `does not apply when chartType is "${kind}" (it takes ${rules.allowed.join(", ")}). Remove ${key}, or change chartType.` });
    }
  }
  if (rules.funcs && typeof chart.func === "string" && !rules.funcs.includes(chart.func)) {
    report({ path: ["func"], input: chart.func, message: `${showValue(chart.func)} is not a func of a "${kind}" line chart; allowed: ${listValues(rules.funcs)}. Fix the func.` });
  }
}
