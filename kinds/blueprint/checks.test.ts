import * as pulumi from "@pulumi/pulumi";
import { problemsOf } from "../../tests/support/pulumi-mocks";

// Broken portals under Pulumi's mocks: each yields exactly its problem lines at check().
pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) }, "portal", "test", false);

type Components = typeof import("..");
let c: Components;

beforeAll(async () => {
  c = await import("..");
});

afterAll(() => new Promise((r) => setTimeout(r, 100)));

/** The problems the check of the portal `declarations` declare reports ([] when it passes). */
function problems(declarations: () => unknown): Promise<string[]> {
  return problemsOf(c, declarations);
}

/** team <- service <- deployment, with team owning services directly. */
function model(extra: { service?: object; deployment?: object; team?: object } = {}) {
  const team = new c.Blueprint("team", {
    identifier: "team",
    title: "Team",
    schema: { properties: { slack: { type: "string" }, size: { type: "number" } } },
    ...extra.team,
  });
  const service = new c.Blueprint("service", {
    identifier: "service",
    title: "Service",
    ownership: { type: "Direct" },
    schema: { properties: { language: { type: "string" }, replicas: { type: "number" }, launchedAt: { type: "string", format: "date-time" } } },
    relations: { team: { target: team, required: false, many: false } },
    ...extra.service,
  });
  const deployment = new c.Blueprint("deployment", {
    identifier: "deployment",
    title: "Deployment",
    schema: { properties: { version: { type: "string" } } },
    relations: { service: { target: service, required: false, many: false } },
    ...extra.deployment,
  });
  return { team, service, deployment };
}

const rule = (condition: object) => ({ identifier: "r", title: "R", level: "Bronze", query: { combinator: "and", conditions: [condition] } });

describe("Portal checks", () => {
  it("pass on a consistent portal", async () => {
    const found = await problems(() => {
      const { service } = model({ deployment: { mirrorProperties: { teamSlack: { path: "service.team.slack" } }, ownership: { type: "Inherited", path: "service" } } });
      new c.Scorecard("readiness", { identifier: "readiness", title: "Readiness", blueprint: service, rules: [rule({ property: "replicas", operator: ">", value: 1 }) as any] });
    });
    expect(found).toEqual([]);
  });

  it("find a mirror path hop that is not a relation, with the relations there are", async () => {
    const found = await problems(() => {
      model({ deployment: { mirrorProperties: { teamSlack: { path: "service.squad.slack" } } } });
    });
    expect(found).toEqual(['Blueprint "deployment": field mirrorProperties.teamSlack.path: "squad" is not a relation of blueprint "service" (relations: team). Fix the path.']);
  });

  it("find a mirror path ending in a property the last blueprint lacks", async () => {
    const found = await problems(() => {
      model({ deployment: { mirrorProperties: { teamSlack: { path: "service.team.slak" } } } });
    });
    expect(found).toEqual(['Blueprint "deployment": field mirrorProperties.teamSlack.path: "slak" is not a property of blueprint "team". Did you mean "slack"? Fix the path.']);
  });

  it("find inherited ownership that ends at a blueprint without Direct ownership", async () => {
    const found = await problems(() => {
      model({ deployment: { ownership: { type: "Inherited", path: "service.team" } } });
    });
    expect(found).toEqual([
      'Blueprint "deployment": field ownership.path: the path ends at blueprint "team", which has no Direct ownership. Give it ownership: { type: "Direct" } or end the path at one that has.',
    ]);
  });

  it("find an aggregation over a property the target lacks, or one that is not a number", async () => {
    const found = await problems(() => {
      model({
        team: {
          aggregationProperties: {
            totalReplicas: { title: "Replicas", target: "service", calculationSpec: { calculationBy: "property", func: "sum", property: "replica" } },
            languages: { title: "Languages", target: "service", calculationSpec: { calculationBy: "property", func: "sum", property: "language" } },
          },
        },
      });
    });
    expect(found).toEqual([
      'Blueprint "team": field aggregationProperties.totalReplicas.calculationSpec.property: "replica" is not a property of blueprint "service". Did you mean "replicas"? Fix the property.',
      'Blueprint "team": field aggregationProperties.languages.calculationSpec.property: "language" of blueprint "service" is not a number; sum needs one. Use a number property.',
    ]);
  });

  it("find scorecard conditions on missing properties, wrong operators for the type, and relations used as properties", async () => {
    const found = await problems(() => {
      const { service } = model();
      new c.Scorecard("readiness", {
        identifier: "readiness",
        title: "Readiness",
        blueprint: service,
        rules: [
          rule({ property: "langauge", operator: "=", value: "Go" }),
          { ...rule({ property: "language", operator: ">", value: 3 }), identifier: "r2" },
          { ...rule({ property: "replicas", operator: "between", value: { preset: "lastWeek" } }), identifier: "r3" },
          { ...rule({ property: "team", operator: "=", value: "core" }), identifier: "r4" },
          { ...rule({ relation: "squad", operator: "isNotEmpty" }), identifier: "r5" },
          { ...rule({ property: "$createdAt", operator: "between", value: { preset: "lastWeek" } }), identifier: "r6" },
        ] as any,
      });
    });
    expect(found).toEqual([
      'Scorecard "readiness": field rules[0].query.conditions[0].property: "langauge" is not a property of blueprint "service". Did you mean "language"? Use a declared property or declare it on the blueprint.',
      'Scorecard "readiness": field rules[1].query.conditions[0].operator: ">" compares numbers or dates; "language" is a string property. Use "=" or "in", or compare a number property.',
      'Scorecard "readiness": field rules[2].query.conditions[0].operator: "between" with a date range or preset needs a date-time property; "replicas" is a number property. Compare it with "=" or "in", or use a date-time property.',
      'Scorecard "readiness": field rules[3].query.conditions[0].property: "team" is a relation of blueprint "service", not a property. Write { relation: "team", ... } instead.',
      'Scorecard "readiness": field rules[4].query.conditions[0].relation: "squad" is not a relation of blueprint "service". Use a declared relation.',
    ]);
  });

  it("report every problem of the portal together, including references declared later", async () => {
    const found = await problems(() => {
      new c.Scorecard("later", { identifier: "later", title: "Later", blueprint: "service", rules: [rule({ property: "nope", operator: "isEmpty" }) as any] });
      new c.Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} }, relations: { team: { target: "teem", required: false, many: false } } });
    });
    expect(found).toEqual([
      'Blueprint "service": field relations.team.target: blueprint "teem" is not declared in this stack. Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
      'Scorecard "later": field rules[0].query.conditions[0].property: "nope" is not a property of blueprint "service". Use a declared property or declare it on the blueprint.',
    ]);
  });

  it("find an entity input's dataset on a missing property and an upsert mapping to undeclared fields", async () => {
    const found = await problems(() => {
      const { service, deployment } = model();
      new c.Action("deploy", {
        identifier: "deploy",
        title: "Deploy",
        trigger: {
          operation: "CREATE",
          userInputs: {
            properties: {
              service: { type: "string", format: "entity", blueprint: service, dataset: { combinator: "and", rules: [{ property: "langage", operator: "=", value: "Go" }] } },
            },
          },
        },
        blueprint: deployment,
        invocationMethod: {
          type: "UPSERT_ENTITY",
          blueprint: deployment,
          mapping: { identifier: "{{ .inputs.service }}", properties: { versoin: "1" }, relations: { svc: "{{ .inputs.service }}" } },
        },
      } as any);
    });
    expect(found).toEqual([
      'Action "deploy": field trigger.userInputs.properties.service.dataset.rules[0].property: "langage" is not a property of blueprint "service". Did you mean "language"? Use a declared property or declare it on the blueprint.',
      'Action "deploy": field invocationMethod.mapping.properties.versoin: "versoin" is not a property of blueprint "deployment". Did you mean "version"? Map a declared property.',
      'Action "deploy": field invocationMethod.mapping.relations.svc: "svc" is not a relation of blueprint "deployment". Map a declared relation.',
    ]);
  });

  it("find a timer automation on a property that is not a timer", async () => {
    const found = await problems(() => {
      const { service } = model();
      new c.Automation("expire", {
        identifier: "expire",
        title: "Expire",
        trigger: { event: { type: "TIMER_PROPERTY_EXPIRED", blueprint: service, propertyIdentifier: "launchedAt" } },
        invocationMethod: { type: "WEBHOOK", url: "https://hooks.example.com/expired" },
      } as any);
    });
    expect(found).toEqual([
      'Automation "expire": field trigger.event.propertyIdentifier: "launchedAt" of blueprint "service" is not a timer property (format "timer"). Name a timer property.',
    ]);
  });
});
