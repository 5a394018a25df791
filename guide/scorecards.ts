import { Scorecard, type ScorecardArgs, type ScorecardBlueprint, type PortComponentOptions } from "../kinds";

/**
 * The implementation guide's scorecards as code: standards tracked in tiers, each tier a set of
 * criteria. Each example comes as its args (`...Args`, for composing or adjusting) and as a
 * function that creates the `Scorecard` on the blueprint it is given.
 *
 * The rules read properties and relations of that blueprint; each function's doc lists them, and
 * the blueprint passed in must declare them (Port scores a missing property as empty, so a rule
 * on a misspelt property fails for every entity rather than erroring).
 */

/**
 * "Production readiness" of a service: documented and owned (Bronze), reachable and on call
 * (Silver), on a supported stack and not experimental (Gold). Port's default levels.
 *
 * Needs on `service`: properties `readme`, `onCall`, `repository` (a URL), `language`, `tier`
 * (with the value `experimental`), and team ownership (`ownership: {type: "Direct"}`) for `$team`.
 */
export function productionReadinessArgs(service: ScorecardBlueprint): ScorecardArgs {
  return {
    identifier: "production_readiness",
    title: "Production readiness",
    blueprint: service,
    rules: [
      {
        identifier: "has_readme",
        title: "Has a README",
        description: "The service explains what it does and how to run it.",
        level: "Bronze",
        query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] },
      },
      {
        identifier: "has_owning_team",
        title: "Has an owning team",
        level: "Bronze",
        query: { combinator: "and", conditions: [{ property: "$team", operator: "isNotEmpty" }] },
      },
      {
        identifier: "has_on_call",
        title: "Has someone on call",
        level: "Silver",
        query: { combinator: "and", conditions: [{ property: "onCall", operator: "isNotEmpty" }] },
      },
      {
        identifier: "repository_over_https",
        title: "Repository is reachable over HTTPS",
        level: "Silver",
        query: { combinator: "and", conditions: [{ property: "repository", operator: "beginsWith", value: "https://" }] },
      },
      {
        identifier: "supported_language",
        title: "Written in a supported language",
        description: "The platform team supports TypeScript, Go and Java in production.",
        level: "Gold",
        query: { combinator: "and", conditions: [{ property: "language", operator: "in", value: ["TypeScript", "Go", "Java"] }] },
      },
      {
        identifier: "not_experimental",
        title: "Not experimental",
        level: "Gold",
        query: { combinator: "and", conditions: [{ property: "tier", operator: "!=", value: "experimental" }] },
      },
    ],
  };
}

export function productionReadiness(service: ScorecardBlueprint, opts?: PortComponentOptions): Scorecard {
  return new Scorecard("production-readiness", productionReadinessArgs(service), opts);
}

/**
 * "API health" of an API: specified and tied to its service (Bronze), then availability targets
 * of 99% (Silver) and 99.9% (Gold). Port's default levels.
 *
 * Needs on `api`: properties `spec` (the OpenAPI spec URL) and `availability` (a number, in %),
 * and the relation `service`.
 */
export function apiHealthArgs(api: ScorecardBlueprint): ScorecardArgs {
  return {
    identifier: "api_health",
    title: "API health",
    blueprint: api,
    rules: [
      {
        identifier: "has_spec",
        title: "Publishes an OpenAPI spec",
        level: "Bronze",
        query: { combinator: "and", conditions: [{ property: "spec", operator: "isNotEmpty" }] },
      },
      {
        identifier: "belongs_to_service",
        title: "Belongs to a service",
        level: "Bronze",
        query: { combinator: "and", conditions: [{ relation: "service", operator: "isNotEmpty" }] },
      },
      {
        identifier: "availability_99",
        title: "Availability of at least 99%",
        level: "Silver",
        query: { combinator: "and", conditions: [{ property: "availability", operator: ">=", value: 99 }] },
      },
      {
        identifier: "availability_999",
        title: "Availability of at least 99.9%",
        level: "Gold",
        query: { combinator: "and", conditions: [{ property: "availability", operator: ">=", value: 99.9 }] },
      },
    ],
  };
}

export function apiHealth(api: ScorecardBlueprint, opts?: PortComponentOptions): Scorecard {
  return new Scorecard("api-health", apiHealthArgs(api), opts);
}

/**
 * "Service health" in three custom tiers: Unhealthy (the floor), Degraded (few open incidents,
 * maintained in the last three months) and Healthy (no open incidents, someone on call).
 * Experimental services are not scored.
 *
 * Needs on `service`: properties `openIncidents` (a number, e.g. fed by the incident
 * integration), `onCall` and `tier` (with the value `experimental`).
 */
export function serviceHealthArgs(service: ScorecardBlueprint): ScorecardArgs {
  return {
    identifier: "service_health",
    title: "Service health",
    blueprint: service,
    filter: { combinator: "and", conditions: [{ property: "tier", operator: "!=", value: "experimental" }] },
    levels: [
      { title: "Unhealthy", color: "red" },
      { title: "Degraded", color: "orange" },
      { title: "Healthy", color: "green" },
    ],
    rules: [
      {
        identifier: "few_open_incidents",
        title: "Fewer than 3 open incidents",
        level: "Degraded",
        query: { combinator: "and", conditions: [{ property: "openIncidents", operator: "<", value: 3 }] },
      },
      {
        identifier: "recently_maintained",
        title: "Updated in the last 3 months",
        level: "Degraded",
        query: { combinator: "and", conditions: [{ property: "$updatedAt", operator: "between", value: { preset: "last3Months" } }] },
      },
      {
        identifier: "no_open_incidents",
        title: "No open incidents",
        level: "Healthy",
        query: { combinator: "and", conditions: [{ property: "openIncidents", operator: "=", value: 0 }] },
      },
      {
        identifier: "on_call_assigned",
        title: "Someone is on call",
        level: "Healthy",
        query: { combinator: "and", conditions: [{ property: "onCall", operator: "isNotEmpty" }] },
      },
    ],
  };
}

export function serviceHealth(service: ScorecardBlueprint, opts?: PortComponentOptions): Scorecard {
  return new Scorecard("service-health", serviceHealthArgs(service), opts);
}

/**
 * "Incidents": how well each incident of the last three months was handled, in four custom
 * tiers: Reported (the floor), Triaged (severity, assignee and service known), Acknowledged (no
 * longer just triggered) and Learned from (a resolved incident has a postmortem).
 *
 * Needs on `incident`: properties `severity` (values `SEV1`–`SEV4`), `assignee`, `status`
 * (values `triggered`, `acknowledged`, `resolved`) and `postmortemUrl`, and the relation `service`.
 */
export function incidentsArgs(incident: ScorecardBlueprint): ScorecardArgs {
  return {
    identifier: "incident_handling",
    title: "Incidents",
    blueprint: incident,
    filter: { combinator: "and", conditions: [{ property: "$createdAt", operator: "between", value: { preset: "last3Months" } }] },
    levels: [
      { title: "Reported", color: "red" },
      { title: "Triaged", color: "orange" },
      { title: "Acknowledged", color: "yellow" },
      { title: "Learned from", color: "green" },
    ],
    rules: [
      {
        identifier: "has_severity",
        title: "Severity is set",
        level: "Triaged",
        query: { combinator: "and", conditions: [{ property: "severity", operator: "in", value: ["SEV1", "SEV2", "SEV3", "SEV4"] }] },
      },
      {
        identifier: "has_assignee",
        title: "Someone is assigned",
        level: "Triaged",
        query: { combinator: "and", conditions: [{ property: "assignee", operator: "isNotEmpty" }] },
      },
      {
        identifier: "linked_to_service",
        title: "Linked to the affected service",
        level: "Triaged",
        query: { combinator: "and", conditions: [{ relation: "service", operator: "isNotEmpty" }] },
      },
      {
        identifier: "acknowledged",
        title: "Acknowledged",
        level: "Acknowledged",
        query: { combinator: "and", conditions: [{ property: "status", operator: "!=", value: "triggered" }] },
      },
      {
        identifier: "has_postmortem",
        title: "Resolved incidents have a postmortem",
        description: "Open incidents pass; a resolved one needs a link to its postmortem.",
        level: "Learned from",
        query: {
          combinator: "or",
          conditions: [
            { property: "status", operator: "!=", value: "resolved" },
            { property: "postmortemUrl", operator: "beginsWith", value: "https://" },
          ],
        },
      },
    ],
  };
}

export function incidents(incident: ScorecardBlueprint, opts?: PortComponentOptions): Scorecard {
  return new Scorecard("incidents", incidentsArgs(incident), opts);
}
