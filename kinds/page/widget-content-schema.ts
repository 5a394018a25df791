/**
 * The table of entities, content widgets (markdown, iframe), action widgets (action card, action
 * runs table) and the personal widgets of the home page.
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, crossCheck, type CrossCheckProblem } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { ActionIdentifier, BlueprintIdentifier } from "../../core/schemas/identifiers";
import { showValue } from "../../core/schemas/messages";
import { PERSONAL_WIDGET_TYPES, emptyStateText, optionalTitleHeader, widgetHeader } from "./widget-common-schema";

type Report = (problem: CrossCheckProblem) => void;

// ---------------------------------------------------------------------------------------------
// Table of entities

/** One sort key of a table: a property (or meta-property) and a direction. */
export const TableSortKey = closedObject("a table sort key", {
  /** Property identifier or meta-property, e.g. `"$updatedAt"`. */
  property: z.string().min(1),
  /** `asc` or `desc`. JSON key and values UNCONFIRMED (assumed `order: asc|desc`). */
  order: closedEnum(["asc", "desc"], { noun: "a sort order", field: "order" }),
});

/**
 * How a table shows one blueprint's entities (Port's `blueprintConfig[<blueprint>]`, as saved by
 * "Save table view"). `propertiesSettings.shown` is the table's columns, in order.
 */
export const TableBlueprintConfig = closedObject("a table blueprint config", {
  /** The columns: `shown` lists the properties (and meta-properties such as `$title`, `$team`) shown, in column order. */
  propertiesSettings: closedObject("table properties settings", {
    /** The columns, in order, e.g. `["$title", "language", "$team"]`. */
    shown: z.array(z.string().min(1)).optional(),
    /** Column order of properties not in `shown`. */
    order: z.array(z.string().min(1)).optional(),
  }).optional(),
  /** A filter applied in the table on top of the widget's `dataset` (the viewer may change it unless the page is locked). */
  filterSettings: closedObject("table filter settings", {
    /** The filter, in Port's query language. */
    filterBy: EntityQuery,
  }).optional(),
  /** Group rows by these properties. */
  groupSettings: closedObject("table group settings", {
    /** Properties to group by, outermost first. */
    groupBy: z.array(z.string().min(1)),
  }).optional(),
  /** Sort rows. */
  sortSettings: closedObject("table sort settings", {
    /** Sort keys, most significant first. */
    sortBy: z.array(TableSortKey),
  }).optional(),
});
export type TableBlueprintConfig = z.output<typeof TableBlueprintConfig>;

/** A table of the entities of a blueprint. */
export const TableWidget = closedObject("a table", {
  ...widgetHeader,
  /** `"table-entities-explorer"`. */
  type: z.literal("table-entities-explorer"),
  emptyStateText,
  /** The blueprint whose entities are listed. */
  blueprint: BlueprintIdentifier,
  /** Which entities are listed: a static or dynamic filter. Omitted: all of the blueprint. */
  dataset: EntityQuery.optional(),
  /** `widget`: a table in the dashboard. `tabs` is assumed from Port's entity pages (UNCONFIRMED). Omitted: Port's default. */
  displayMode: closedEnum(["widget", "tabs"], { noun: "a table display mode", field: "displayMode" }).optional(),
  /** Properties the viewer cannot show in this table. A set: order is not significant. */
  excludedFields: z.array(z.string().min(1)).optional(),
  /** Columns, filter, grouping and sorting, keyed by the table's blueprint; see {@link TableBlueprintConfig}. */
  blueprintConfig: z.record(BlueprintIdentifier, TableBlueprintConfig).optional(),
}).check(
  crossCheck((input, report) => {
    const table = asRecord(input);
    if (typeof table?.blueprint !== "string") return;
    for (const key of Object.keys(asRecord(table.blueprintConfig) ?? {})) {
      if (key === table.blueprint) continue;
      report({
        path: ["blueprintConfig", key],
        input: key,
        message: `configures blueprint ${showValue(key)}, but the table lists ${showValue(table.blueprint)}. Key the config by ${showValue(table.blueprint)}.`,
      });
    }
  }),
);
export type TableWidget = z.output<typeof TableWidget>;

// ---------------------------------------------------------------------------------------------
// Markdown, iframe

/** Markdown text. */
export const MarkdownWidget = closedObject("a markdown widget", {
  ...widgetHeader,
  /** `"markdown"`. */
  type: z.literal("markdown"),
  /** The Markdown shown. */
  markdown: z.string(),
});
export type MarkdownWidget = z.output<typeof MarkdownWidget>;

const IFRAME_OAUTH_KEYS = ["tokenUrl", "authorizationUrl", "clientId"] as const;

/** An embedded web page. */
export const IframeWidget = closedObject("an iframe widget", {
  ...widgetHeader,
  /** `"iframe-widget"`. */
  type: z.literal("iframe-widget"),
  /** The page to embed (http or https). */
  url: z.url({ protocol: /^https?$/ }),
  /** `public`: embedded as is; `protected`: Port signs the viewer in with OAuth first (then `tokenUrl`, `authorizationUrl`, `clientId`). */
  urlType: closedEnum(["public", "protected"], { noun: "an iframe urlType", field: "urlType" }),
  /** `protected` only: the OAuth token endpoint. */
  tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** `protected` only: the OAuth authorization endpoint. */
  authorizationUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** `protected` only: the OAuth client id. */
  clientId: z.string().min(1).optional(),
  /** `protected` only: OAuth scopes to request. */
  scopes: z.array(z.string().min(1)).optional(),
}).check(crossCheck((input, report) => checkIframe(asRecord(input), report)));
export type IframeWidget = z.output<typeof IframeWidget>;

function checkIframe(widget: Record<string, unknown> | undefined, report: Report): void {
  if (widget?.urlType === "protected") {
    for (const key of IFRAME_OAUTH_KEYS) {
      if (widget[key] === undefined)
        report({ path: [key], input: undefined, message: `is required when urlType is "protected" (Port signs the viewer in with OAuth). Set ${key}.` });
    }
  } else if (widget?.urlType === "public") {
    for (const key of [...IFRAME_OAUTH_KEYS, "scopes"]) {
      if (widget[key] !== undefined)
        report({ path: [key], input: widget[key], message: `only applies when urlType is "protected". Remove ${key}, or set urlType to "protected".` });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Actions

/** Buttons that run self-service actions. */
export const ActionCardWidget = closedObject("an action card", {
  ...widgetHeader,
  /** `"action-card-widget"`. */
  type: z.literal("action-card-widget"),
  /** The actions offered, in order; each `{action: "<action identifier>"}`. */
  actions: z
    .array(
      closedObject("an action card entry", {
        /** Identifier of a self-service action. */
        action: ActionIdentifier,
      }),
    )
    .min(1),
}).check(
  crossCheck((input, report) => {
    const actions = asRecord(input)?.actions;
    if (!Array.isArray(actions)) return;
    const seen = new Set<unknown>();
    actions.forEach((entry, index) => {
      const action = asRecord(entry)?.action;
      if (seen.has(action)) report({ path: ["actions", index, "action"], input: action, message: `${showValue(action)} is listed twice. Remove the duplicate.` });
      seen.add(action);
    });
  }),
);
export type ActionCardWidget = z.output<typeof ActionCardWidget>;

/** The runs of one self-service action. */
export const ActionRunsTableWidget = closedObject("an action runs table", {
  ...widgetHeader,
  /** `"action-runs-table-widget"`. */
  type: z.literal("action-runs-table-widget"),
  /** Identifier of the self-service action whose runs are listed. */
  action: ActionIdentifier,
});
export type ActionRunsTableWidget = z.output<typeof ActionRunsTableWidget>;

// ---------------------------------------------------------------------------------------------
// Personal widgets (home page only)

/** The viewer's entities, recently viewed entities, or recently used actions. Port allows them on the home page only. */
export const PersonalWidget = closedObject("a personal widget", {
  ...optionalTitleHeader,
  /** `"my-entities"`, `"recently-viewed-entities"` or `"recently-used-actions"`. */
  type: z.enum(PERSONAL_WIDGET_TYPES),
});
export type PersonalWidget = z.output<typeof PersonalWidget>;
