import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// The Entity component under Pulumi's own mocks: exact types, names, parents and inputs, and the
// checks of its values against the Blueprint it belongs to.
// A Team's resource answers with the identifier of its `_team` entity, as the Team provider does.
const registered = recordRegistrations((args) => (args.type.endsWith("port:Team") ? { ...args.inputs, identifier: `team_${args.inputs.name}` } : args.inputs));

let components: Components;

beforeAll(async () => {
  components = await import("..");
});

beforeEach(() => {
  registered.length = 0;
});

/** The problems the portal check reports for `declarations` ([] when it passes). */
const problemsOfCheck = (declarations: () => void) => problemsOf(components, declarations);

function blueprints() {
  const { Blueprint } = components;
  const cluster = new Blueprint("cluster", { identifier: "cluster", title: "Cluster", schema: { properties: {} } });
  const environment = new Blueprint("environment", {
    identifier: "environment",
    title: "Environment",
    schema: {
      properties: {
        type: { type: "string", enum: ["development", "staging", "production"] },
        replicas: { type: "number" },
      },
      required: ["type"],
    },
    relations: {
      clusters: { target: cluster, required: false, many: true },
      primary: { target: cluster, required: true, many: false },
    },
    mirrorProperties: { primaryTitle: { path: "primary.$title" } },
  });
  return { cluster, environment };
}

describe("Entity", () => {
  it("registers a portal:index:Entity component with one dynamic port:Entity child, related Entities as identifiers", async () => {
    // declared() rejects with the problems when the portal check fails.
    const production = await declared(components, () => {
      const { cluster, environment } = blueprints();
      const eu = new components.Entity("eu", { blueprint: cluster, identifier: "eu-1" });
      return new components.Entity("production", {
        blueprint: environment,
        identifier: "production",
        title: "Production",
        team: "sre",
        properties: { type: "production", replicas: 3 },
        relations: { clusters: [eu, "us-1"], primary: eu },
      });
    });
    expect(await valueOf(production.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Entity$pulumi-nodejs:dynamic/port:Entity::production");
    await valueOf(production.identifier);
    expect(registered.filter((r) => r.name === "production").map((r) => r.type)).toEqual(["portal:index:Entity", "pulumi-nodejs:dynamic/port:Entity"]);
    const { __provider, ...inputs } = registered.find((r) => r.type.endsWith("port:Entity") && r.name === "production")!.inputs;
    expect(inputs).toEqual({
      blueprint: "environment",
      identifier: "production",
      title: "Production",
      team: "sre",
      properties: { type: "production", replicas: 3 },
      relations: { clusters: ["eu-1", "us-1"], primary: "eu-1" },
    });
    expect(await valueOf(production.blueprint)).toBe("environment");
  });

  it("checks values against the Blueprint: names with the closest ones, types, enums, required values and relation shapes", async () => {
    const problems = await problemsOfCheck(() => {
      const { environment } = blueprints();
      new components.Entity("bad", {
        blueprint: environment,
        identifier: "staging",
        properties: { typ: "staging", replicas: "3", primaryTitle: "x" },
        relations: { clusters: "eu-1", primary: ["eu-1"], clustr: "eu-2" },
      });
      new components.Entity("worse", { blueprint: environment, identifier: "dev", properties: { type: "developement" }, relations: { primary: "eu-1" } });
    });
    expect(registered.filter((r) => (r.name === "bad" || r.name === "worse") && r.custom)).toEqual([]);
    expect(problems).toEqual([
      'Entity "bad": field properties.typ: "typ" is not a property of blueprint "environment" (properties: type, replicas). Did you mean "type"? Use a declared property or declare it on the blueprint.',
      'Entity "bad": field properties.primaryTitle: "primaryTitle" is a mirror property of blueprint "environment", which Port computes; it cannot be set. Remove it.',
      'Entity "bad": field relations.clustr: "clustr" is not a relation of blueprint "environment" (relations: clusters, primary). Did you mean "clusters"? Use a declared relation or declare it on the blueprint.',
      'Entity "bad": field properties.replicas: "3" is a string, but property "replicas" of blueprint "environment" is of type number. Fix the value.',
      'Entity "bad": field properties.type: is required by blueprint "environment" but not set. Set it.',
      'Entity "bad": field relations.clusters: relation "clusters" is many, so it takes a list of entity identifiers. Write ["eu-1"].',
      'Entity "bad": field relations.primary: relation "primary" is not many, so it takes one entity identifier, not a list. Keep one.',
      'Entity "worse": field properties.type: "developement" is not one of the values of property "type" (allowed: development, staging, production). Did you mean "development"? Fix the value.',
    ]);
  });

  it("refuses a related Entity of another blueprint than the relation targets", async () => {
    const problems = await problemsOfCheck(() => {
      const { environment } = blueprints();
      const staging = new components.Entity("staging", { blueprint: environment, identifier: "staging", properties: { type: "staging" }, relations: { primary: "eu-1" } });
      new components.Entity("production", { blueprint: environment, identifier: "production", properties: { type: "production" }, relations: { primary: staging } });
    });
    expect(problems).toEqual([
      'Entity "production": field relations.primary: the entity "staging" belongs to blueprint "environment", but relation "primary" of blueprint "environment" targets "cluster". Use an entity of "cluster".',
    ]);
  });

  it("checks a plain blueprint identifier against the stack, and refuses the same entity twice", async () => {
    const problems = await problemsOfCheck(() => {
      new components.Entity("a", { blueprint: "enviroment", identifier: "prod" });
      new components.Entity("b", { blueprint: "_team", identifier: "platform" });
      new components.Entity("c", { blueprint: "_team", identifier: "platform" });
    });
    expect(problems).toEqual([
      'Entity "c": field identifier: "platform" is already an entity of blueprint "_team", declared by Entity "b". Give each entity of a blueprint its own identifier.',
      'Entity "a": field blueprint: blueprint "enviroment" is not declared in this stack. Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
    ]);
  });

  it("reports schema problems of plain args with the component name", async () => {
    const problems = await problemsOfCheck(() => {
      new components.Entity("bad", { blueprint: "_team", identifier: "the platform", team: [""] });
    });
    expect(problems).toEqual([
      `Entity "bad": field identifier: must match Port's entity identifier pattern (letters, digits and @ _ . + : \\ / = -, no spaces, at most 1000 characters); "the platform" contains a space: use "the_platform".`,
      'Entity "bad": field team[0]: must not be empty. Set a value.',
    ]);
  });
  it("sends a Team in team as its _team entity identifier, Team.existing(name) and plain values as written", async () => {
    const checkout = await declared(components, () => {
      const platform = new components.Team("platform", { name: "platform" });
      return new components.Entity("checkout", { blueprint: "_team", identifier: "checkout", team: [platform, components.Team.existing("sre"), "team_payments"] });
    });
    await valueOf(checkout.identifier);
    const inputs = registered.find((r) => r.type.endsWith("port:Entity") && r.name === "checkout")!.inputs;
    expect(inputs.team).toEqual(["team_platform", "sre", "team_payments"]);
  });
});
