import { Components, declared, problemsOf as problemsOfIn, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// Team, User, the permission components and TeamRoles under Pulumi's mocks: exact types, names, parents and inputs.
const registered = recordRegistrations();

let components: Components;

/** The inputs of the dynamic resource named `name`, once every input has resolved. */
async function inputsOf(type: string, name: string): Promise<Record<string, unknown>> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const found = registered.find((r) => r.type === `pulumi-nodejs:dynamic/port:${type}` && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}; registered: ${registered.map((r) => `${r.type}::${r.name}`).join(", ")}`);
  const { __provider, ...inputs } = found.inputs;
  return inputs;
}

type PortalOptions = Parameters<typeof declared>[2];

/** The problems the portal check reports for `declarations` ([] when it passes). */
const problemsOf = (declarations: () => void, options?: PortalOptions) => problemsOfIn(components, declarations, options);

/** Port's actions the plans below name and do not declare (managed elsewhere). */
const existingActions = { existingActions: ["deploy"] };

beforeAll(async () => {
  components = await import("..");
});

beforeEach(() => {
  registered.length = 0;
});

describe("Team", () => {
  it("registers a portal:index:Team with one dynamic port:Team child named after it", async () => {
    const { Team } = components;
    const team = await declared(components, () => new Team("platform", { name: "platform", description: "Platform engineering" }));
    expect(await valueOf(team.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Team$pulumi-nodejs:dynamic/port:Team::platform");
    expect(await inputsOf("Team", "platform")).toEqual({ name: "platform", description: "Platform engineering" });
    expect(await valueOf(team.name)).toBe("platform");
    expect(await valueOf(team.entityIdentifier)).toBe("platform");
  });

  it("registers nothing for a bad name and reports it with the component name", async () => {
    const { Team } = components;
    const problems = await problemsOf(() => {
      new Team("bad", { name: "a/b" });
    });
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(problems[0]).toMatch(/^Team "bad": field name: must match Port's team name pattern/);
  });
});

describe("User", () => {
  it("sends teams by name and adds the moderator role of each moderated blueprint to the roles", async () => {
    const { Blueprint, Team, User } = components;
    await declared(
      components,
      () => {
        const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
        const platform = new Team("platform", { name: "platform" });
        new User("ana", { email: "ana@example.com", roles: ["Member"], teams: [platform, "payments"], moderates: [service] });
      },
      { existingTeams: ["payments"] },
    );
    expect(await inputsOf("User", "ana")).toEqual({ email: "ana@example.com", roles: ["Member", "service-moderator"], teams: ["platform", "payments"] });
    expect(registered.find((r) => r.type === "portal:index:User")?.name).toBe("ana");
  });

  it("defaults the roles to Member when it only moderates", async () => {
    const { User } = components;
    await declared(
      components,
      () => {
        new User("bo", { email: "bo@example.com", moderates: ["api"] });
      },
      { existingBlueprints: ["api"] },
    );
    expect((await inputsOf("User", "bo")).roles).toEqual(["Member", "api-moderator"]);
  });

  it("qualifies moderator roles written in code with the stack's identifier prefix, once", async () => {
    const { Blueprint, User } = components;
    await declared(
      components,
      () => {
        const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
        new User("ana", { email: "ana@example.com", roles: ["service-moderator"] });
        new User("bo", { email: "bo@example.com", roles: [`${service.declaredIdentifier}-moderator`] });
      },
      { identifierPrefix: "stg_" },
    );
    expect((await inputsOf("User", "ana")).roles).toEqual(["stg_service-moderator"]);
    expect((await inputsOf("User", "bo")).roles).toEqual(["stg_service-moderator"]);
  });
});

describe("BlueprintPermissions and ActionPermissions", () => {
  it("turn Blueprint, Team and User objects into identifiers, names and emails", async () => {
    const { Blueprint, BlueprintPermissions, Team, User } = components;
    await declared(
      components,
      () => {
        const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
        const platform = new Team("platform", { name: "platform" });
        const ana = new User("ana", { email: "ana@example.com" });
        new BlueprintPermissions("service-permissions", {
          blueprint: service,
          entities: { register: { teams: [platform], users: [ana, "bo@example.com"], roles: ["service-moderator"], ownedByTeam: true } },
        });
      },
      { existingUsers: ["bo@example.com"] },
    );
    expect(await inputsOf("BlueprintPermissions", "service-permissions")).toEqual({
      blueprint: "service",
      entities: { register: { teams: ["platform"], users: ["ana@example.com", "bo@example.com"], roles: ["service-moderator"], ownedByTeam: true } },
    });
  });

  it("take the identifier of an action managed elsewhere as written", async () => {
    const { ActionPermissions } = components;
    await declared(
      components,
      () => {
        new ActionPermissions("deploy", { action: "deploy", execute: { roles: ["Member"], ownedByTeam: true } });
      },
      existingActions,
    );
    expect(await inputsOf("ActionPermissions", "deploy")).toEqual({ action: "deploy", execute: { roles: ["Member"], ownedByTeam: true } });
  });

  it("refuse two components managing the permissions of one blueprint", async () => {
    const { BlueprintPermissions } = components;
    const problems = await problemsOf(() => {
      new BlueprintPermissions("a", { blueprint: "_user", entities: { read: { roles: ["Admin"] } } });
      new BlueprintPermissions("b", { blueprint: "_user", entities: { update: { roles: ["Admin"] } } });
    });
    expect(problems).toEqual(['BlueprintPermissions "b": the permissions of blueprint "_user" are already managed by BlueprintPermissions "a". Declare them in one place.']);
  });
});

describe("TeamRoles", () => {
  const plan = () => {
    const { Blueprint } = components;
    const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} }, ownership: { type: "Direct" } });
    return {
      service,
      args: {
        teams: { platform: { description: "Platform", members: ["ana@example.com"] }, payments: { members: ["ana@example.com", "bo@example.com"] } },
        users: { "ana@example.com": { roles: ["Admin" as const] }, "bo@example.com": {} },
        moderators: [{ blueprint: service, users: ["bo@example.com"] }],
        ownership: { service: { type: "Direct" as const } },
        blueprintPermissions: [{ blueprint: service, entities: { update: { teams: ["platform"], ownedByTeam: true }, register: { users: ["bo@example.com"] } } }],
        actionPermissions: [{ action: "deploy", execute: { teams: ["payments"], ownedByTeam: true } }],
      },
    };
  };

  it("creates the plan's teams, users and permissions as its children, named after it", async () => {
    const { TeamRoles } = components;
    const roles = await declared(components, () => new TeamRoles("access", plan().args), existingActions);
    await inputsOf("User", "access-user-bo@example.com");
    const componentList = registered.filter((r) => r.type.startsWith("portal:index:") && r.type !== "portal:index:Blueprint").map((r) => [r.type, r.name]);
    expect(componentList).toEqual([
      ["portal:index:TeamRoles", "access"],
      ["portal:index:Team", "access-team-platform"],
      ["portal:index:Team", "access-team-payments"],
      ["portal:index:User", "access-user-ana@example.com"],
      ["portal:index:User", "access-user-bo@example.com"],
      ["portal:index:BlueprintPermissions", "access-blueprint-service"],
      ["portal:index:ActionPermissions", "access-action-deploy"],
    ]);
    const dynamic = registered.filter((r) => r.custom && r.name.startsWith("access-")).map((r) => [r.type, r.name]);
    expect(dynamic).toEqual(
      expect.arrayContaining([
        ["pulumi-nodejs:dynamic/port:Team", "access-team-platform"],
        ["pulumi-nodejs:dynamic/port:User", "access-user-bo@example.com"],
        ["pulumi-nodejs:dynamic/port:BlueprintPermissions", "access-blueprint-service"],
        ["pulumi-nodejs:dynamic/port:ActionPermissions", "access-action-deploy"],
      ]),
    );
    expect(dynamic).toHaveLength(6); // two teams, two users and two permission documents
    expect(await valueOf(roles.teams.platform.urn)).toBe("urn:pulumi:test::portal::portal:index:TeamRoles$portal:index:Team::access-team-platform");
    expect(await valueOf(roles.users["bo@example.com"].urn)).toBe("urn:pulumi:test::portal::portal:index:TeamRoles$portal:index:User::access-user-bo@example.com");
    expect(await valueOf(roles.teams.platform.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Team$pulumi-nodejs:dynamic/port:Team::access-team-platform");
  });

  it("gives each user the teams listing them as members and the moderator roles of the blueprints they moderate", async () => {
    const { TeamRoles } = components;
    await declared(components, () => new TeamRoles("access", plan().args), existingActions);
    expect(await inputsOf("User", "access-user-ana@example.com")).toEqual({ email: "ana@example.com", roles: ["Admin"], teams: ["platform", "payments"] });
    expect(await inputsOf("User", "access-user-bo@example.com")).toEqual({ email: "bo@example.com", roles: ["Member", "service-moderator"], teams: ["payments"] });
    expect(await inputsOf("Team", "access-team-payments")).toEqual({ name: "payments" });
  });

  it("points the permissions at the plan's Team and User objects", async () => {
    const { TeamRoles } = components;
    const roles = await declared(components, () => new TeamRoles("access", plan().args), existingActions);
    expect(await inputsOf("BlueprintPermissions", "access-blueprint-service")).toEqual({
      blueprint: "service",
      entities: { update: { teams: ["platform"], ownedByTeam: true }, register: { users: ["bo@example.com"] } },
    });
    expect(await inputsOf("ActionPermissions", "access-action-deploy")).toEqual({ action: "deploy", execute: { teams: ["payments"], ownedByTeam: true } });
    expect(roles.blueprintPermissions.map((p) => p.resource !== undefined)).toEqual([true]);
  });

  it("summarizes who can do what, as declared", async () => {
    const { TeamRoles } = components;
    const roles = await declared(components, () => new TeamRoles("access", plan().args), existingActions);
    expect(roles.access).toEqual({
      teams: { platform: ["ana@example.com"], payments: ["ana@example.com", "bo@example.com"] },
      users: {
        "ana@example.com": { roles: ["Admin"], teams: ["platform", "payments"] },
        "bo@example.com": { roles: ["Member", "service-moderator"], teams: ["payments"] },
      },
      ownership: { service: { type: "Direct" } },
      blueprints: { service: { entities: { update: { teams: ["platform"], ownedByTeam: true }, register: { users: ["bo@example.com"] } } } },
      actions: { deploy: { execute: { teams: ["payments"], ownedByTeam: true } } },
      pages: {},
    });
  });

  it("refuses members and moderators who are not users of the plan, and ownedByTeam without an ownership decision, registering nothing", async () => {
    const { TeamRoles } = components;
    const problems = await problemsOf(() => {
      const { args, service } = plan();
      registered.length = 0;
      new TeamRoles("access", {
        ...args,
        teams: { platform: { members: ["carl@example.com"] } },
        moderators: [{ blueprint: service, users: ["dee@example.com"] }],
        ownership: {},
      });
    }, existingActions);
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(problems).toEqual([
      'TeamRoles "access": field teams.platform.members[0]: "carl@example.com" is not one of the plan\'s users (ana@example.com, bo@example.com). Add it to users with its roles, or fix the email.',
      'TeamRoles "access": field moderators[0].users[0]: "dee@example.com" is not one of the plan\'s users (ana@example.com, bo@example.com). Add it to users with its roles, or fix the email.',
      'TeamRoles "access": field blueprintPermissions[0].entities.update.ownedByTeam: ownedByTeam grants the entity\'s owning teams, but blueprint "service" has no ownership decision. Add it to ownership (and set the same ownership on the Blueprint), or remove ownedByTeam.',
    ]);
  });

  it("fails the portal check naming a team, a role and a user that nothing declares", async () => {
    const { TeamRoles } = components;
    const problems = await problemsOf(() => {
      new TeamRoles("access", {
        users: { "ana@example.com": { roles: ["api-moderator"] } },
        blueprintPermissions: [{ blueprint: "_user", entities: { read: { teams: ["platfrom"], users: ["zed@example.com"] } } }],
        teams: { platform: { members: ["ana@example.com"] } },
      });
    });
    expect(problems).toEqual([
      'User "access-user-ana@example.com": field roles[0]: role "api-moderator" moderates blueprint "api", which is not declared in this stack. Fix the role, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
      'BlueprintPermissions "access-blueprint-_user": field entities.read.teams[0]: team "platfrom" is not declared in this stack. Did you mean "platform"? Declare the team, fix the name, or, if it is managed outside this stack, name it with Team.existing(...) or list it in existingTeams.',
      'BlueprintPermissions "access-blueprint-_user": field entities.read.users[0]: user "zed@example.com" is not declared in this stack. Did you mean "ana@example.com"? Declare the user, fix the email, or, if it is managed outside this stack, name it with User.existing(...) or list it in existingUsers.',
    ]);
  });

  it("manages page permissions through PagePermissions, checking the teams and roles it names", async () => {
    const { TeamRoles } = components;
    const declarations = () => {
      new TeamRoles("access", {
        teams: { platform: {} },
        pagePermissions: [
          { page: "dora", read: { teams: ["platform"], roles: ["Member"] } },
          { page: "costs", read: { teams: ["finance"] } },
        ],
      });
    };
    // A portal whose check fails registers nothing: the inputs are those of the same plan in a
    // portal where "finance" is a team managed outside the stack.
    await declared(components, declarations, { existingTeams: ["finance"] });
    expect(await inputsOf("PagePermissions", "access-page-dora")).toEqual({ page: "dora", read: { teams: ["platform"], roles: ["Member"] } });
    expect(await problemsOf(declarations)).toEqual([
      'PagePermissions "access-page-costs": field read.teams[0]: team "finance" is not declared in this stack. Declare the team, fix the name, or, if it is managed outside this stack, name it with Team.existing(...) or list it in existingTeams.',
    ]);
  });

  it("builds the guide's plan: admins and moderators in the platform team, developers in product, owners updating their services", async () => {
    const { Blueprint } = components;
    const { portalTeamRoles, SERVICE_OWNERSHIP } = await import("../../guide/team-roles");
    // declared() rejects with the problems when the portal check fails.
    const roles = await declared(
      components,
      () => {
        const service = new Blueprint("service", { identifier: "service", title: "Service", ownership: SERVICE_OWNERSHIP, schema: { properties: {} } });
        return portalTeamRoles(
          "guide",
          { service, serviceAction: "deploy", dashboard: "operations" },
          {
            admins: ["ada@example.com"],
            platformEngineers: ["pat@example.com"],
            developers: ["dev@example.com"],
          },
        );
      },
      existingActions,
    );
    expect(roles.access.users).toEqual({
      "ada@example.com": { roles: ["Admin"], teams: ["platform"] },
      "pat@example.com": { roles: ["Member", "service-moderator"], teams: ["platform"] },
      "dev@example.com": { roles: ["Member"], teams: ["product"] },
    });
    expect((roles.access.blueprints as any).service.entities.update).toEqual({ roles: ["Admin", "service-moderator"], ownedByTeam: true });
    expect(roles.access.actions).toEqual({ deploy: { execute: { roles: ["Admin"], teams: ["platform"], ownedByTeam: true } } });
    expect(roles.access.pages).toEqual({ operations: { read: { roles: ["Admin"], teams: ["platform", "product"] } } });
  });

  it("accepts teams and users listed as existing outside the stack", async () => {
    const { BlueprintPermissions } = components;
    const problems = await problemsOf(
      () => {
        new BlueprintPermissions("read", { blueprint: "_user", entities: { read: { teams: ["sre"], users: ["ops@example.com"] } } });
      },
      { existingTeams: ["sre"], existingUsers: ["ops@example.com"] },
    );
    expect(problems).toEqual([]);
  });
});
