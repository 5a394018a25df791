/**
 * Chart widgets: number chart, pie chart, bar chart and line chart, with the companion rules of
 * Port's published widget schema (apispec.yaml `/schemas/dashboardWidget`): which keys a
 * `chartType`, `calculationBy`, `func`, `unit` or `displayFormatting` requires. Each rule is
 * reported on the field to fix rather than as "no union branch matched".
 */
import { z } from "zod";
import { asRecord, closedEnum, crossCheck, openObject, type CrossCheckProblem } from "../../core/schemas/closed";
import { EntityQuery, EntityQueryRules } from "../../core/schemas/entity-query";
import { BlueprintIdentifier, PortColor } from "../../core/schemas/identifiers";
import { listValues, showValue } from "../../core/schemas/messages";
import { ChartPropertyRef, MeasureTimeBy, emptyStateText, widgetHeader } from "./widget-common-schema";

type Report = (problem: CrossCheckProblem) => void;

/** A key `when` requires: reported as missing on `key`. */
function requireKey(chart: Record<string, unknown>, key: string, when: string, report: Report): void {
  if (chart[key] === undefined) report({ path: [key], input: undefined, message: `is required when ${when}. Set ${key}.` });
}

// ---------------------------------------------------------------------------------------------
// Number chart

/** Kinds of number chart: one entity's property, a count of entities, or an aggregation of a property. */
export const NUMBER_CHART_TYPES = ["displaySingleProperty", "countEntities", "aggregateByProperty"] as const;
/** `calculationBy: "entities"` counts entities: `count`, or `average` (entities per time unit). */
export const NUMBER_CHART_ENTITY_FUNCS = ["average", "count"] as const;
/** `calculationBy: "property"` aggregates a number property over the entities. */
export const NUMBER_CHART_PROPERTY_FUNCS = ["sum", "average", "min", "max", "median"] as const;
/** Every number chart `func`. */
export const NUMBER_CHART_FUNCS = ["count", "sum", "min", "max", "median", "average"] as const;
/** Time units of an average; `total` divides a property's sum by the number of entities. */
export const NUMBER_CHART_AVERAGE_OF = ["hour", "day", "week", "month", "total"] as const;
/** Units shown with the number; `custom` shows `unitCustom`. */
export const NUMBER_CHART_UNITS = ["none", "$", "€", "£", "%", "custom"] as const;
/** Decimal places of `displayFormatting: "custom"`. */
export const NUMBER_CHART_DECIMAL_PLACES = [".0", ".00", ".000", ".0000", ".00000"] as const;

/** A condition that colours the number chart and shows a message when the number meets it. */
export const NumberChartCondition = openObject("a number chart condition", {
  /** How the number is compared with `value`. */
  operator: closedEnum([">", ">=", "<", "<=", "=", "!="], { noun: "a condition operator", field: "operator" }),
  /** The value the number is compared with. */
  value: z.number(),
  /** Shown above the number when the condition is met (at most 50 characters). */
  message: z.string().max(50).optional(),
  /** Tooltip of the message (at most 200 characters). */
  description: z.string().max(200).optional(),
  /** The widget's colour when the condition is met. */
  color: PortColor.optional(),
});

/** A number chart: one number, from one entity's property or computed over entities. */
export const NumberChartWidget = openObject("a number chart", {
  ...widgetHeader,
  /** `"entities-number-chart"`. */
  type: z.literal("entities-number-chart"),
  emptyStateText,
  /** The blueprint whose entities are counted or aggregated. Older charts name it by a `$blueprint` rule of `dataset` instead. */
  blueprint: BlueprintIdentifier.optional(),
  /** `displaySingleProperty` (then `property`, `entity`), `countEntities` or `aggregateByProperty` (then `dataset`). */
  chartType: closedEnum(NUMBER_CHART_TYPES, { noun: "a number chart type", field: "chartType" }).optional(),
  /** `entities`: count the entities (`func` count or average); `property`: aggregate `property` (`func` sum, average, min, max, median). */
  calculationBy: closedEnum(["entities", "property"], { noun: "a calculationBy", field: "calculationBy" }).optional(),
  /** The function; see `calculationBy`. */
  func: closedEnum(NUMBER_CHART_FUNCS, { noun: "a number chart func", field: "func" }).optional(),
  /** Required with `func: "average"`: per `hour`, `day`, `week`, `month`, or `total`. */
  averageOf: closedEnum(NUMBER_CHART_AVERAGE_OF, { noun: "an averageOf", field: "averageOf" }).optional(),
  /** With `func: "average"`: the time property the average is measured by. Omitted: Port's `$createdAt`. */
  measureTimeBy: MeasureTimeBy.optional(),
  /** The number property shown or aggregated, e.g. `"cost"`. */
  property: z.string().min(1).optional(),
  /** `displaySingleProperty`: the entity whose property is shown. */
  entity: z.string().min(1).optional(),
  /** The unit shown with the number: `none`, `$`, `€`, `£`, `%`, or `custom` (then `unitCustom` is shown). */
  unit: closedEnum(NUMBER_CHART_UNITS, { noun: "a number chart unit", field: "unit" }),
  /** With `unit: "custom"` (required then): the text shown, e.g. `"deploys/day"`. */
  unitCustom: z.string().optional(),
  /** Where the unit goes: `left` or `right`. */
  unitAlignment: closedEnum(["left", "right"], { noun: "a unit alignment", field: "unitAlignment" }).optional(),
  /** `none`, `round`, or `custom` (then `decimalPlaces`). */
  displayFormatting: closedEnum(["none", "round", "custom"], { noun: "a display formatting", field: "displayFormatting" }).optional(),
  /** With `displayFormatting: "custom"` (required then): `.0` to `.00000`. */
  decimalPlaces: closedEnum(NUMBER_CHART_DECIMAL_PLACES, { noun: "a number of decimal places", field: "decimalPlaces" }).optional(),
  /** Colours and messages by the number's value; see {@link NumberChartCondition}. */
  conditionalFormatting: z.array(NumberChartCondition).optional(),
  /** Which entities count: a query, or (as older charts have it) a list of rules all entities must match. Omitted: all of the blueprint. */
  dataset: z.union([EntityQuery, EntityQueryRules]).optional(),
}).check(crossCheck(checkNumberChart));
export type NumberChartWidget = z.output<typeof NumberChartWidget>;

function checkNumberChart(input: unknown, report: Report): void {
  const chart = asRecord(input);
  if (chart === undefined) return;
  const { chartType, calculationBy: by, func } = chart;
  if (chartType === "aggregateByProperty" || chartType === "countEntities") requireKey(chart, "dataset", `chartType is "${chartType}"`, report);
  if (chartType === "displaySingleProperty") requireKey(chart, "property", `chartType is "displaySingleProperty"`, report);
  const funcs: Record<string, readonly string[]> = { entities: NUMBER_CHART_ENTITY_FUNCS, property: NUMBER_CHART_PROPERTY_FUNCS };
  if (typeof by === "string" && by in funcs) {
    if (by === "property") requireKey(chart, "property", `calculationBy is "property": the number property func aggregates, e.g. "cost"`, report);
    requireKey(chart, "func", `calculationBy is "${by}" (${listValues(funcs[by])})`, report);
    if (typeof func === "string" && !funcs[by].includes(func)) {
      report({
        path: ["func"],
        input: func,
        message: `${showValue(func)} is not a func of calculationBy "${by}"; allowed: ${listValues(funcs[by])}. Fix the func or the calculationBy.`,
      });
    }
  }
  if (func === "average") requireKey(chart, "averageOf", `func is "average" (${listValues(NUMBER_CHART_AVERAGE_OF)})`, report);
  if (chart.unit === "custom") requireKey(chart, "unitCustom", `unit is "custom": the text shown with the number, e.g. "deploys/day"`, report);
  if (chart.displayFormatting === "custom") requireKey(chart, "decimalPlaces", `displayFormatting is "custom" (${listValues(NUMBER_CHART_DECIMAL_PLACES)})`, report);
}

// ---------------------------------------------------------------------------------------------
// Pie and bar charts

/** A pie chart: entities broken down by one property (up to 14 slices, then "Other"). */
export const PieChartWidget = openObject("a pie chart", {
  ...widgetHeader,
  /** `"entities-pie-chart"`. */
  type: z.literal("entities-pie-chart"),
  emptyStateText,
  /** The blueprint whose entities are shown. Older charts name it by a `$blueprint` rule of `dataset` instead. */
  blueprint: BlueprintIdentifier.optional(),
  /** What the slices are: `"property#<key>"` and the other forms of {@link ChartPropertyRef}. */
  property: ChartPropertyRef,
  /** Which entities count, e.g. `{combinator: "and", rules: [{property: "$blueprint", operator: "=", value: "service"}]}`. */
  dataset: EntityQuery,
  /** When true, small slices are not folded into "Other". Omitted: Port folds them. */
  dontAggregateOther: z.boolean().optional(),
});
export type PieChartWidget = z.output<typeof PieChartWidget>;

/** A bar chart: entities broken down by one property, as vertical bars (up to 9, then "other"). */
export const BarChartWidget = openObject("a bar chart", {
  ...widgetHeader,
  /** `"bar-chart"`. */
  type: z.literal("bar-chart"),
  emptyStateText,
  /** The blueprint whose entities are shown. */
  blueprint: BlueprintIdentifier.optional(),
  /** The breakdown property, e.g. `"property#tier"`. */
  property: z.string().min(1),
  /** Which entities count (a query). */
  dataset: EntityQuery,
});
export type BarChartWidget = z.output<typeof BarChartWidget>;

// ---------------------------------------------------------------------------------------------
// Line chart

/** Kinds of line chart: one entity's property history, properties aggregated over all entities, or an entity count. */
export const LINE_CHART_TYPES = ["propertiesValueHistory", "aggregatePropertiesValues", "countEntities"] as const;
/** `func` of an `aggregatePropertiesValues` line chart. */
export const LINE_CHART_AGGREGATE_FUNCS = ["sum", "average", "min", "max", "median", "last"] as const;
/** `func` of a `countEntities` line chart. */
export const LINE_CHART_COUNT_FUNCS = ["count", "average"] as const;
/** Every line chart `func`. */
export const LINE_CHART_FUNCS = ["sum", "average", "min", "max", "median", "last", "count"] as const;
/** Time between two points of a line chart. */
export const LINE_CHART_TIME_INTERVALS = ["hour", "day", "isoWeek", "month", "quarter"] as const;
/** How far back a line chart goes. */
export const LINE_CHART_TIME_RANGES = [
  "today",
  "yesterday",
  "lastDay",
  "lastWeek",
  "last2Weeks",
  "lastMonth",
  "last3Months",
  "last6Months",
  "last12Months",
  "last2Years",
  "last3Years",
] as const;

/** A line chart: values over time, one line per property (or per value of `breakdownProperty`). `chartType` decides which keys apply. */
export const LineChartWidget = openObject("a line chart", {
  ...widgetHeader,
  /** `"line-chart"`. */
  type: z.literal("line-chart"),
  emptyStateText,
  /** The blueprint whose entities are charted. */
  blueprint: BlueprintIdentifier,
  /** See {@link LINE_CHART_TYPES}. */
  chartType: closedEnum(LINE_CHART_TYPES, { noun: "a line chart type", field: "chartType" }),
  /** `propertiesValueHistory` only (required): the entity whose history is shown. */
  entity: z.string().min(1).optional(),
  /** `propertiesValueHistory` and `aggregatePropertiesValues` (required): one line per number property, e.g. `"properties.cost"`. */
  properties: z.array(z.string().min(1)).min(1).optional(),
  /** `aggregatePropertiesValues`: sum, average, min, max, median or last; `countEntities`: count or average. */
  func: closedEnum(LINE_CHART_FUNCS, { noun: "a line chart func", field: "func" }).optional(),
  /** Not for `propertiesValueHistory` (required otherwise): the date-time property that places an entity in time, e.g. `"$createdAt"`. */
  measureTimeBy: MeasureTimeBy.optional(),
  /** `countEntities` only: one line per value of this property (at most 10 lines). */
  breakdownProperty: z.string().min(1).optional(),
  /** Not for `propertiesValueHistory`: which entities count. */
  dataset: EntityQuery.optional(),
  /** Time between two points. */
  timeInterval: closedEnum(LINE_CHART_TIME_INTERVALS, { noun: "a line chart time interval", field: "timeInterval" }).optional(),
  /** How far back the chart goes, e.g. `{preset: "lastMonth"}`. */
  timeRange: openObject("a line chart time range", {
    /** A named range relative to now. */
    preset: closedEnum(LINE_CHART_TIME_RANGES, { noun: "a time range preset", field: "preset" }),
  }).optional(),
  /** Title of the time axis. */
  xAxisTitle: z.string().optional(),
  /** Title of the value axis. */
  yAxisTitle: z.string().optional(),
}).check(crossCheck(checkLineChart));
export type LineChartWidget = z.output<typeof LineChartWidget>;

/** Keys each line chart kind requires, allows, and which funcs it takes (Port's three line chart schemas). */
const LINE_CHART_RULES: Record<(typeof LINE_CHART_TYPES)[number], { required: string[]; allowed: string[]; funcs?: readonly string[] }> = {
  propertiesValueHistory: { required: ["entity", "properties"], allowed: ["entity", "properties"] },
  aggregatePropertiesValues: { required: ["properties", "func", "measureTimeBy"], allowed: ["properties", "func", "measureTimeBy", "dataset"], funcs: LINE_CHART_AGGREGATE_FUNCS },
  countEntities: { required: ["func", "measureTimeBy"], allowed: ["func", "measureTimeBy", "breakdownProperty", "dataset"], funcs: LINE_CHART_COUNT_FUNCS },
};
const LINE_CHART_KIND_KEYS = ["entity", "properties", "func", "measureTimeBy", "breakdownProperty", "dataset"];

function checkLineChart(input: unknown, report: Report): void {
  const chart = asRecord(input);
  const kind = chart?.chartType as (typeof LINE_CHART_TYPES)[number] | undefined;
  if (chart === undefined || kind === undefined || !Object.hasOwn(LINE_CHART_RULES, kind)) return;
  const rules = LINE_CHART_RULES[kind];
  for (const key of rules.required) requireKey(chart, key, `chartType is "${kind}"`, report);
  for (const key of LINE_CHART_KIND_KEYS) {
    if (chart[key] !== undefined && !rules.allowed.includes(key)) {
      report({ path: [key], input: chart[key], message: `does not apply when chartType is "${kind}" (it takes ${rules.allowed.join(", ")}). Remove ${key}, or change chartType.` });
    }
  }
  if (rules.funcs && typeof chart.func === "string" && !rules.funcs.includes(chart.func)) {
    report({ path: ["func"], input: chart.func, message: `${showValue(chart.func)} is not a func of a "${kind}" line chart; allowed: ${listValues(rules.funcs)}. Fix the func.` });
  }
}
