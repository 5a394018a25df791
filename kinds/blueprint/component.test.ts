import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// Components under Pulumi's own mocks: exact types, names, parents and inputs, no engine.
const registered = recordRegistrations();

let components: Components;

/** Resource registration under mocks is asynchronous: let it finish. */
function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

afterAll(() => settled());

beforeAll(async () => {
  components = await import("..");
});

beforeEach(() => {
  registered.length = 0;
});

describe("Blueprint", () => {
  it("registers a portal:index:Blueprint component with one dynamic port:Blueprint child", async () => {
    const { Blueprint } = components;
    const squad = await declared(components, () => new Blueprint("squad", { identifier: "squad", title: "Squad", schema: { properties: {} } }));
    const urn = await valueOf(squad.resource!.urn);
    expect(urn).toBe("urn:pulumi:test::portal::portal:index:Blueprint$pulumi-nodejs:dynamic/port:Blueprint::squad");
    expect(registered.map((r) => [r.type, r.name])).toEqual([
      ["portal:index:Blueprint", "squad"],
      ["pulumi-nodejs:dynamic/port:Blueprint", "squad"],
    ]);
  });

  it("passes the spec as inputs and turns a Blueprint target into its identifier", async () => {
    const { Blueprint } = components;
    const service = await declared(components, () => {
      const squad = new Blueprint("squad", { identifier: "squad", title: "Squad", schema: { properties: {} } });
      return new Blueprint("service", {
        identifier: "service",
        title: "Service",
        schema: { properties: { language: { type: "string", enum: ["Go"] } }, required: ["language"] },
        relations: { squad: { target: squad, required: false, many: false } },
      });
    });
    await valueOf(service.identifier);
    const inputs = registered.find((r) => r.type.endsWith("port:Blueprint") && r.name === "service")!.inputs;
    const { __provider, ...spec } = inputs;
    expect(spec).toEqual({
      identifier: "service",
      title: "Service",
      schema: { properties: { language: { type: "string", enum: ["Go"] } }, required: ["language"] },
      relations: { squad: { target: "squad", required: false, many: false } },
    });
    expect(await valueOf(service.identifier)).toBe("service");
  });

  it("serializes the provider as a one-line require of the package's provider module, not as code", async () => {
    const { Blueprint } = components;
    const squad = await declared(components, () => new Blueprint("squad", { identifier: "squad", title: "Squad", schema: { properties: {} } }));
    await valueOf(squad.resource.urn);
    const provider: string = registered.find((r) => r.type.endsWith("port:Blueprint"))!.inputs.__provider;
    expect(provider).toContain(`require("@port-portal/pulumi/providers/blueprint")`);
    expect(provider).not.toContain("PortClient");
    expect(provider).not.toContain("clientSecret");
    expect(provider.length).toBeLessThan(600);
  });

  it("registers nothing for invalid args and reports every problem with the component name on check", async () => {
    const { Blueprint, PortalValidationError } = components;
    const error: unknown = await declared(components, () => {
      new Blueprint("bad", {
        identifier: "my service",
        title: "Bad",
        schema: { properties: { port: { type: "strng" as "string" } } },
        relations: { owner: { target: "sqaud", required: false, many: false } },
      });
      new Blueprint("squad", { identifier: "squad", title: "Squad", schema: { properties: {} } });
    }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 0));
    // The whole portal fails, so no resource of it is registered, "bad" included.
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(error).toBeInstanceOf(PortalValidationError);
    const problems = (error as InstanceType<typeof PortalValidationError>).problems;
    expect(problems.some((p) => p.startsWith('Blueprint "bad": field identifier:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Blueprint "bad": field schema.properties.port.type:'))).toBe(true);
    expect(problems).toContain(
      'Blueprint "bad": field relations.owner.target: blueprint "sqaud" is not declared in this stack. Did you mean "squad"? ' +
        "Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.",
    );
  });

  it("accepts relation targets that are Port system blueprints or listed as existing", async () => {
    const { Blueprint } = components;
    const service = () =>
      new Blueprint("service", {
        identifier: "service",
        title: "Service",
        schema: { properties: {} },
        relations: { owner: { target: "_team", required: false, many: false }, cluster: { target: "k8s_cluster", required: false, many: false } },
      });
    expect(await problemsOf(components, service, { existingBlueprints: ["k8s_cluster"] })).toEqual([]);
    await expect(declared(components, service)).rejects.toThrow(/blueprint "k8s_cluster" is not declared/);
    await settled();
  });

  it("refuses two blueprints with the same identifier", async () => {
    const { Blueprint } = components;
    const declaring = declared(components, () => {
      new Blueprint("a", { identifier: "svc", title: "A", schema: { properties: {} } });
      new Blueprint("b", { identifier: "svc", title: "B", schema: { properties: {} } });
    });
    await expect(declaring).rejects.toThrow('Blueprint "b": field identifier: "svc" is already declared by Blueprint "a".');
  });

  it("prefixes every identifier the stack declares and refers to, but not Port's or external blueprints", async () => {
    const { Blueprint } = components;
    const declaring = declared(
      components,
      () => {
        const team = new Blueprint("team", { identifier: "team", title: "Team", schema: { properties: {} } });
        return new Blueprint("service", {
          identifier: "service",
          title: "Service",
          schema: { properties: {} },
          relations: {
            team: { target: team, required: false, many: false },
            squad: { target: "team", required: false, many: false },
            owner: { target: "_team", required: false, many: false },
            cluster: { target: "k8s_cluster", required: false, many: false },
          },
        });
      },
      { identifierPrefix: "stg_", existingBlueprints: ["k8s_cluster"] },
    );
    // The portal check passes (declared() resolves only then).
    await expect(declaring).resolves.toBeInstanceOf(Blueprint);
    const service = await declaring;
    expect(await valueOf(service.identifier)).toBe("stg_service");
    const inputs = registered.find((r) => r.custom && r.name === "service")!.inputs;
    expect(inputs.identifier).toBe("stg_service");
    expect(Object.fromEntries(Object.entries(inputs.relations).map(([k, r]: [string, any]) => [k, r.target]))).toEqual({
      team: "stg_team",
      owner: "_team",
      cluster: "k8s_cluster",
    });
    await settled();
    const secondStep = registered.find((r) => r.type === "pulumi-nodejs:dynamic/port:BlueprintRelations")!.inputs;
    expect(secondStep.blueprint).toBe("stg_service");
    expect(secondStep.relations).toEqual({ squad: { target: "stg_team", required: false, many: false } });
  });

  it("adds relations that name stack blueprints by identifier in a second step, so a cycle comes up in one run", async () => {
    const { Blueprint } = components;
    const a = await declared(components, () => {
      const a = new Blueprint("a", {
        identifier: "a",
        title: "A",
        schema: { properties: { name: { type: "string" } } },
        relations: { b: { target: "b", required: false, many: false } },
        mirrorProperties: { bName: { path: "b.name" } },
      });
      new Blueprint("b", { identifier: "b", title: "B", schema: { properties: { name: { type: "string" } } }, relations: { a: { target: "a", required: false, many: false } } });
      // Before the check: no second step yet.
      expect(registered.filter((r) => r.type.endsWith("port:BlueprintRelations"))).toEqual([]);
      return a;
    });
    await settled();
    const base = registered.find((r) => r.custom && r.name === "a" && r.type.endsWith("port:Blueprint"))!.inputs;
    expect([base.relations, base.mirrorProperties]).toEqual([{}, {}]);
    const steps = registered.filter((r) => r.type.endsWith("port:BlueprintRelations")).map((r) => [r.name, r.inputs.blueprint, Object.keys(r.inputs.relations)]);
    expect(steps.sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ["a-relations", "a", ["b"]],
      ["b-relations", "b", ["a"]],
    ]);
    const aStep = registered.find((r) => r.name === "a-relations")!.inputs;
    expect(aStep.mirrorProperties).toEqual({ bName: { path: "b.name" } });
    expect(await valueOf(a.identifier)).toBe("a");
  });
});
