import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// The portal as an explicit scope, under Pulumi's own mocks: what is checked, what is registered, and
// which identifiers get the stack's prefix.
const registered = recordRegistrations();
let components: Components;

beforeAll(async () => {
  components = await import("../../kinds");
});

beforeEach(() => {
  registered.length = 0;
});

const inputsOf = (kind: string, name: string) => {
  const found = registered.find((r) => r.type === `pulumi-nodejs:dynamic/port:${kind}` && r.name === name);
  if (!found) throw new Error(`no ${kind} "${name}" was registered`);
  const { __provider: _provider, ...inputs } = found.inputs;
  return inputs;
};

/** The error `action` throws, or the string "no error". */
function attempt(action: () => unknown): unknown {
  try {
    action();
    return "no error";
  } catch (error) {
    return error;
  }
}

const relation = (target: import("../../kinds").RelationTarget) => ({ target, required: false, many: false });

describe("Portal", () => {
  it("fails a component declared outside any portal, naming it and the fix, before registering anything", () => {
    expect(() => new components.Blueprint("service", { identifier: "service", title: "Service" })).toThrow(
      'Blueprint "service": declared outside a portal. Declare components inside `await portal.declare(() => { ... })`',
    );
    expect(registered).toEqual([]);
  });

  it("checks a component declared after an await inside declare(), and adds its second-step relations", async () => {
    const problems = await problemsOf(components, async () => {
      new components.Blueprint("team", { identifier: "team", title: "Team" });
      await new Promise((resolve) => setImmediate(resolve));
      new components.Blueprint("service", { identifier: "service", title: "Service", relations: { owner: relation("teem") } });
    });
    expect(problems).toEqual([
      'Blueprint "service": field relations.owner.target: blueprint "teem" is not declared in this stack. Did you mean "team"? ' +
        "Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.",
    ]);

    const service = await declared(components, async () => {
      new components.Blueprint("team", { identifier: "team", title: "Team" });
      await new Promise((resolve) => setImmediate(resolve));
      return new components.Blueprint("service", { identifier: "service", title: "Service", relations: { owner: relation("team") } });
    });
    await valueOf(service.identifier);
    await new Promise((resolve) => setImmediate(resolve));
    expect(inputsOf("BlueprintRelations", "service-relations").relations).toEqual({ owner: relation("team") });
  });

  it("refuses a component declared once its portal's declare() has finished", async () => {
    let late: Promise<unknown> | undefined;
    await declared(components, () => {
      // A timer set inside declare() keeps its portal, but fires after the check has run.
      late = new Promise((resolve) => setTimeout(() => resolve(attempt(() => new components.Blueprint("late", { identifier: "late", title: "Late" }))), 0));
    });
    expect(String(await late)).toContain('Blueprint "late": declared after its portal\'s declare() had finished, so it could not be checked.');
  });

  it("registers no resource of a portal whose check fails, not even the valid ones", async () => {
    await problemsOf(components, () => {
      new components.Blueprint("fine", { identifier: "fine", title: "Fine" });
      new components.Blueprint("broken", { identifier: "broken", title: "Broken", relations: { x: relation("nowhere") } });
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(registered.filter((r) => r.custom)).toEqual([]);
  });
});

describe("references and the stack's prefix", () => {
  const prefixed = { identifierPrefix: "stg_" };

  it("keeps the name of a blueprint managed elsewhere, named by Blueprint.existing or listed in existingBlueprints, and prefixes the stack's own", async () => {
    await declared(
      components,
      () => {
        const team = new components.Blueprint("team", { identifier: "team", title: "Team" });
        new components.Blueprint("service", {
          identifier: "service",
          title: "Service",
          relations: {
            cluster: relation(components.Blueprint.existing("k8s_cluster")),
            region: relation("region"),
            team: relation("team"),
            squad: relation(team),
          },
        });
      },
      { ...prefixed, existingBlueprints: ["region"] },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    const service = inputsOf("Blueprint", "service");
    expect(service.identifier).toBe("stg_service");
    expect(service.relations).toEqual({ cluster: relation("k8s_cluster"), region: relation("region"), squad: relation("stg_team") });
    expect(inputsOf("BlueprintRelations", "service-relations").relations).toEqual({ team: relation("stg_team") });
  });

  it("asks the org about a plain identifier the stack does not declare, and sends it unprefixed when found", async () => {
    const asked: string[] = [];
    const lookup = { blueprintExists: async (identifier: string) => (asked.push(identifier), identifier === "k8s_cluster") };
    const scorecard = await declared(components, () => new components.Scorecard("health", { identifier: "health", title: "Health", blueprint: "k8s_cluster", rules: [] }), {
      ...prefixed,
      lookup,
    });
    expect(asked).toEqual(["k8s_cluster"]);
    expect(await valueOf(scorecard.blueprint)).toBe("k8s_cluster");
  });

  it("gives a prefixed stack's webhook identifier the prefix", async () => {
    const webhook = await declared(components, () => new components.Webhook("github", { identifier: "github", title: "GitHub", mappings: [] }), prefixed);
    expect(await valueOf(webhook.identifier)).toBe("stg_github");
  });
});

describe("page permissions", () => {
  it("fail at preview when they name a team the stack neither declares nor lists as existing, standalone or through a Dashboard", async () => {
    const problems = await problemsOf(components, () => {
      new components.Team("platform", { name: "platform" });
      new components.PagePermissions("home-permissions", { page: "$home", read: { teams: ["platfrom"] } });
      new components.Dashboard("devs", { page: { type: "dashboard" }, identifier: "devs", title: "Devs", widgets: [], readPermissions: { teams: ["ghosts"] } });
    });
    expect(problems).toEqual([
      'PagePermissions "home-permissions": field read.teams[0]: team "platfrom" is not declared in this stack. Did you mean "platform"? ' +
        "Declare the team, fix the name, or, if it is managed outside this stack, name it with Team.existing(...) or list it in existingTeams.",
      'PagePermissions "devs-permissions": field read.teams[0]: team "ghosts" is not declared in this stack. ' +
        "Declare the team, fix the name, or, if it is managed outside this stack, name it with Team.existing(...) or list it in existingTeams.",
    ]);
  });

  it("accept a team named by Team.existing without declaring it", async () => {
    const problems = await problemsOf(components, () => {
      new components.PagePermissions("home-permissions", { page: "$home", read: { teams: [components.Team.existing("sso-admins")] } });
    });
    expect(problems).toEqual([]);
  });
});
