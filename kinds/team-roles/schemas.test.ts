import { ActionPermissionsSpec, BlueprintPermissionsSpec, normalizePermissions, policyJqFields } from "../permissions/schema";
import { moderatedBlueprint, moderatorRole, PortRole, UserInvitationSpec } from "../user/schema";
import { TeamSpec } from "../team/schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

describe("PortRole", () => {
  it("accepts Admin, Member and the moderator role of a blueprint", () => {
    expect(parseValid(PortRole, "Admin")).toBe("Admin");
    expect(parseValid(PortRole, "Member")).toBe("Member");
    expect(parseValid(PortRole, "service-moderator")).toBe("service-moderator");
    expect([moderatedBlueprint("k8s_cluster-moderator"), moderatedBlueprint("Admin"), moderatorRole("api")]).toEqual(["k8s_cluster", undefined, "api-moderator"]);
  });

  it("names a wrong role, lists the allowed forms and suggests the fix", () => {
    expect(problemMessages(PortRole, "admin", "User", "ana")).toEqual([
      'User "ana": "admin" is not a Port role; roles are Admin, Member or <blueprint>-moderator (e.g. "service-moderator"). Did you mean "Admin"? Fix the role.',
    ]);
    expect(problemMessages(PortRole, "service moderator", "User", "ana")[0]).toContain('Did you mean "service-moderator"?');
    expect(problemMessages(PortRole, "my service-moderator", "User", "ana")[0]).toContain('"my service-moderator" is not a Port role');
  });
});

describe("UserInvitationSpec", () => {
  it("defaults to the Member role and no teams", () => {
    expect(parseValid(UserInvitationSpec, { email: "ana@example.com" })).toEqual({ email: "ana@example.com", roles: ["Member"], teams: [] });
  });

  it("reports every problem at once: email, empty roles, bad team name, unknown key", () => {
    expect(problemMessages(UserInvitationSpec, { email: "ana", roles: [], teams: ["a#b"], team: "x" }, "User", "ana")).toEqual([
      'User "ana": field email: "ana" is not an email address; users are addressed by email, e.g. "jane@example.com". Fix the email.',
      'User "ana": field roles: must not be empty. Add at least one item.',
      `User "ana": field teams[0]: must match Port's team name pattern (at least 2 characters, none of ; # / ?, no whitespace at either end); "a#b" contains "#": use "a-b".`,
      'User "ana": "team" is not a key of a user invitation; allowed: email, roles, teams. Did you mean "teams"? Rename or remove it.',
    ]);
  });
});

describe("TeamSpec", () => {
  it("keeps users optional, so a team need not manage its membership", () => {
    expect(parseValid(TeamSpec, { name: "platform" })).toEqual({ name: "platform" });
    expect(parseValid(TeamSpec, { name: "platform", description: "P", users: ["ana@example.com"] }).users).toEqual(["ana@example.com"]);
  });

  it("refuses a member listed twice and a bad email", () => {
    expect(problemMessages(TeamSpec, { name: "platform", users: ["ana@example.com", "ana@example.com", "bo"] }, "Team", "platform")).toEqual([
      'Team "platform": field users[2]: "bo" is not an email address; users are addressed by email, e.g. "jane@example.com". Fix the email.',
      'Team "platform": field users[1]: "ana@example.com" is listed twice. Remove the duplicate.',
    ]);
  });
});

describe("BlueprintPermissionsSpec", () => {
  it("fills each declared block's lists and ownedByTeam, and leaves undeclared blocks out", () => {
    expect(parseValid(BlueprintPermissionsSpec, { blueprint: "service", entities: { update: { teams: ["platform"], ownedByTeam: true } } })).toEqual({
      blueprint: "service",
      entities: { update: { users: [], teams: ["platform"], roles: [], ownedByTeam: true } },
    });
  });

  it("takes per-property blocks for properties and meta-properties, and a read policy as an entity query", () => {
    const spec = parseValid(BlueprintPermissionsSpec, {
      blueprint: "service",
      entities: {
        read: {
          roles: ["Member"],
          policy: { combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } }] },
        },
        updateProperties: { language: { roles: ["service-moderator"] }, $title: { roles: ["Admin"] } },
        updateRelations: { system: { ownedByTeam: true } },
      },
    });
    expect(Object.keys(spec.entities.updateProperties!)).toEqual(["language", "$title"]);
  });

  it("names a bad property key, a misspelt block and a bad policy operator", () => {
    const messages = problemMessages(
      BlueprintPermissionsSpec,
      {
        blueprint: "service",
        entities: { regster: {}, updateProperties: { $titel: {} }, read: { policy: { combinator: "and", rules: [{ property: "x", operator: "equals", value: 1 }] } } },
      },
      "BlueprintPermissions",
      "service",
    );
    expect(messages).toContain(
      'BlueprintPermissions "service": field entities.updateProperties.$titel: "$titel" is neither a property identifier (letters, digits and @ _ = \\ -) nor one of $identifier, $title, $icon, $team. Did you mean "$title"? Fix the key.',
    );
    expect(messages.some((m) => m.includes('"regster" is not a key of blueprint entity permissions') && m.includes('Did you mean "register"?'))).toBe(true);
    expect(messages.some((m) => m.startsWith('BlueprintPermissions "service": field entities.read.policy.rules[0].operator:'))).toBe(true);
  });
});

describe("ActionPermissionsSpec", () => {
  const policy = { queries: { owners: { combinator: "and", rules: [] } }, conditions: [".results.owners.entities | length > 0"] };

  it("accepts owned-by-team execution with a policy, and approval with a null policy", () => {
    const spec = parseValid(ActionPermissionsSpec, { action: "deploy", execute: { ownedByTeam: true, policy }, approve: { roles: ["Admin"], policy: null } });
    expect(spec.execute).toEqual({ users: [], teams: [], roles: [], ownedByTeam: true, policy });
    expect(spec.approve?.policy).toBeNull();
  });

  it("refuses ownedByTeam on approve, a policy without conditions, and a spec that declares nothing", () => {
    expect(
      problemMessages(ActionPermissionsSpec, { action: "deploy", approve: { ownedByTeam: true, policy: { queries: {}, conditions: [] } } }, "ActionPermissions", "deploy"),
    ).toEqual([
      'ActionPermissions "deploy": field approve.policy.conditions: must not be empty. Add at least one item.',
      'ActionPermissions "deploy": field approve: "ownedByTeam" is not a key of an approve permission; allowed: users, teams, roles, policy. Rename or remove it.',
    ]);
    expect(problemMessages(ActionPermissionsSpec, { action: "deploy" }, "ActionPermissions", "deploy")).toEqual([
      'ActionPermissions "deploy": declares neither execute nor approve, so it would change nothing. Add execute or approve.',
    ]);
  });

  it("lists every policy condition and query template for the jq check", () => {
    const templated = { queries: { me: { combinator: "and", rules: [{ property: "$identifier", operator: "=", value: "{{ .trigger.user.email }}" }] } }, conditions: ["true"] };
    expect(policyJqFields(templated, "execute.policy")).toEqual([
      { field: "execute.policy.conditions[0]", expression: "true" },
      { field: "execute.policy.queries.me.rules[0].value", expression: ".trigger.user.email" },
    ]);
  });
});

describe("normalizePermissions", () => {
  it("treats users, teams and roles as sets and a null policy as none, at any depth", () => {
    expect(normalizePermissions({ entities: { read: { roles: ["Member", "Admin", "Admin"], teams: ["b", "a"], policy: null, ownedByTeam: false } } })).toEqual({
      entities: { read: { roles: ["Admin", "Member"], teams: ["a", "b"], ownedByTeam: false } },
    });
  });
});
