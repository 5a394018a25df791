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
      "pie chart by relation": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "api", property: "relation#service" },
      "pie chart by scorecard rule": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "scorecard-rule#production_readiness#has_readme" },
      "pie chart by team": { id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "$team", emptyStateText: "No services" },
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
        breakdownProperty: "environment",
        timeInterval: "week",
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

    it("names every widget type in WIDGET_TYPES", () => {
      expect(WIDGET_TYPES).toEqual([
        "entities-number-chart",
        "entities-pie-chart",
        "line-chart",
        "table-entities-explorer",
        "markdown",
        "iframe-widget",
        "action-card-widget",
        "action-runs-table-widget",
        "my-entities",
        "recently-viewed-entities",
        "recently-used-actions",
        "dashboard-widget",
        "grouper",
      ]);
    });
  });

  describe("number chart", () => {
    it('fails for func "sum" without a property', () => {
      expect(problems([numberChart({ calculationBy: "property", func: "sum" })])).toEqual([
        at("widgets[0].property", 'is required when calculationBy is "property": name the number property whose values func "sum" aggregates, e.g. "cost". Set property.'),
      ]);
    });

    it('fails for func "sum" without calculationBy or property, naming both', () => {
      expect(problems([numberChart({ func: "sum" })])).toEqual([
        at("widgets[0].calculationBy", "is required; allowed: entities, property. Set the calculationBy."),
        at("widgets[0].property", 'is required when func is "sum": name the number property to aggregate, e.g. "cost", with calculationBy "property". Set property.'),
      ]);
    });

    it('fails for an aggregation when calculationBy is "entities"', () => {
      expect(problems([numberChart({ calculationBy: "entities", func: "max" })])).toEqual([
        at(
          "widgets[0].func",
          '"max" aggregates a property, but calculationBy is "entities", which takes func count, average. Set calculationBy to "property" and name the property, or use func "count".',
        ),
      ]);
    });

    it('fails for func "count" when calculationBy is "property"', () => {
      expect(problems([numberChart({ calculationBy: "property", func: "count", property: "cost" })])).toEqual([
        at(
          "widgets[0].func",
          '"count" counts entities, but calculationBy is "property", which takes func sum, min, max, median, average. Set calculationBy to "entities", or choose an aggregation.',
        ),
      ]);
    });

    it("fails for an average without averageOf, listing the time units that apply", () => {
      expect(problems([numberChart({ calculationBy: "entities", func: "average" })])).toEqual([
        at("widgets[0].averageOf", 'is required when func is "average"; allowed: hour, day, week, month. Set averageOf.'),
      ]);
      expect(problems([numberChart({ calculationBy: "entities", func: "average", averageOf: "total" })])).toEqual([
        at(
          "widgets[0].averageOf",
          '"total" divides a property\'s sum by the number of entities, so it needs calculationBy "property"; with "entities" use hour, day, week, month. Fix the averageOf.',
        ),
      ]);
    });

    it("fails for companions that do not apply, and for a custom unit without its text", () => {
      expect(problems([numberChart({ calculationBy: "entities", func: "count", averageOf: "day", measureTimeBy: "$createdAt", property: "cost", unit: "custom" })])).toEqual([
        at(
          "widgets[0].property",
          'is only used when calculationBy is "property" (here it is "entities", which counts entities). Remove property, or set calculationBy to "property".',
        ),
        at("widgets[0].averageOf", 'only applies when func is "average" (func is "count"). Remove averageOf, or set func to "average".'),
        at("widgets[0].measureTimeBy", 'only applies when func is "average" (func is "count"). Remove measureTimeBy, or set func to "average".'),
        at("widgets[0].unitCustom", 'is required when unit is "custom": the text shown with the number, e.g. "deploys/day". Set unitCustom.'),
      ]);
      expect(problems([numberChart({ calculationBy: "entities", func: "count", unit: "%", unitCustom: "x" })])).toEqual([
        at("widgets[0].unitCustom", 'only applies when unit is "custom" (unit is "%"). Remove unitCustom, or set unit to "custom".'),
      ]);
    });

    it("names a misspelt key and the key it resembles", () => {
      expect(problems([numberChart({ calculatonBy: "entities", func: "count" })])).toEqual([
        at("widgets[0].calculationBy", "is required; allowed: entities, property. Set the calculationBy."),
        at(
          "widgets[0]",
          '"calculatonBy" is not a key of a number chart; allowed: id, title, icon, description, type, emptyStateText, blueprint, calculationBy, func, averageOf, measureTimeBy, property, unit, unitCustom, unitAlignment, dataset. Did you mean "calculationBy"? Rename or remove it.',
        ),
      ]);
    });
  });

  describe("other variants", () => {
    it("fails for an unknown widget type, naming every allowed type and the likely one", () => {
      expect(problems([{ id: "p", type: "pie-chart", title: "Pie" }])).toEqual([
        at(
          "widgets[0].type",
          '"pie-chart" is not a widget type; allowed: entities-number-chart, entities-pie-chart, line-chart, table-entities-explorer, markdown, iframe-widget, action-card-widget, action-runs-table-widget, my-entities, recently-viewed-entities, recently-used-actions, dashboard-widget, grouper. Did you mean "entities-pie-chart"? Fix the type.',
        ),
      ]);
    });

    it("fails for a widget that is not an object", () => {
      expect(problemMessages(Widget, "markdown", "Dashboard", "dev")).toEqual([
        `Dashboard "dev": "markdown" is a string, expected a widget ({id, type, ...}); types: ${WIDGET_TYPES.join(", ")}. Fix the widget.`,
      ]);
    });

    it("fails for a pie chart property without its kind prefix, proposing the prefixed form", () => {
      expect(problems([{ id: "p", type: "entities-pie-chart", title: "P", blueprint: "service", property: "language" }])).toEqual([
        at(
          "widgets[0].property",
          '"language" is not a chart property reference; write "<kind>#<key>" with kind property, mirror-property, calculation-property, aggregation-property, relation, scorecard (or "scorecard-rule#<scorecard>#<rule>", or $identifier, $title, $team, $blueprint), e.g. "property#language". Use "property#language" for the property "language". Fix the property.',
        ),
      ]);
    });

    it("fails for line chart keys that do not fit its chartType", () => {
      const line = { id: "l", type: "line-chart", title: "L", blueprint: "service", timeInterval: "week", timeRange: { preset: "lastWeek" } };
      expect(problems([{ ...line, chartType: "propertiesValueHistory", properties: ["cpu"], func: "sum" }])).toEqual([
        at(
          "widgets[0].properties[0]",
          '"cpu" is not a property path; line charts name number properties as "properties.<key>", e.g. "properties.cost". Use "properties.cpu". Fix the property.',
        ),
        at("widgets[0].entity", 'is required when chartType is "propertiesValueHistory". Set entity.'),
        at("widgets[0].func", 'does not apply when chartType is "propertiesValueHistory" (it takes entity, properties). Remove func, or change chartType.'),
      ]);
      expect(problems([{ ...line, chartType: "countEntities", func: "sum", timeInterval: "fortnight" }])).toEqual([
        at("widgets[0].timeInterval", '"fortnight" is not a time interval; allowed: hour, day, week, month. Fix the timeInterval.'),
        at("widgets[0].func", '"sum" is not a func of a "countEntities" line chart; allowed: count, average. Fix the func.'),
      ]);
    });

    it("fails for a table configured for another blueprint and an unknown display mode", () => {
      const table = {
        id: "t",
        type: "table-entities-explorer",
        title: "T",
        blueprint: "service",
        displayMode: "list",
        blueprintConfig: { api: { propertiesSettings: { shown: ["$title"] } } },
      };
      expect(problems([table])).toEqual([
        at("widgets[0].displayMode", '"list" is not a table display mode; allowed: widget, tabs. Fix the displayMode.'),
        at("widgets[0].blueprintConfig.api", 'configures blueprint "api", but the table lists "service". Key the config by "service".'),
      ]);
    });

    it("fails for a protected iframe without its OAuth settings and a public one with them", () => {
      const iframe = { id: "i", type: "iframe-widget", title: "Grafana", url: "https://grafana.example.com" };
      expect(problems([{ ...iframe, urlType: "protected", clientId: "port" }])).toEqual([
        at("widgets[0].tokenUrl", 'is required when urlType is "protected" (Port signs the viewer in with OAuth). Set tokenUrl.'),
        at("widgets[0].authorizationUrl", 'is required when urlType is "protected" (Port signs the viewer in with OAuth). Set authorizationUrl.'),
      ]);
      expect(problems([{ ...iframe, url: "ftp://grafana.example.com", urlType: "public", scopes: ["openid"] }])).toEqual([
        at("widgets[0].url", '"ftp://grafana.example.com" is not a valid URL. Use an absolute http(s) URL such as "https://example.com/hook".'),
        at("widgets[0].scopes", 'only applies when urlType is "protected". Remove scopes, or set urlType to "protected".'),
      ]);
    });

    it("fails for an action card without actions or with one twice", () => {
      const card = { id: "a", type: "action-card-widget", title: "Actions" };
      expect(problems([{ ...card, actions: [] }])).toEqual([at("widgets[0].actions", "must not be empty. Add at least one item.")]);
      expect(problems([{ ...card, actions: [{ action: "deploy" }, { action: "deploy" }] }])).toEqual([
        at("widgets[0].actions[1].action", '"deploy" is listed twice. Remove the duplicate.'),
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

    it("fails for a grouper with an unknown displayMode and no groups", () => {
      expect(problems([{ id: "g", type: "grouper", displayMode: "accordion", groups: [] }])).toEqual([
        at("widgets[0].displayMode", '"accordion" is not a grouper displayMode; allowed: tabs, switch. Fix the displayMode.'),
        at("widgets[0].groups", "must not be empty. Add at least one item."),
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
