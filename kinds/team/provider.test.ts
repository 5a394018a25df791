import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { getTeam, replaceTeam, teamMemberEmails } from "./client";
import { inviteUser } from "../user/client";
import { searchEntities } from "../entity/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { teamLogic } from "./provider";

// The Team provider's logic against the emulator over real HTTP.
const credentials = { clientId: "provider-test", clientSecret: "provider-test-secret" };

let emulator: RunningEmulator;
let client: PortClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, credentials: [credentials] });
  client = new PortClient({ baseUrl: emulator.url, ...credentials, baseDelayMs: 5, maxDelayMs: 50 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.clearFaults();
  emulator.resetStats();
});

async function checked(spec: Record<string, unknown>) {
  const result = await teamLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("Team provider", () => {
  it("creates the team by name with its members, and finds no change when the members are listed in another order", async () => {
    await inviteUser(client, { email: "ana@example.com" });
    await inviteUser(client, { email: "bo@example.com" });
    const { id, outs } = await teamLogic.create(client, await checked({ name: "platform", description: "Platform", users: ["ana@example.com", "bo@example.com"] }));
    expect(id).toBe("platform");
    expect(outs).toMatchObject({ name: "platform", description: "Platform", users: ["ana@example.com", "bo@example.com"], managedKeys: ["description", "name", "users"] });
    const reordered = await checked({ users: ["bo@example.com", "ana@example.com"], description: "Platform", name: "platform" });
    expect(await teamLogic.diff(id, outs, reordered)).toEqual({ changes: false });
  });

  it("keeps members that came from users' teams when the code does not list users", async () => {
    const { outs } = await teamLogic.create(client, await checked({ name: "platform", description: "Old" }));
    await inviteUser(client, { email: "ana@example.com", teams: ["platform"] });
    const { props } = await teamLogic.read(client, "platform", outs);
    expect(await teamLogic.diff("platform", props!, await checked({ name: "platform", description: "Old" }))).toEqual({ changes: false });
    await teamLogic.update(client, "platform", props!, await checked({ name: "platform", description: "New" }));
    const team = (await getTeam(client, "platform"))!;
    expect([team.description, teamMemberEmails(team)]).toEqual(["New", ["ana@example.com"]]);
  });

  it("removes a member the code stops listing", async () => {
    await inviteUser(client, { email: "ana@example.com" });
    await inviteUser(client, { email: "bo@example.com" });
    const { outs } = await teamLogic.create(client, await checked({ name: "platform", users: ["ana@example.com", "bo@example.com"] }));
    const fewer = await checked({ name: "platform", users: ["ana@example.com"] });
    expect(await teamLogic.diff("platform", outs, fewer)).toEqual({ changes: true });
    await teamLogic.update(client, "platform", outs, fewer);
    expect(teamMemberEmails((await getTeam(client, "platform"))!)).toEqual(["ana@example.com"]);
  });

  it("replaces the team when its name changes", async () => {
    const { outs } = await teamLogic.create(client, await checked({ name: "platform" }));
    expect(await teamLogic.diff("platform", outs, await checked({ name: "platform-eng" }))).toEqual({ changes: true, replaces: ["identifier"] });
  });

  it("reads what Port holds, so refresh sees drift, and reports a deleted team as gone", async () => {
    const { outs } = await teamLogic.create(client, await checked({ name: "platform", description: "Platform" }));
    await replaceTeam(client, "platform", { name: "platform", description: "Edited in Port" });
    const { props } = await teamLogic.read(client, "platform", outs);
    expect(props?.description).toBe("Edited in Port");
    expect(await teamLogic.diff("platform", props!, await checked({ name: "platform", description: "Platform" }))).toEqual({ changes: true });
    await teamLogic.delete(client, "platform", outs);
    expect(await teamLogic.read(client, "platform", outs)).toEqual({});
    await expect(teamLogic.delete(client, "platform", outs)).resolves.toBeUndefined();
  });

  it("fails with Port's 422 naming a member who is not a user of the organization", async () => {
    const error = await teamLogic.create(client, await checked({ name: "platform", users: ["nobody@example.com"] })).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.status).toBe(422);
    expect(error.message).toContain("nobody@example.com");
  });

  it("fails check for a bad name with the field and the fix, without any request", async () => {
    const result = await teamLogic.check({}, { name: "a/b", users: ["not-an-email"] });
    expect(result.failures?.map((f) => f.property)).toEqual(["name", "users"]);
    expect(result.failures?.[0].reason).toContain('Team "a/b": field name:');
    expect(emulator.stats().requests).toBe(0);
  });
  it("outputs the identifier of its _team entity, found by searching _team by title, on create, read and update", async () => {
    const { outs } = await teamLogic.create(client, await checked({ name: "platform" }));
    const [entity] = (await searchEntities(client, "_team", { combinator: "and", rules: [{ property: "$title", operator: "=", value: "platform" }] }))!;
    expect(outs.identifier).toBe(entity.identifier);
    const { props } = await teamLogic.read(client, "platform", outs);
    expect(props?.identifier).toBe(entity.identifier);
    expect(await teamLogic.diff("platform", props!, await checked({ name: "platform" }))).toEqual({ changes: false });
    const { outs: updated } = await teamLogic.update(client, "platform", props!, await checked({ name: "platform", description: "Platform" }));
    expect(updated.identifier).toBe(entity.identifier);
  });
});
