import { PageSpec } from "./schema";
import { WIDGET_TYPES } from "./widget-common-schema";
import { Widget } from "./widgets-schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

/** A dashboard page whose one root container places `widgets` in one row (sizes sum to 12). */
function dashboardWith(widgets: unknown[], layout?: unknown): Record<string, unknown> {
  const columns = widgets.map((widget) => ({ id: (widget as { id: string }).id, size: 12 / widgets.length }));
  return { identifier: "dev", type: "dashboard", title: "Dev", widgets: [{ id: "root", type: "dashboard-widget", layout: layout ?? [{ height: 400, columns }], widgets }] };
}

/** The messages for a dashboard holding `widgets`, as a Dashboard named "dev" reports them. */
const problems = (widgets: unknown[], layout?: unknown) => problemMessages(PageSpec, dashboardWith(widgets, layout), "Dashboard", "dev");
const at = (field: string, text: string) => `Dashboard "dev": field widgets[0].${field}: ${text}`;

const numberChart = (extra: Record<string, unknown>) => ({ id: "n", type: "entities-number-chart", title: "N", blueprint: "service", unit: "none", ...extra });
const dataset = { combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } }] };

describe("Widget", () => {
  describe("parses every variant unchanged", () => {
    const variants: Record<string, unknown> = {
      "number chart counting entities": numberChart({ calculationBy: "entities", func: "count", dataset }),
      "number chart averaging entities per week": numberChart({ calculationBy: "entities", func: "average", averageOf: "week", measureTimeBy: "deployedAt" }),
      "number chart summing a property": numberChart({ calculationBy: "property", func: "sum", property: "cost", unit: "$", unitAlignment: "left" }),
      "number chart with each property func": numberChart({ calculationBy: "property", func: "median", property: "cost", unit: "custom", unitCustom: "ms" }),
      "number chart averaging a property in total": numberChart({ calculationBy: "property", func: "average", property: "availability", averageOf: "total", unit: "%" }),
      "pie chart by property": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "property#language", dataset, dontAggregateOther: true },
      "pie chart by relation": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "api", property: "relation#service", dataset },
      "pie chart by scorecard rule": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "scorecard-rule#production_readiness#has_readme", dataset },
      "pie chart by team": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "$team", emptyStateText: "No services", dataset },
      "line chart of one entity's history": {
        id: "l",
        type: "line-chart",
        title: "CPU",
        blueprint: "service",
        chartType: "propertiesValueHistory",
        entity: "checkout",
        properties: ["properties.cpu", "properties.memory"],
        timeInterval: "day",
        timeRange: { preset: "lastWeek" },
        xAxisTitle: "Day",
        yAxisTitle: "%",
      },
      "line chart aggregating a property": {
        id: "l",
        type: "line-chart",
        title: "Cost",
        blueprint: "service",
        chartType: "aggregatePropertiesValues",
        properties: ["properties.cost"],
        func: "last",
        measureTimeBy: "$updatedAt",
        dataset,
        timeInterval: "month",
        timeRange: { preset: "last12Months" },
      },
      "line chart counting entities": {
        id: "l",
        type: "line-chart",
        title: "Deployments",
        blueprint: "deployment",
        chartType: "countEntities",
        func: "average",
        measureTimeBy: "$createdAt",
        breakdownProperty: "environment",
        timeInterval: "isoWeek",
        timeRange: { preset: "last3Months" },
      },
      "table with columns, exclusions and a saved view": {
        id: "t",
        type: "table-entities-explorer",
        title: "Services",
        blueprint: "service",
        displayMode: "widget",
        dataset,
        excludedFields: ["readme"],
        blueprintConfig: {
          service: {
            propertiesSettings: { shown: ["$title", "language", "$team"], order: ["language"] },
            filterSettings: { filterBy: { combinator: "and", rules: [{ property: "tier", operator: "!=", value: "experimental" }] } },
            groupSettings: { groupBy: ["language"] },
            sortSettings: { sortBy: [{ property: "$updatedAt", order: "desc" }] },
          },
        },
      },
      markdown: { id: "m", type: "markdown", title: "Read me", icon: "BlankPage", description: "", markdown: "# Hello" },
      "public iframe": { id: "i", type: "iframe-widget", title: "Status", url: "https://status.example.com", urlType: "public" },
      "protected iframe": {
        id: "i",
        type: "iframe-widget",
        title: "Grafana",
        url: "https://grafana.example.com/d/1",
        urlType: "protected",
        tokenUrl: "https://sso.example.com/token",
        authorizationUrl: "https://sso.example.com/authorize",
        clientId: "port",
        scopes: ["openid"],
      },
      "action card": { id: "a", type: "action-card-widget", title: "Self-service", actions: [{ action: "scaffold_service" }, { action: "deploy" }] },
      "action runs table": { id: "r", type: "action-runs-table-widget", title: "Deploys", action: "deploy" },
      grouper: {
        id: "g",
        type: "grouper",
        title: "Views",
        displayMode: "switch",
        groups: [
          { title: "Table", icon: "Table", widgets: [{ id: "g1", type: "markdown", title: "A", markdown: "a" }] },
          { title: "Text", widgets: [{ id: "g2", type: "markdown", title: "B", markdown: "b" }] },
        ],
      },
    };
    it.each(Object.entries(variants))("%s", (_, widget) => {
      expect(parseValid(PageSpec, dashboardWith([widget]))).toEqual(dashboardWith([widget]));
    });

    it("parses the personal widgets on the home page", () => {
      const personal = ["my-entities", "recently-viewed-entities", "recently-used-actions"].map((type, index) => ({ id: `p${index}`, type, title: type }));
      const home = { ...dashboardWith(personal), identifier: "$home", type: "home", title: undefined };
      delete home.title;
      expect(parseValid(PageSpec, home)).toEqual(home);
    });

    it("parses nested containers: a grouper of dashboard-widgets", () => {
      const inner = dashboardWith([{ id: "m", type: "markdown", title: "M", markdown: "m" }]).widgets as unknown[];
      const grouper = { id: "g", type: "grouper", displayMode: "tabs", groups: [{ title: "One", widgets: inner }] };
      expect(parseValid(PageSpec, { identifier: "dev", type: "dashboard", title: "Dev", widgets: [grouper] }).widgets).toEqual([grouper]);
    });

    it("names every widget type of Port's published widget schema in WIDGET_TYPES", () => {
      expect([...WIDGET_TYPES].sort()).toEqual(
        [
          "action-card-widget",
          "action-runs-table-widget",
          "ai-agent",
          "bar-chart",
          "dashboard-widget",
          "entities-number-chart",
          "entities-pie-chart",
          "entity-details",
          "entity-info",
          "graph-entities-explorer",
          "grouper",
          "iframe-widget",
          "line-chart",
          "links-widget",
          "markdown",
          "my-entities",
          "recently-used-actions",
          "recently-viewed-entities",
          "run-info",
          "runs-table",
          "table-audit-log",
          "table-entities-explorer",
          "table-entities-explorer-by-direction",
          "team-info",
          "teams-table",
          "user-info",
          "users-table",
          "workflow-runs-history-table",
        ].sort(),
      );
    });
  });

  describe("number chart", () => {
    it('fails for calculationBy "property" without a property or func', () => {
      expect(problems([numberChart({ calculationBy: "property" })])).toEqual([
        at("widgets[0].property", 'is required when calculationBy is "property": the number property func aggregates, e.g. "cost". Set property.'),
        at("widgets[0].func", 'is required when calculationBy is "property" (sum, average, min, max, median). Set func.'),
      ]);
    });

    it("fails for a func its calculationBy does not take", () => {
      expect(problems([numberChart({ calculationBy: "entities", func: "max" })])).toEqual([
        at("widgets[0].func", '"max" is not a func of calculationBy "entities"; allowed: average, count. Fix the func or the calculationBy.'),
      ]);
      expect(problems([numberChart({ calculationBy: "property", func: "count", property: "cost" })])).toEqual([
        at("widgets[0].func", '"count" is not a func of calculationBy "property"; allowed: sum, average, min, max, median. Fix the func or the calculationBy.'),
      ]);
    });

    it("fails for an average without averageOf, a custom unit without its text and custom formatting without decimal places", () => {
      expect(problems([numberChart({ calculationBy: "entities", func: "average", unit: "custom", displayFormatting: "custom" })])).toEqual([
        at("widgets[0].averageOf", 'is required when func is "average" (hour, day, week, month, total). Set averageOf.'),
        at("widgets[0].unitCustom", 'is required when unit is "custom": the text shown with the number, e.g. "deploys/day". Set unitCustom.'),
        at("widgets[0].decimalPlaces", 'is required when displayFormatting is "custom" (.0, .00, .000, .0000, .00000). Set decimalPlaces.'),
      ]);
    });

    it("fails for the keys a chartType requires, and for a number chart without its unit", () => {
      const { unit: _unit, ...noUnit } = numberChart({ chartType: "countEntities" });
      expect(problems([noUnit])).toEqual([
        at("widgets[0].unit", "is required; allowed: none, $, €, £, %, custom. Set the unit."),
        at("widgets[0].dataset", 'is required when chartType is "countEntities". Set dataset.'),
      ]);
      expect(problems([numberChart({ chartType: "displaySingleProperty", entity: "checkout" })])).toEqual([
        at("widgets[0].property", 'is required when chartType is "displaySingleProperty". Set property.'),
      ]);
    });

    it("names a key one edit away from a known one, and keeps other keys", () => {
      expect(problems([numberChart({ calculatonBy: "entities", func: "count" })])).toEqual([
        at("widgets[0].calculatonBy", '"calculatonBy" is not a key of a number chart; did you mean "calculationBy"? Other keys are kept as they are. Rename it.'),
      ]);
      expect(problems([numberChart({ drillDown: { enabled: true } })])).toEqual([]);
    });
  });

  describe("other variants", () => {
    it("fails for an unknown widget type, naming every allowed type and the likely one", () => {
      expect(problems([{ id: "p", type: "pie-chart", title: "Pie" }])).toEqual([
        at("widgets[0].type", `"pie-chart" is not a widget type; allowed: ${WIDGET_TYPES.join(", ")}. Did you mean "entities-pie-chart"? Fix the type.`),
      ]);
    });

    it("fails for a widget that is not an object", () => {
      expect(problemMessages(Widget, "markdown", "Dashboard", "dev")).toEqual([
        `Dashboard "dev": "markdown" is a string, expected a widget ({id, type, ...}); types: ${WIDGET_TYPES.join(", ")}. Fix the widget.`,
      ]);
    });

    it("fails for a pie chart property without its kind prefix, proposing the prefixed form", () => {
      expect(problems([{ id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "language", dataset }])).toEqual([
        at(
          "widgets[0].property",
          '"language" is not a chart property reference; write "<kind>#<key>" with kind property, mirror-property, calculation-property, aggregation-property, relation, scorecard (or "scorecard-rule#<scorecard>#<rule>", or a meta-property such as "$team"), e.g. "property#language". Use "property#language" for the property "language". Fix the property.',
        ),
      ]);
    });

    it("fails for line chart keys that do not fit its chartType", () => {
      const line = { id: "l", type: "line-chart", title: "L", blueprint: "service", timeInterval: "isoWeek", timeRange: { preset: "lastWeek" } };
      expect(problems([{ ...line, chartType: "propertiesValueHistory", properties: ["properties.cpu"], func: "sum" }])).toEqual([
        at("widgets[0].entity", 'is required when chartType is "propertiesValueHistory". Set entity.'),
        at("widgets[0].func", 'does not apply when chartType is "propertiesValueHistory" (it takes entity, properties). Remove func, or change chartType.'),
      ]);
      expect(problems([{ ...line, chartType: "countEntities", func: "sum", measureTimeBy: "$createdAt", timeInterval: "fortnight" }])).toEqual([
        at("widgets[0].timeInterval", '"fortnight" is not a line chart time interval; allowed: hour, day, isoWeek, month, quarter. Fix the timeInterval.'),
        at("widgets[0].func", '"sum" is not a func of a "countEntities" line chart; allowed: count, average. Fix the func.'),
      ]);
    });

    it("fails for a table without its dataset and an unknown display mode", () => {
      const table = { id: "t", type: "table-entities-explorer", title: "T", blueprint: "service", displayMode: "list" };
      expect(problems([table])).toEqual([
        at("widgets[0].dataset", "is required but missing. Add an object."),
        at("widgets[0].displayMode", '"list" is not a table display mode; allowed: tabs, single, widget. Fix the displayMode.'),
      ]);
    });

    it("fails for a protected iframe without its OAuth settings, and for a URL that is not http(s)", () => {
      const iframe = { id: "i", type: "iframe-widget", title: "Grafana", url: "https://grafana.example.com" };
      expect(problems([{ ...iframe, urlType: "protected", clientId: "port" }])).toEqual([
        at("widgets[0].tokenUrl", 'is required when urlType is "protected" (Port signs the viewer in with OAuth). Set tokenUrl.'),
        at("widgets[0].authorizationUrl", 'is required when urlType is "protected" (Port signs the viewer in with OAuth). Set authorizationUrl.'),
        at("widgets[0].scopes", 'is required when urlType is "protected" (Port signs the viewer in with OAuth). Set scopes.'),
      ]);
      expect(problems([{ ...iframe, url: "ftp://grafana.example.com", urlType: "public" }])).toEqual([
        at("widgets[0].url", '"ftp://grafana.example.com" is not a valid URL. Use an absolute http(s) URL such as "https://example.com/hook".'),
      ]);
    });

    it("fails for an action card without actions, and for markdown without its text or its property source", () => {
      expect(problems([{ id: "a", type: "action-card-widget", title: "Actions", actions: [] }])).toEqual([at("widgets[0].actions", "must not be empty. Add at least one item.")]);
      expect(problems([{ id: "m", type: "markdown", title: "M" }])).toEqual([at("widgets[0].markdown", 'is required when source is "custom" (the default). Set markdown.')]);
      expect(problems([{ id: "m", type: "markdown", title: "M", source: "property", blueprintIdentifier: "service" }])).toEqual([
        at("widgets[0].propertyIdentifier", 'is required when source is "property". Set propertyIdentifier.'),
        at("widgets[0].entityIdentifier", 'is required when source is "property". Set entityIdentifier.'),
      ]);
    });

    it("fails for a dynamic filter with an unknown context, through the shared query schema", () => {
      const table = {
        id: "t",
        type: "table-entities-explorer",
        title: "T",
        blueprint: "service",
        dataset: { combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { context: "team", property: "$identifier" } }] },
      };
      expect(problems([table])).toEqual([at("widgets[0].dataset.rules[0].value.context", '"team" is not a query context; allowed: user, userTeams. Fix the context.')]);
    });

    it("fails for a grouper with an unknown displayMode and a group without its widgets", () => {
      expect(problems([{ id: "g", type: "grouper", displayMode: "accordion", groups: [{ title: "One" }] }])).toEqual([
        at("widgets[0].displayMode", '"accordion" is not a grouper displayMode; allowed: tabs, switch. Fix the displayMode.'),
        at("widgets[0].groups[0].widgets", "is required but missing. Add an array."),
      ]);
    });
  });

  describe("dashboard-widget layout", () => {
    const markdown = (id: string) => ({ id, type: "markdown", title: id, markdown: "" });

    it("fails when the column sizes of a row do not sum to 12", () => {
      expect(
        problems(
          [markdown("a"), markdown("b")],
          [
            {
              height: 400,
              columns: [
                { id: "a", size: 6 },
                { id: "b", size: 4 },
              ],
            },
          ],
        ),
      ).toEqual([at("layout[0].columns", "sizes 6 + 4 sum to 10; the column sizes of a row must sum to 12. Widen the columns by 2.")]);
      expect(
        problems(
          [markdown("a"), markdown("b")],
          [
            {
              height: 400,
              columns: [
                { id: "a", size: 8 },
                { id: "b", size: 8 },
              ],
            },
          ],
        ),
      ).toEqual([at("layout[0].columns", "sizes 8 + 8 sum to 16; the column sizes of a row must sum to 12. Narrow the columns by 4.")]);
    });

    it("fails for a column naming no widget, a widget placed twice and a widget placed nowhere", () => {
      const layout = [
        {
          height: 400,
          columns: [
            { id: "a", size: 6 },
            { id: "c", size: 6 },
          ],
        },
        { height: 400, columns: [{ id: "a", size: 12 }] },
      ];
      expect(problems([markdown("a"), markdown("b")], layout)).toEqual([
        at("layout[0].columns[1].id", '"c" is not the id of a widget of this container (widgets: a, b). Fix the id, or add the widget to widgets.'),
        at("layout[1].columns[0].id", '"a" is already placed at layout[0].columns[0]; a widget is shown in one column only. Remove one of the columns.'),
        at("widgets[1].id", 'widget "b" is in no layout column, so Port would not show it. Add a column {id: "b", size} to a row of layout.'),
      ]);
    });

    it("fails for a column size outside 1 to 12 and a row without columns", () => {
      expect(
        problems(
          [markdown("a")],
          [
            { height: 400, columns: [{ id: "a", size: 13 }] },
            { height: 0, columns: [] },
          ],
        ),
      ).toEqual([
        at("layout[0].columns[0].size", "13 is greater than the maximum 12. Use 12 or less."),
        at("layout[1].height", "0 must be greater than 0. Raise it."),
        at("layout[1].columns", "must not be empty. Add at least one item."),
        at("layout[0].columns", "the row's one column has size 13; the column sizes of a row must sum to 12. Narrow the columns by 1."),
      ]);
    });
  });
});
