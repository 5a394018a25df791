import { PortClient } from "../../core/client/port-client";
import { getActionPermissions, getBlueprintPermissions } from "../../kinds/permissions/client";
import { getPagePermissions } from "../../kinds/page/client";
import { getUser, inviteUser, listUsers, userRoleNames, userTeamNames } from "../../kinds/user/client";
import { listTeams, teamMemberEmails } from "../../kinds/team/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// TeamRoles through the real Pulumi CLI: teams, invitations, a moderator, owned-by-team action
// permissions and dashboard read permissions against the emulator, whose permission scopes
// appear only some time after their blueprint or action (the providers wait for them).
jest.setTimeout(600_000);

const CLIENT_ID = "e2e-team-roles";
const CLIENT_SECRET = "e2e-team-roles-secret-91c2";

async function accessOf(client: PortClient, email: string) {
  const user = await getUser(client, email);
  return user && { roles: userRoleNames(user).sort(), teams: userTeamNames(user).sort(), status: user.status };
}

describe("TeamRoles end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }], permissionDelayMs: 1_500 });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    // The lead already uses Port as a Member: the plan makes them Admin, and destroy must give the old role back.
    await inviteUser(client, { email: "lead@example.com", roles: ["Member"] });
    stack = new PulumiStack("team-roles");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "base" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("brings up the teams, the invited users with their roles, a moderator, and the permissions", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);

    const teams = Object.fromEntries((await listTeams(client)).map((team) => [team.name, teamMemberEmails(team).sort()]));
    expect(teams).toEqual({ platform: ["lead@example.com", "pat@example.com"], product: ["dev1@example.com", "dev2@example.com"] });
    expect(await accessOf(client, "lead@example.com")).toEqual({ roles: ["Admin"], teams: ["platform"], status: "INVITED" });
    expect(await accessOf(client, "pat@example.com")).toEqual({ roles: ["Member", "e2e_service-moderator"], teams: ["platform"], status: "INVITED" });
    expect(await accessOf(client, "dev2@example.com")).toEqual({ roles: ["Member"], teams: ["product"], status: "INVITED" });

    const entities = (await getBlueprintPermissions(client, "e2e_service"))!.entities as Record<string, any>;
    expect(entities.update).toEqual({ users: [], teams: [], roles: ["Admin", "e2e_service-moderator"], ownedByTeam: true });
    expect(entities.register.teams).toEqual(["platform"]);
    expect((await getActionPermissions(client, "e2e_deploy"))!.execute).toEqual({
      users: [],
      teams: ["platform"],
      roles: ["Admin"],
      ownedByTeam: true,
      policy: null,
    });
    const page = (await getPagePermissions(client, "e2e_operations"))!;
    expect(page.read).toEqual({ users: [], roles: ["Admin"], teams: ["platform", "product"] });
  });

  it("previews no changes and makes no write request on a second preview", async () => {
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("shows no diff and writes nothing when every permission, role and member list is in another order", async () => {
    await stack.ok(["config", "set", "variant", "reordered"]);
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    emulator.resetStats();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(emulator.stats().writes).toBe(0);
    // The state now holds the reversed lists: the code did change, and Port was left alone.
    const exported = JSON.parse((await stack.ok(["stack", "export"])).stdout);
    const permissions = exported.deployment.resources.find((r: { urn: string; custom?: boolean }) => r.custom && r.urn.endsWith("::access-blueprint-e2e_service"));
    expect(permissions.inputs.entities.update.roles).toEqual(["e2e_service-moderator", "Admin"]);
  });

  it("removes only the invitation of the one user removed from the code", async () => {
    await stack.ok(["config", "set", "variant", "fewer-users"]);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([
      ["delete", "access-user-dev2@example.com"],
      ["delete", "access-user-dev2@example.com"],
    ]);
    emulator.resetStats();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(emulator.stats().byRoute["DELETE /v1/users/:email"]).toBe(1);
    expect((await listUsers(client)).map((u) => u.email).sort()).toEqual(["dev1@example.com", "lead@example.com", "pat@example.com"]);
    expect(teamMemberEmails((await listTeams(client)).find((t) => t.name === "product")!)).toEqual(["dev1@example.com"]);
  });

  it("on destroy, removes what it created and gives the user who was already there their old role back", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await listTeams(client)).toEqual([]);
    expect((await listUsers(client)).map((u) => u.email)).toEqual(["lead@example.com"]);
    expect(await accessOf(client, "lead@example.com")).toEqual({ roles: ["Member"], teams: [], status: "INVITED" });
  });

  it("never writes the client secret in clear text to the state or the output", () => {
    expect(stack.stateText()).not.toContain(CLIENT_SECRET);
    for (const run of stack.runs) expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
  });
});

describe("TeamRoles input errors", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    stack = new PulumiStack("team-roles", "invalid");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "invalid" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("fails at preview naming the team and the role that nothing declares, without calling Port", async () => {
    emulator.resetStats();
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain(
      'BlueprintPermissions "access-blueprint-e2e_service": field entities.read.teams[0]: team "platfrom" is not declared in this stack. Did you mean "platform"?',
    );
    expect(output).toContain('User "access-user-pat@example.com": field roles[1]: role "api-moderator" moderates blueprint "api", which is not declared in this stack.');
    expect(output).toContain("nothing was applied");
    expect(emulator.stats().requests).toBe(0);
  });
});
