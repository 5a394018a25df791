import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { createTeam, deleteTeam } from "../team/client";
import { getUser, inviteUser, listUsers, userRoleNames, userTeamNames } from "./client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { userLogic } from "./provider";

// The User provider's logic against the emulator over real HTTP.
const credentials = { clientId: "provider-test", clientSecret: "provider-test-secret" };

let emulator: RunningEmulator;
let client: PortClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, credentials: [credentials] });
  client = new PortClient({ baseUrl: emulator.url, ...credentials, baseDelayMs: 5, maxDelayMs: 50 });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset();
  emulator.clearFaults();
  await createTeam(client, { name: "platform" });
  await createTeam(client, { name: "payments" });
  emulator.resetStats();
});

async function checked(spec: Record<string, unknown>) {
  const result = await userLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

async function access(email: string) {
  const user = await getUser(client, email);
  return user && { roles: userRoleNames(user), teams: userTeamNames(user) };
}

describe("User provider", () => {
  it("invites a new user with roles and teams, and delete removes that invitation and no other user", async () => {
    await inviteUser(client, { email: "other@example.com" });
    const { id, outs } = await userLogic.create(client, await checked({ email: "ana@example.com", roles: ["Admin"], teams: ["platform"] }));
    expect(id).toBe("ana@example.com");
    expect(outs).toEqual({ email: "ana@example.com", roles: ["Admin"], teams: ["platform"], status: "INVITED" });
    await userLogic.delete(client, id, outs);
    expect((await listUsers(client)).map((u) => u.email)).toEqual(["other@example.com"]);
  });

  it("takes over a user who already existed and restores their roles and teams on delete instead of deleting them", async () => {
    await inviteUser(client, { email: "ana@example.com", roles: ["Member"], teams: ["payments"] });
    const { outs } = await userLogic.create(client, await checked({ email: "ana@example.com", roles: ["Admin"], teams: ["platform"] }));
    expect(outs.previous).toEqual({ roles: ["Member"], teams: ["payments"] });
    expect(await access("ana@example.com")).toEqual({ roles: ["Admin"], teams: ["platform"] });
    await userLogic.delete(client, "ana@example.com", outs);
    expect(await access("ana@example.com")).toEqual({ roles: ["Member"], teams: ["payments"] });
  });

  it("restores only the previous teams that still exist", async () => {
    await inviteUser(client, { email: "ana@example.com", teams: ["payments", "platform"] });
    const { outs } = await userLogic.create(client, await checked({ email: "ana@example.com", roles: ["Admin"] }));
    await deleteTeam(client, "payments");
    await userLogic.delete(client, "ana@example.com", outs);
    expect(await access("ana@example.com")).toEqual({ roles: ["Member"], teams: ["platform"] });
  });

  it("finds no change when roles and teams are listed in another order, a change when they differ, and a replacement for a new email", async () => {
    const { outs } = await userLogic.create(client, await checked({ email: "ana@example.com", roles: ["Admin", "Member"], teams: ["platform", "payments"] }));
    expect(await userLogic.diff("ana@example.com", outs, await checked({ email: "ana@example.com", roles: ["Member", "Admin"], teams: ["payments", "platform"] }))).toEqual({
      changes: false,
    });
    expect(await userLogic.diff("ana@example.com", outs, await checked({ email: "ana@example.com", roles: ["Member"], teams: ["payments", "platform"] }))).toEqual({
      changes: true,
    });
    expect(await userLogic.diff("ana@example.com", outs, await checked({ email: "bo@example.com" }))).toEqual({ changes: true, replaces: ["email"] });
  });

  it("updates roles and teams in place, keeping what it remembered", async () => {
    const { outs } = await userLogic.create(client, await checked({ email: "ana@example.com", teams: ["platform"] }));
    const { outs: updated } = await userLogic.update(client, "ana@example.com", outs, await checked({ email: "ana@example.com", roles: ["Admin"], teams: [] }));
    expect(updated).toEqual({ email: "ana@example.com", roles: ["Admin"], teams: [], status: "INVITED" });
    expect(await access("ana@example.com")).toEqual({ roles: ["Admin"], teams: [] });
  });

  it("reads what Port holds, so refresh sees drift, and reports a removed user as gone", async () => {
    const { outs } = await userLogic.create(client, await checked({ email: "ana@example.com" }));
    await client.request("PATCH", "/v1/users/ana%40example.com", { body: { roles: ["Admin"] } });
    const { props } = await userLogic.read(client, "ana@example.com", outs);
    expect(props?.roles).toEqual(["Admin"]);
    expect(await userLogic.diff("ana@example.com", props!, await checked({ email: "ana@example.com" }))).toEqual({ changes: true });
    await client.request("DELETE", "/v1/users/ana%40example.com");
    expect(await userLogic.read(client, "ana@example.com", outs)).toEqual({});
    await expect(userLogic.delete(client, "ana@example.com", outs)).resolves.toBeUndefined();
  });

  it("fails with Port's 422 naming a team that does not exist, and invites nobody", async () => {
    const error = await userLogic.create(client, await checked({ email: "ana@example.com", teams: ["ghosts"] })).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.message).toContain('team "ghosts" does not exist');
    expect(await getUser(client, "ana@example.com")).toBeUndefined();
  });

  it("fails check for a bad role and email with the field and the fix, without any request", async () => {
    const result = await userLogic.check({}, { email: "ana", roles: ["admin"] });
    expect(result.failures?.map((f) => f.property)).toEqual(["email", "roles"]);
    expect(result.failures?.[1].reason).toBe(
      'User "ana": field roles[0]: "admin" is not a Port role; roles are Admin, Member or <blueprint>-moderator (e.g. "service-moderator"). Did you mean "Admin"? Fix the role.',
    );
    expect(emulator.stats().requests).toBe(0);
  });
});
