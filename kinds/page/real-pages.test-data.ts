/**
 * Page documents shaped like the pages Port serves and Port's integrations ship (our own
 * documents, written from the facts of Port's published widget schema, its docs and the shapes of
 * Ocean's `.port/resources/pages.json`). Shared by the schema tests and the emulator's tests.
 */

const serviceQuery = { combinator: "and", rules: [{ property: "$blueprint", operator: "=", value: "service" }] };

/** A catalog page of `service`: the keys Port keeps on pages, a table with hidden columns and a `{{blueprint}}` filter. */
export const catalogPage = {
  identifier: "services_catalog",
  type: "blueprint-entities",
  title: "Services",
  icon: "Microservice",
  description: "Every service of the organization.",
  blueprint: "service",
  protected: false,
  showInSidebar: true,
  requiredQueryParams: [],
  section: "software_catalog",
  visibility: "all",
  locked: false,
  widgets: [
    {
      id: "servicesTable",
      type: "table-entities-explorer",
      title: "Services",
      displayMode: "widget",
      excludedFields: ["properties.readme"],
      dataset: { combinator: "and", rules: [{ property: "$blueprint", operator: "=", value: "{{blueprint}}" }] },
      blueprintConfig: {
        service: {
          propertiesSettings: { hidden: ["$identifier", "$createdAt", "readme"], order: ["$title", "language"], shown: ["$title", "language", "$team"] },
          groupSettings: { groupBy: [] },
          sortSettings: { sortBy: [{ property: "$updatedAt", order: "desc" }] },
          filterSettings: { filterBy: { combinator: "and", rules: [] } },
        },
      },
    },
  ],
};

/** The entity page of `service`: an overview with the entity's details, related entities, a graph, runs and the audit log. */
export const entityPage = {
  identifier: "serviceEntity",
  type: "entity",
  blueprint: "service",
  protected: true,
  showInSidebar: false,
  requiredQueryParams: ["identifier"],
  section: "software_catalog",
  widgets: [
    {
      id: "overview",
      type: "dashboard-widget",
      layout: [
        {
          height: 600,
          columns: [
            { id: "details", size: 6 },
            { id: "costHistory", size: 6 },
          ],
        },
      ],
      widgets: [
        { id: "details", type: "entity-info", title: "Details", blueprint: "service", entity: "{{entity}}", hiddenQuery: ["readme"], order: ["language"], showEmptyValues: false },
        {
          id: "costHistory",
          type: "line-chart",
          title: "Cost",
          blueprint: "service",
          chartType: "propertiesValueHistory",
          entity: "{{entity}}",
          properties: ["properties.cost"],
          timeInterval: "isoWeek",
          timeRange: { preset: "last3Months" },
        },
      ],
    },
    {
      id: "related",
      type: "table-entities-explorer-by-direction",
      title: "Related entities",
      blueprintConfig: {
        deployment$downstream: {
          title: "Deployments",
          tabIndex: 0,
          hidden: false,
          targetBlueprint: "deployment",
          relatedProperty: "service",
          dataset: { combinator: "and", rules: [] },
          propertiesSettings: { hidden: ["$identifier"], shown: ["$title", "status"], order: [] },
          sortSettings: { sortBy: [{ property: "$createdAt", order: "desc" }] },
        },
      },
    },
    { id: "graph", type: "graph-entities-explorer", title: "Graph", dataset: serviceQuery, hiddenBlueprints: ["_user"] },
    {
      id: "runs",
      type: "runs-table",
      title: "Runs",
      query: { entity: "{{entity}}", blueprint: "service", limit: 100, source: ["UI", "API"] },
      tableConfig: { propertiesSettings: { hidden: ["duration"], order: [] } },
    },
    {
      id: "audit",
      type: "table-audit-log",
      title: "Audit log",
      query: { entity: "{{entity}}", blueprint: "service", resources: ["entity", "run"], includes: ["action", "diff", "status"], limit: 50 },
    },
  ],
};

/**
 * A dashboard with the newer widgets (bar chart, a line chart with several lines, links, entity
 * details, an AI agent, a grouper keeping its group in the URL) and the older shapes Port still
 * serves: charts and tables choosing their blueprint by a `$blueprint` rule, and number charts whose
 * dataset is a list of rules.
 */
export const dashboardPage = {
  identifier: "service_health",
  type: "dashboard",
  title: "Service health",
  icon: "Apps",
  protected: false,
  showInSidebar: true,
  requiredQueryParams: [],
  section: "software_catalog",
  widgets: [
    {
      id: "healthLayout",
      type: "dashboard-widget",
      layout: [
        {
          height: 400,
          columns: [
            { id: "pythonServices", size: 3 },
            { id: "totalCost", size: 3 },
            { id: "byLanguage", size: 3 },
            { id: "byTier", size: 3 },
          ],
        },
        {
          height: 400,
          columns: [
            { id: "costOverTime", size: 6 },
            { id: "links", size: 3 },
            { id: "assistant", size: 3 },
          ],
        },
        {
          height: 500,
          columns: [
            { id: "checkout", size: 4 },
            { id: "byLevel", size: 8 },
          ],
        },
      ],
      widgets: [
        {
          id: "pythonServices",
          type: "entities-number-chart",
          title: "Python services",
          icon: "Metric",
          description: "",
          blueprint: "service",
          calculationBy: "entities",
          func: "count",
          unit: "none",
          dataset: [
            { property: "language", operator: "in", value: ["Python", "python"] },
            { property: "$blueprint", operator: "=", value: "service" },
          ],
        },
        {
          id: "totalCost",
          type: "entities-number-chart",
          title: "Total cost",
          blueprint: "service",
          chartType: "aggregateByProperty",
          calculationBy: "property",
          property: "cost",
          func: "sum",
          unit: "$",
          unitAlignment: "right",
          displayFormatting: "custom",
          decimalPlaces: ".00",
          conditionalFormatting: [{ operator: ">", value: 10000, color: "red", message: "Over budget" }],
          dataset: [{ property: "$blueprint", operator: "=", value: "service" }],
        },
        { id: "byLanguage", type: "entities-pie-chart", title: "Services by language", description: "", property: "property#language", dataset: serviceQuery },
        { id: "byTier", type: "bar-chart", title: "Services by tier", blueprint: "service", property: "property#tier", dataset: serviceQuery },
        {
          id: "costOverTime",
          type: "line-chart",
          title: "Cost and availability",
          blueprint: "service",
          chartType: "aggregatePropertiesValues",
          func: "average",
          properties: ["properties.cost", "properties.availability"],
          measureTimeBy: "$createdAt",
          timeInterval: "month",
          timeRange: { preset: "last12Months" },
          dataset: { combinator: "and", rules: [] },
        },
        {
          id: "links",
          type: "links-widget",
          title: "Runbooks",
          links: [
            { title: "On-call", url: "https://wiki.example.com/on-call", icon: "Link" },
            { title: "Service page", url: "https://app.example.com/serviceEntity?identifier={{url.identifier}}", description: "dynamic link" },
          ],
        },
        { id: "assistant", type: "ai-agent", title: "Ask about services", agentIdentifier: "service_explorer", useMCP: true },
        { id: "checkout", type: "entity-details", title: "Checkout service", blueprint: "service", entity: "checkout", showEmptyValues: true },
        {
          id: "byLevel",
          type: "grouper",
          title: "Readiness",
          displayMode: "tabs",
          activeGroupUrlParam: "readinessTab",
          groupsOrder: ["Levels", "Rules"],
          groups: [
            {
              title: "Levels",
              widgets: [
                {
                  id: "levels",
                  type: "table-entities-explorer",
                  title: "Services by level",
                  displayMode: "widget",
                  dataset: serviceQuery,
                  blueprintConfig: { service: { groupSettings: { groupBy: ["ProductionReadiness"] }, propertiesSettings: { hidden: ["$identifier"], order: [] } } },
                },
              ],
            },
            {
              title: "Rules",
              widgets: [{ id: "hasReadme", type: "entities-pie-chart", title: "Has a readme", property: "scorecard-rule#ProductionReadiness#hasReadme", dataset: serviceQuery }],
            },
          ],
        },
      ],
    },
  ],
};
