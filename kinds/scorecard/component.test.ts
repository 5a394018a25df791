import * as pulumi from "@pulumi/pulumi";
import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// Components under Pulumi's own mocks: exact types, names, parents and inputs, no engine.
const registered = recordRegistrations();

type Guide = typeof import("../../guide/scorecards");
let components: Components;
let guide: Guide;

beforeAll(async () => {
  components = await import("..");
  guide = await import("../../guide/scorecards");
});

beforeEach(() => {
  registered.length = 0;
});

const readmeRule = {
  identifier: "has_readme",
  title: "Has a README",
  level: "Bronze",
  query: { combinator: "and" as const, conditions: [{ property: "readme", operator: "isNotEmpty" as const }] },
};

function serviceBlueprint(identifier = "service") {
  return new components.Blueprint("service", { identifier, title: "Service", schema: { properties: { readme: { type: "string" }, language: { type: "string" } } } });
}

/** The problems the portal check reports for `declarations` (it must fail). */
async function checkProblems(declarations: () => void, options?: { existingBlueprints?: string[] }): Promise<string[]> {
  const problems = await problemsOf(components, declarations, options);
  if (problems.length === 0) throw new Error("expected the portal check to fail");
  return problems;
}

const scorecardInputs = (name: string) => {
  const { __provider, ...spec } = registered.find((r) => r.type === "pulumi-nodejs:dynamic/port:Scorecard" && r.name === name)!.inputs;
  return spec;
};

describe("Scorecard", () => {
  it("registers a portal:index:Scorecard component with one dynamic port:Scorecard child", async () => {
    const { Scorecard } = components;
    const scorecard = await declared(components, () => {
      serviceBlueprint();
      return new Scorecard("readiness", { identifier: "readiness", title: "Readiness", blueprint: "service", rules: [readmeRule] });
    });
    expect(await valueOf(scorecard.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Scorecard$pulumi-nodejs:dynamic/port:Scorecard::readiness");
    expect(registered.filter((r) => r.name === "readiness").map((r) => [r.type, r.name])).toEqual([
      ["portal:index:Scorecard", "readiness"],
      ["pulumi-nodejs:dynamic/port:Scorecard", "readiness"],
    ]);
  });

  it("passes the spec as inputs, with a Blueprint turned into its identifier", async () => {
    const scorecard = await declared(components, () => {
      // The filter's relation must exist: the whole portal is checked before anything is registered.
      const environment = new components.Blueprint("environment", { identifier: "environment", title: "Environment", schema: { properties: {} } });
      const service = new components.Blueprint("service", {
        identifier: "service",
        title: "Service",
        schema: { properties: { readme: { type: "string" } } },
        relations: { environment: { target: environment, required: false, many: false } },
      });
      return new components.Scorecard("readiness", {
        identifier: "readiness",
        title: "Readiness",
        filter: { combinator: "and", conditions: [{ relation: "environment", operator: "=", value: "production" }] },
        levels: [
          { title: "None", color: "lightGray" },
          { title: "Bronze", color: "bronze" },
        ],
        blueprint: service,
        rules: [readmeRule],
      });
    });
    expect(await valueOf(scorecard.blueprint)).toBe("service");
    expect(await valueOf(scorecard.identifier)).toBe("readiness");
    expect(scorecardInputs("readiness")).toEqual({
      identifier: "readiness",
      title: "Readiness",
      blueprint: "service",
      filter: { combinator: "and", conditions: [{ relation: "environment", operator: "=", value: "production" }] },
      levels: [
        { title: "None", color: "lightGray" },
        { title: "Bronze", color: "bronze" },
      ],
      rules: [readmeRule],
    });
  });

  it("serializes the provider as a one-line require of the package's provider module, not as code", async () => {
    const scorecard = await declared(components, () => new components.Scorecard("readiness", { identifier: "readiness", title: "Readiness", blueprint: "_team", rules: [] }));
    await valueOf(scorecard.resource.urn);
    const provider: string = registered.find((r) => r.type.endsWith("port:Scorecard"))!.inputs.__provider;
    expect(provider).toContain(`require("@port-portal/pulumi/providers/scorecard")`);
    expect(provider.length).toBeLessThan(600);
  });

  it("registers nothing for invalid args and reports every problem with the component name on check", async () => {
    const problems = await checkProblems(() => {
      serviceBlueprint();
      new components.Scorecard("readiness", {
        identifier: "readiness",
        title: "Readiness",
        blueprint: "service",
        rules: [
          { ...readmeRule, level: "Basic" },
          { ...readmeRule, level: "Gold", query: { combinator: "and", conditions: [{ property: "language", operator: "in", value: "Go" as unknown as string[] }] } },
        ],
      });
    });
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(problems).toEqual([
      'Scorecard "readiness": field rules[1].query.conditions[0].value: "Go" is not a list; in and containsAny need an array such as ["Go"]. Wrap the value in [ ].',
      'Scorecard "readiness": field rules[0].level: "Basic" is the first level, which every entity reaches; a rule cannot require it. Use one of Bronze, Silver, Gold.',
      'Scorecard "readiness": field rules[1].identifier: "has_readme" is also the identifier of rules[0]; rule identifiers must be unique within a scorecard. Rename one of them.',
    ]);
  });

  it("checks the rest of the spec now even when the Blueprint's identifier is not known yet", async () => {
    const problems = await checkProblems(() => {
      const service = new components.Blueprint("service", { identifier: pulumi.output("service"), title: "Service", schema: { properties: { readme: { type: "string" } } } });
      new components.Scorecard("readiness", { identifier: "readiness", title: "Readiness", blueprint: service, rules: [{ ...readmeRule, level: "Platinum" }] });
    });
    expect(problems).toEqual([
      'Scorecard "readiness": field rules[0].level: "Platinum" is not a level of this scorecard (levels: Basic, Bronze, Silver, Gold). Use one of Bronze, Silver, Gold, or declare levels that include "Platinum".',
    ]);
  });

  it("resolves a blueprint given by identifier against the stack, Port's system blueprints and existingBlueprints", async () => {
    const problems = await checkProblems(
      () => {
        new components.Scorecard("team-hygiene", { identifier: "hygiene", title: "Hygiene", blueprint: "_team", rules: [] });
        new components.Scorecard("cluster-health", { identifier: "health", title: "Health", blueprint: "k8s_cluster", rules: [] });
        serviceBlueprint();
        new components.Scorecard("typo", { identifier: "readiness", title: "Readiness", blueprint: "servce", rules: [] });
      },
      { existingBlueprints: ["k8s_cluster"] },
    );
    expect(problems).toEqual([
      'Scorecard "typo": field blueprint: blueprint "servce" is not declared in this stack. Did you mean "service"? ' +
        "Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.",
    ]);
  });

  it("refuses two scorecards with one identifier on the same blueprint, and allows it on different ones", async () => {
    const problems = await checkProblems(() => {
      const service = serviceBlueprint();
      const api = new components.Blueprint("api", { identifier: "api", title: "API", schema: { properties: {} } });
      new components.Scorecard("a", { identifier: "readiness", title: "A", blueprint: service, rules: [] });
      new components.Scorecard("b", { identifier: "readiness", title: "B", blueprint: api, rules: [] });
      new components.Scorecard("c", { identifier: "readiness", title: "C", blueprint: "service", rules: [] });
    });
    expect(problems).toEqual([
      'Scorecard "c": field identifier: "readiness" is already a scorecard of blueprint "service", declared by Scorecard "a". Give each scorecard of a blueprint its own identifier.',
    ]);
  });

  it("types every condition kind, so a malformed one does not compile", () => {
    const args: import("..").ScorecardArgs = {
      identifier: "typed",
      title: "Typed",
      blueprint: "service",
      rules: [
        {
          identifier: "r",
          title: "R",
          level: "Gold",
          query: {
            combinator: "and",
            conditions: [
              { property: "$team", operator: "containsAny", value: ["platform"] },
              { relation: "domain", operator: "isNotEmpty", not: true },
              { property: "$updatedAt", operator: "between", value: { preset: "lastMonth" } },
              // @ts-expect-error `in` takes a list
              { property: "language", operator: "in", value: "Go" },
              // @ts-expect-error relations have no date conditions
              { relation: "domain", operator: "between", value: { preset: "today" } },
            ],
          },
        },
      ],
    };
    expect(args.rules).toHaveLength(1);
  });
});

describe("guide scorecards", () => {
  it("creates the four examples on the default portal's blueprints, every condition on a declared property", async () => {
    const { dataModel } = await import("../../stacks/data-model");
    const created = await declared(components, () => {
      const { service, api, incident } = dataModel();
      return [guide.productionReadiness(service), guide.apiHealth(api), guide.serviceHealth(service), guide.incidents(incident)];
    });
    const ids = await Promise.all(created.map((s) => Promise.all([valueOf(s.blueprint), valueOf(s.identifier)]).then((parts) => parts.join("/"))));
    expect(ids).toEqual(["service/production_readiness", "api/api_health", "service/service_health", "incident/incident_handling"]);
    expect(registered.filter((r) => r.type === "portal:index:Scorecard").map((r) => r.name)).toEqual(["production-readiness", "api-health", "service-health", "incidents"]);
  });

  it("uses the levels the guide describes", () => {
    const levelsOf = (args: ReturnType<Guide["productionReadinessArgs"]>) => (args.levels as { title: string }[] | undefined)?.map((l) => l.title);
    expect(levelsOf(guide.productionReadinessArgs("service"))).toBeUndefined();
    expect(levelsOf(guide.apiHealthArgs("api"))).toBeUndefined();
    expect(levelsOf(guide.serviceHealthArgs("service"))).toEqual(["Unhealthy", "Degraded", "Healthy"]);
    expect(levelsOf(guide.incidentsArgs("incident"))).toEqual(["Reported", "Triaged", "Acknowledged", "Learned from"]);
  });
});
