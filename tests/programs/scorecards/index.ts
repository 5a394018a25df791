import * as pulumi from "@pulumi/pulumi";
import { Blueprint, Scorecard, Portal, type ScorecardArgs } from "@port-portal/pulumi";
import { apiHealth, apiHealthArgs, incidents, incidentsArgs, productionReadiness, productionReadinessArgs, serviceHealth, serviceHealthArgs } from "@port-portal/pulumi/guide";

// The guide's four scorecards on blueprints that declare every property and relation they read.
// `variant` lets a test change the code between runs: "base", "reordered" (rules and conditions
// in reverse order: no diff), "changed" (one scorecard's title differs), "invalid" (bad input
// that must fail before any call to Port).
const variant = new pulumi.Config().get("variant") ?? "base";
const portal = new Portal();

export = portal.declare(() => {
  const service = new Blueprint("service", {
    identifier: "e2e_service",
    title: "Service",
    ownership: { type: "Direct" },
    schema: {
      properties: {
        readme: { type: "string", format: "markdown", title: "README" },
        onCall: { type: "string", format: "user", title: "On call" },
        repository: { type: "string", format: "url", title: "Repository" },
        language: { type: "string", title: "Language", enum: ["TypeScript", "Go", "Java", "Python"] },
        tier: { type: "string", title: "Tier", enum: ["critical", "standard", "experimental"] },
        openIncidents: { type: "number", title: "Open incidents", minimum: 0 },
      },
    },
  });

  const api = new Blueprint("api", {
    identifier: "e2e_api",
    title: "API",
    schema: {
      properties: {
        spec: { type: "string", format: "url", spec: "open-api", title: "OpenAPI spec" },
        availability: { type: "number", title: "Availability (%)", minimum: 0, maximum: 100 },
      },
    },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  });

  const incident = new Blueprint("incident", {
    identifier: "e2e_incident",
    title: "Incident",
    schema: {
      properties: {
        severity: { type: "string", title: "Severity", enum: ["SEV1", "SEV2", "SEV3", "SEV4"] },
        status: { type: "string", title: "Status", enum: ["triggered", "acknowledged", "resolved"] },
        assignee: { type: "string", format: "user", title: "Assignee" },
        postmortemUrl: { type: "string", format: "url", title: "Postmortem" },
      },
    },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  });

  /** The same scorecard with its rules, and the conditions of every query, in reverse order. */
  function reversed(args: ScorecardArgs): ScorecardArgs {
    type Query = { combinator: unknown; conditions: unknown[] };
    const reverseQuery = (query: Query) => ({ ...query, conditions: [...query.conditions].reverse() });
    const rules = (args.rules as { query: Query }[]).map((rule) => ({ ...rule, query: reverseQuery(rule.query) })).reverse();
    return { ...args, rules, ...(args.filter ? { filter: reverseQuery(args.filter as Query) } : {}) } as ScorecardArgs;
  }

  let scorecards: Scorecard[];
  if (variant === "reordered") {
    scorecards = [
      new Scorecard("production-readiness", reversed(productionReadinessArgs(service))),
      new Scorecard("api-health", reversed(apiHealthArgs(api))),
      new Scorecard("service-health", reversed(serviceHealthArgs(service))),
      new Scorecard("incidents", reversed(incidentsArgs(incident))),
    ];
  } else if (variant === "changed") {
    scorecards = [productionReadiness(service), new Scorecard("api-health", { ...apiHealthArgs(api), title: "API health (SLOs)" }), serviceHealth(service), incidents(incident)];
  } else {
    scorecards = [productionReadiness(service), apiHealth(api), serviceHealth(service), incidents(incident)];
  }

  if (variant === "invalid") {
    new Scorecard("bad", {
      identifier: "bad",
      title: "Bad",
      blueprint: "e2e_servce",
      rules: [
        {
          identifier: "on_floor",
          title: "On the floor",
          level: "Basic",
          query: { combinator: "and", conditions: [{ property: "language", operator: "in", value: "Go" as unknown as string[] }] },
        },
      ],
    });
  }

  return {
    ids: scorecards.map((scorecard) => pulumi.interpolate`${scorecard.blueprint}/${scorecard.identifier}`),
  };
});
