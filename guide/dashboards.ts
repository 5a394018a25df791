import { Dashboard, type BlueprintArgs, type BlueprintRef, type CatalogDashboardPage, type DashboardArgs, type PortComponentOptions } from "../kinds";
import type { EntityQuery, EntityQueryContextRef, EntityQueryRule } from "../core/schemas/entity-query";

/**
 * The implementation guide's persona dashboards as code: one for developers (their services and
 * their open incidents, through filters that resolve per viewer), one for R&D managers (service
 * and API health across teams) and one for security (access control and policy tracking), plus a
 * home page customization. Each comes as its args (`...Args`, for composing or adjusting) and as
 * a function creating the `Dashboard`.
 *
 * Widgets read properties of the blueprints passed in; each function's doc lists them. When a
 * `Blueprint` is passed, a chart or column naming a property it lacks fails the preview.
 */

/** Where a persona dashboard goes in the sidebar. */
export type DashboardPlacement = Omit<CatalogDashboardPage, "type">;

/** A dynamic filter value: the viewer's own user entity. */
const viewer: EntityQueryContextRef = { context: "user", property: "$identifier" };
/** A dynamic filter value: the entities of the viewer's teams. */
const viewersTeams: EntityQueryContextRef = { context: "userTeams", property: "$identifier" };

/** Every entity of the widget's blueprint: Port's widget schema requires a pie chart's and a table's dataset. */
const everything: EntityQuery = { combinator: "and", rules: [] };

/** Incidents not resolved yet (the statuses of the guide's `incident` blueprint). */
const OPEN_INCIDENT: EntityQueryRule = { property: "status", operator: "in", value: ["triggered", "acknowledged"] };

/**
 * "Developers": my services (owned by one of my teams) and my open incidents (assigned to me).
 * Every widget filters per viewer, so each developer sees their own.
 *
 * Needs on `service`: team ownership (`$team`) and properties `language`, `tier`. On `incident`:
 * properties `status` (values `triggered`, `acknowledged`, `resolved`), `severity`, `assignee`
 * (format `user`), and the relation `service`.
 */
export function developersDashboardArgs(blueprints: { service: BlueprintRef; incident: BlueprintRef }, placement: DashboardPlacement = {}): DashboardArgs {
  const { service, incident } = blueprints;
  const myServices: EntityQuery = { combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: viewersTeams }] };
  const myOpenIncidents: EntityQuery = { combinator: "and", rules: [{ property: "assignee", operator: "=", value: viewer }, OPEN_INCIDENT] };
  return {
    identifier: "developers",
    title: "Developers",
    icon: "Code",
    description: "Your services and your open incidents.",
    page: { type: "dashboard", ...placement },
    widgets: [
      {
        id: "developersLayout",
        type: "dashboard-widget",
        layout: [
          {
            height: 400,
            columns: [
              { id: "myOpenIncidentCount", size: 4 },
              { id: "myServicesByLanguage", size: 8 },
            ],
          },
          { height: 500, columns: [{ id: "myServices", size: 12 }] },
          { height: 500, columns: [{ id: "myOpenIncidents", size: 12 }] },
        ],
        widgets: [
          {
            id: "myOpenIncidentCount",
            type: "entities-number-chart",
            title: "My open incidents",
            icon: "Alert",
            blueprint: incident,
            calculationBy: "entities",
            func: "count",
            unit: "none",
            dataset: myOpenIncidents,
          },
          { id: "myServicesByLanguage", type: "entities-pie-chart", title: "My services by language", blueprint: service, property: "property#language", dataset: myServices },
          {
            id: "myServices",
            type: "table-entities-explorer",
            title: "My services",
            icon: "Microservice",
            blueprint: service,
            displayMode: "widget",
            dataset: myServices,
            emptyStateText: "None of your teams owns a service yet.",
          },
          {
            id: "myOpenIncidents",
            type: "table-entities-explorer",
            title: "My open incidents",
            icon: "Alert",
            blueprint: incident,
            displayMode: "widget",
            dataset: myOpenIncidents,
            emptyStateText: "Nothing assigned to you is open.",
          },
        ],
      },
    ],
  };
}

export function developersDashboard(blueprints: { service: BlueprintRef; incident: BlueprintRef }, placement?: DashboardPlacement, opts?: PortComponentOptions): Dashboard {
  return new Dashboard("developers-dashboard", developersDashboardArgs(blueprints, placement), opts);
}

/**
 * "R&D managers": service and API health across teams: average API availability, critical
 * services, services per team, APIs below their 99% target, and deployments per week. Page
 * filters narrow every service widget to critical services, or to the viewer's teams' services.
 *
 * Needs on `service`: team ownership (`$team`) and the property `tier` (with the value
 * `critical`). On `api`: the property `availability` (a number, in %) and the relation `service`.
 * On `deployment`: nothing beyond its creation time.
 */
export function rndManagersDashboardArgs(blueprints: { service: BlueprintRef; api: BlueprintRef; deployment: BlueprintRef }, placement: DashboardPlacement = {}): DashboardArgs {
  const { service, api, deployment } = blueprints;
  return {
    identifier: "rnd_managers",
    title: "R&D managers",
    icon: "Dashboard",
    description: "Service and API health across teams.",
    page: { type: "dashboard", ...placement },
    pageFilters: [
      {
        identifier: "criticalServices",
        title: "Critical services only",
        query: { blueprint: service, combinator: "and", rules: [{ property: "tier", operator: "=", value: "critical" }] },
      },
      {
        identifier: "myTeams",
        title: "My teams' services",
        query: { blueprint: service, combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: viewersTeams }] },
      },
    ],
    widgets: [
      {
        id: "rndLayout",
        type: "dashboard-widget",
        layout: [
          {
            height: 400,
            columns: [
              { id: "averageAvailability", size: 4 },
              { id: "criticalServiceCount", size: 4 },
              { id: "servicesPerTeam", size: 4 },
            ],
          },
          {
            height: 400,
            columns: [
              { id: "apisPerService", size: 6 },
              { id: "deploymentsPerWeek", size: 6 },
            ],
          },
          { height: 500, columns: [{ id: "apisBelowTarget", size: 12 }] },
        ],
        widgets: [
          {
            id: "averageAvailability",
            type: "entities-number-chart",
            title: "Average API availability",
            blueprint: api,
            calculationBy: "property",
            func: "average",
            property: "availability",
            averageOf: "total",
            unit: "%",
          },
          {
            id: "criticalServiceCount",
            type: "entities-number-chart",
            title: "Critical services",
            blueprint: service,
            calculationBy: "entities",
            func: "count",
            unit: "custom",
            unitCustom: "services",
            dataset: { combinator: "and", rules: [{ property: "tier", operator: "=", value: "critical" }] },
          },
          { id: "servicesPerTeam", type: "entities-pie-chart", title: "Services per team", blueprint: service, property: "$team", dataset: everything },
          { id: "apisPerService", type: "entities-pie-chart", title: "APIs per service", blueprint: api, property: "relation#service", dataset: everything },
          {
            id: "deploymentsPerWeek",
            type: "line-chart",
            title: "Deployments per week",
            blueprint: deployment,
            chartType: "countEntities",
            func: "count",
            measureTimeBy: "$createdAt",
            timeInterval: "isoWeek",
            timeRange: { preset: "last3Months" },
          },
          {
            id: "apisBelowTarget",
            type: "table-entities-explorer",
            title: "APIs below 99% availability",
            blueprint: api,
            dataset: { combinator: "and", rules: [{ property: "availability", operator: "<", value: 99 }] },
            excludedFields: ["spec"],
          },
        ],
      },
    ],
  };
}

export function rndManagersDashboard(
  blueprints: { service: BlueprintRef; api: BlueprintRef; deployment: BlueprintRef },
  placement?: DashboardPlacement,
  opts?: PortComponentOptions,
): Dashboard {
  return new Dashboard("rnd-managers-dashboard", rndManagersDashboardArgs(blueprints, placement), opts);
}

/** A security finding on a service: what the security dashboard tracks. */
export function vulnerabilityArgs(service: BlueprintRef, identifier = "vulnerability"): BlueprintArgs {
  return {
    identifier,
    title: "Vulnerability",
    icon: "Lock",
    schema: {
      properties: {
        severity: {
          type: "string",
          title: "Severity",
          enum: ["critical", "high", "medium", "low"],
          enumColors: { critical: "red", high: "orange", medium: "yellow", low: "lightGray" },
        },
        status: { type: "string", title: "Status", enum: ["open", "resolved"] },
      },
      required: ["severity", "status"],
    },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  };
}

/**
 * "Security": access control (services no team owns, who has access) and policy tracking (open
 * vulnerabilities by severity; critical ones open for more than a week break the policy). Only
 * admins and the `readerTeams` see it.
 *
 * Needs on `service`: team ownership (`$team`). On `vulnerability`: properties `severity` (values
 * `critical`, `high`, `medium`, `low`) and `status` (`open`, `resolved`), e.g. {@link vulnerabilityArgs}.
 */
export function securityDashboardArgs(
  blueprints: { service: BlueprintRef; vulnerability: BlueprintRef },
  placement: DashboardPlacement = {},
  readerTeams: string[] = [],
): DashboardArgs {
  const { service, vulnerability } = blueprints;
  const open: EntityQueryRule = { property: "status", operator: "=", value: "open" };
  return {
    identifier: "security",
    title: "Security",
    icon: "Lock",
    description: "Access control and security policy tracking.",
    page: { type: "dashboard", ...placement },
    locked: true,
    readPermissions: { roles: ["Admin"], teams: readerTeams },
    widgets: [
      {
        id: "securityLayout",
        type: "dashboard-widget",
        layout: [
          {
            height: 400,
            columns: [
              { id: "policy", size: 4 },
              { id: "policyBreaches", size: 4 },
              { id: "openBySeverity", size: 4 },
            ],
          },
          { height: 600, columns: [{ id: "accessControl", size: 12 }] },
        ],
        widgets: [
          {
            id: "policy",
            type: "markdown",
            title: "Policy",
            markdown: "## Security policy\n\n- Every service has an owning team.\n- No critical vulnerability stays open for more than a week.",
          },
          {
            id: "policyBreaches",
            type: "entities-number-chart",
            title: "Critical vulnerabilities open for over a week",
            icon: "Alert",
            blueprint: vulnerability,
            calculationBy: "entities",
            func: "count",
            unit: "none",
            dataset: {
              combinator: "and",
              rules: [open, { property: "severity", operator: "=", value: "critical" }, { property: "$createdAt", operator: "notBetween", value: { preset: "lastWeek" } }],
            },
          },
          {
            id: "openBySeverity",
            type: "entities-pie-chart",
            title: "Open vulnerabilities by severity",
            blueprint: vulnerability,
            property: "property#severity",
            dataset: { combinator: "and", rules: [open] },
          },
          {
            id: "accessControl",
            type: "grouper",
            title: "Access control",
            displayMode: "tabs",
            groups: [
              {
                title: "Services without an owner",
                widgets: [
                  {
                    id: "unownedServices",
                    type: "table-entities-explorer",
                    title: "Services no team owns",
                    blueprint: service,
                    dataset: { combinator: "and", rules: [{ property: "$team", operator: "isEmpty" }] },
                  },
                ],
              },
              {
                title: "Users",
                widgets: [{ id: "users", type: "table-entities-explorer", title: "Who has access", blueprint: "_user", dataset: everything }],
              },
            ],
          },
        ],
      },
    ],
  };
}

export function securityDashboard(
  blueprints: { service: BlueprintRef; vulnerability: BlueprintRef },
  placement?: DashboardPlacement,
  readerTeams?: string[],
  opts?: PortComponentOptions,
): Dashboard {
  return new Dashboard("security-dashboard", securityDashboardArgs(blueprints, placement, readerTeams), opts);
}

/** The home page: a welcome pointing at the persona dashboards, and the viewer's own entities and actions. */
export function homePageArgs(welcome = "# Welcome to the developer portal\n\nStart from your persona's dashboard in the catalog."): DashboardArgs {
  return {
    page: { type: "home" },
    widgets: [
      {
        id: "homeLayout",
        type: "dashboard-widget",
        layout: [
          { height: 400, columns: [{ id: "welcome", size: 12 }] },
          {
            height: 400,
            columns: [
              { id: "myEntities", size: 4 },
              { id: "recentlyViewed", size: 4 },
              { id: "recentlyUsedActions", size: 4 },
            ],
          },
        ],
        widgets: [
          { id: "welcome", type: "markdown", title: "Welcome", markdown: welcome },
          { id: "myEntities", type: "my-entities", title: "My entities" },
          { id: "recentlyViewed", type: "recently-viewed-entities", title: "Recently viewed" },
          { id: "recentlyUsedActions", type: "recently-used-actions", title: "Recently used actions" },
        ],
      },
    ],
  };
}

export function homePage(welcome?: string, opts?: PortComponentOptions): Dashboard {
  return new Dashboard("home-page", homePageArgs(welcome), opts);
}
