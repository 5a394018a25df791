/**
 * The table of entities, content widgets (markdown, iframe, links), action widgets (action card,
 * action runs table), the AI agent widget and the personal widgets of the home page, as Port's
 * published widget schema has them (apispec.yaml `/schemas/dashboardWidget`).
 */
import { z } from "zod";
import { asRecord, closedEnum, crossCheck, openObject } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { ActionIdentifier, BlueprintIdentifier } from "../../core/schemas/identifiers";
import { PERSONAL_WIDGET_TYPES, TableConfig, emptyStateText, tableSettings, titledHeader, widgetHeader } from "./widget-common-schema";

// ---------------------------------------------------------------------------------------------
// Table of entities

/**
 * How a table shows one blueprint's entities (Port's `blueprintConfig[<blueprint>]`, as saved by
 * "Save table view"), or one tab of a table shown as tabs.
 */
export const TableBlueprintConfig = openObject("a table blueprint config", {
  ...tableSettings,
  /** Position of the tab, when the table is shown as tabs. */
  tabIndex: z.number().optional(),
  /** When true, the tab is hidden. */
  hidden: z.boolean().optional(),
  /** The tab's title (at most 20 characters). */
  title: z.string().max(20).optional(),
  /** The tab's description. */
  description: z.string().optional(),
});
export type TableBlueprintConfig = z.output<typeof TableBlueprintConfig>;

/** A table of entities (a catalog page's table, or a table widget of a dashboard). */
export const TableWidget = openObject("a table", {
  ...widgetHeader,
  /** `"table-entities-explorer"`. */
  type: z.literal("table-entities-explorer"),
  emptyStateText,
  /** The blueprint whose entities are listed. Older tables name it by a `$blueprint` rule of `dataset` instead. */
  blueprint: BlueprintIdentifier.optional(),
  /** Which entities are listed; on a catalog page `"{{blueprint}}"` stands for the page's blueprint. */
  dataset: EntityQuery,
  /** `widget`: a table in a dashboard; `tabs` and `single` are Port's catalog and entity page layouts. */
  displayMode: closedEnum(["tabs", "single", "widget"], { noun: "a table display mode", field: "displayMode" }).optional(),
  /** Properties the viewer cannot show in this table (e.g. `"properties.readme"`). A set: order is not significant. */
  excludedFields: z.array(z.string()).optional(),
  /** Columns, filter, grouping and sorting, keyed by blueprint; see {@link TableBlueprintConfig}. */
  blueprintConfig: z.record(BlueprintIdentifier, TableBlueprintConfig).optional(),
});
export type TableWidget = z.output<typeof TableWidget>;

// ---------------------------------------------------------------------------------------------
// Markdown, iframe, links

/** Markdown text: written here (`source` omitted or `custom`), or read from an entity's property (`source: "property"`). */
export const MarkdownWidget = openObject("a markdown widget", {
  ...titledHeader,
  /** `"markdown"`. */
  type: z.literal("markdown"),
  /** `custom` (default): `markdown` is shown; `property`: the property `propertyIdentifier` of entity `entityIdentifier` is shown. */
  source: closedEnum(["custom", "property"], { noun: "a markdown source", field: "source" }).optional(),
  /** The Markdown shown (required unless `source` is `property`). */
  markdown: z.string().optional(),
  /** `source: "property"`: the blueprint of the entity. */
  blueprintIdentifier: z.string().optional(),
  /** `source: "property"`: the property holding the Markdown. */
  propertyIdentifier: z.string().optional(),
  /** `source: "property"`: the entity. */
  entityIdentifier: z.string().optional(),
}).check(
  crossCheck((input, report) => {
    const widget = asRecord(input);
    if (widget === undefined) return;
    const required = widget.source === "property" ? ["blueprintIdentifier", "propertyIdentifier", "entityIdentifier"] : ["markdown"];
    const when = widget.source === "property" ? `source is "property"` : `source is "custom" (the default)`;
    for (const key of required) if (widget[key] === undefined) report({ path: [key], input: undefined, message: `is required when ${when}. Set ${key}.` });
  }),
);
export type MarkdownWidget = z.output<typeof MarkdownWidget>;

const IFRAME_OAUTH_KEYS = ["tokenUrl", "authorizationUrl", "clientId", "scopes"] as const;

/** An embedded web page. */
export const IframeWidget = openObject("an iframe widget", {
  ...titledHeader,
  /** `"iframe-widget"`. */
  type: z.literal("iframe-widget"),
  /** The page to embed (http or https). */
  url: z.url({ protocol: /^https?$/ }),
  /** `public`: embedded as is; `protected`: Port signs the viewer in with OAuth first (then `tokenUrl`, `authorizationUrl`, `clientId`, `scopes`). */
  urlType: closedEnum(["public", "protected"], { noun: "an iframe urlType", field: "urlType" }),
  /** `protected` only: the OAuth token endpoint. */
  tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** `protected` only: the OAuth authorization endpoint. */
  authorizationUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** `protected` only: the OAuth client id. */
  clientId: z.string().optional(),
  /** `protected` only: OAuth scopes to request. */
  scopes: z.array(z.string()).optional(),
  /** `protected` only: sign in through a popup. */
  popupAuth: z.boolean().optional(),
}).check(
  crossCheck((input, report) => {
    const widget = asRecord(input);
    if (widget?.urlType !== "protected") return;
    for (const key of IFRAME_OAUTH_KEYS) {
      if (widget[key] === undefined)
        report({ path: [key], input: undefined, message: `is required when urlType is "protected" (Port signs the viewer in with OAuth). Set ${key}.` });
    }
  }),
);
export type IframeWidget = z.output<typeof IframeWidget>;

/** Links to other pages or sites; `{{url.identifier}}` in a URL stands for the entity of an entity page. */
export const LinksWidget = openObject("a links widget", {
  ...widgetHeader,
  /** `"links-widget"`. */
  type: z.literal("links-widget"),
  /** The links, in order. */
  links: z.array(
    openObject("a link", {
      /** The link's text. */
      title: z.string().min(1),
      /** Shown under the title. */
      description: z.string().optional(),
      /** Where it goes. */
      url: z.string().min(1),
      /** An icon name from Port's icon list. */
      icon: z.string().optional(),
    }),
  ),
});
export type LinksWidget = z.output<typeof LinksWidget>;

// ---------------------------------------------------------------------------------------------
// Actions and AI agents

/** Buttons that run self-service actions. */
export const ActionCardWidget = openObject("an action card", {
  ...widgetHeader,
  /** `"action-card-widget"`. */
  type: z.literal("action-card-widget"),
  /** The actions offered, in order; each `{action: "<action identifier>"}`. */
  actions: z
    .array(
      openObject("an action card entry", {
        /** Identifier of a self-service action. */
        action: ActionIdentifier,
      }),
    )
    .min(1),
});
export type ActionCardWidget = z.output<typeof ActionCardWidget>;

/** The runs of one self-service action. */
export const ActionRunsTableWidget = openObject("an action runs table", {
  ...widgetHeader,
  /** `"action-runs-table-widget"`. */
  type: z.literal("action-runs-table-widget"),
  /** Identifier of the self-service action whose runs are listed. */
  action: ActionIdentifier,
  /** `widget` or `single`. */
  displayMode: closedEnum(["single", "widget"], { noun: "an action runs table display mode", field: "displayMode" }).optional(),
  /** Filter, grouping, sorting and columns of the table. */
  tableConfig: TableConfig.optional(),
});
export type ActionRunsTableWidget = z.output<typeof ActionRunsTableWidget>;

/** A chat with one of the organization's AI agents. */
export const AiAgentWidget = openObject("an AI agent widget", {
  ...widgetHeader,
  /** `"ai-agent"`. */
  type: z.literal("ai-agent"),
  /** Identifier of the AI agent. */
  agentIdentifier: z.string(),
  /** When true, the agent works through Port's MCP server. */
  useMCP: z.boolean().optional(),
});
export type AiAgentWidget = z.output<typeof AiAgentWidget>;

// ---------------------------------------------------------------------------------------------
// Personal widgets (home page only)

/** The viewer's entities, recently viewed entities, or recently used actions. Port allows them on the home page only. */
export const PersonalWidget = openObject("a personal widget", {
  ...titledHeader,
  /** `"my-entities"`, `"recently-viewed-entities"` or `"recently-used-actions"`. */
  type: z.enum(PERSONAL_WIDGET_TYPES),
});
export type PersonalWidget = z.output<typeof PersonalWidget>;
