import { PortClient } from "../../core/client/port-client";
import { startScriptedPortServer, type RecordedRequest, type Reply, type ScriptedPortServer } from "../../tests/support/scripted-port-server";
import { getUser, updateUser, userRoleNames, userTeamNames } from "./client";
import { userLogic } from "./provider";

// The user calls against a scripted server answering in the shapes apispec.yaml publishes for
// /v1/users: GET answers `{ok, user}`, PATCH answers the user's fields beside `ok` (no `user`
// key), and a user's `teams` are team names.

let server: ScriptedPortServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type User = { email: string; status: string; roles: { name: string }[]; teams: string[] };

/** A tiny org: users by email and team names, answering as the published API does. */
function publishedUsersApi(users: Record<string, User>, teams: string[]) {
  return (req: RecordedRequest): Reply => {
    const email = decodeURIComponent(req.path.replace(/^\/v1\/users\//, ""));
    if (req.method === "GET" && req.path === "/v1/teams") return { status: 200, body: { ok: true, teams: teams.map((name) => ({ name })) } };
    const user = users[email];
    if (!user) return { status: 404, body: { ok: false, error: "not_found", message: `User with email "${email}" was not found` } };
    if (req.method === "GET") return { status: 200, body: { ok: true, user: { ...user, teamsIdentifiers: [] } } };
    if (req.method === "PATCH") {
      const body = req.body as { roles?: string[]; teams?: string[] };
      if (body.roles) user.roles = body.roles.map((name) => ({ name }));
      if (body.teams) user.teams = body.teams;
      return { status: 200, body: { ok: true, ...user } };
    }
    return { status: 200, body: { ok: true } };
  };
}

async function clientFor(users: Record<string, User>, teams: string[] = []): Promise<PortClient> {
  server = await startScriptedPortServer({ onApi: publishedUsersApi(users, teams) });
  return new PortClient({ baseUrl: server.url, clientId: "id", clientSecret: "secret-123456", baseDelayMs: 1, maxDelayMs: 10 });
}

const ana = (): User => ({ email: "ana@example.com", status: "ACTIVE", roles: [{ name: "Member" }], teams: ["payments"] });

describe("users client against Port's published answers", () => {
  it("reads the updated user from the top level of PATCH's answer, teams as names", async () => {
    const client = await clientFor({ "ana@example.com": ana() });
    const updated = await updateUser(client, "ana@example.com", { roles: ["Admin"], teams: ["platform"] });
    expect([updated.email, userRoleNames(updated), userTeamNames(updated)]).toEqual(["ana@example.com", ["Admin"], ["platform"]]);
  });

  it("reads a user's teams given as names from GET's `user`", async () => {
    const client = await clientFor({ "ana@example.com": ana() });
    const user = (await getUser(client, "ana@example.com"))!;
    expect(userTeamNames(user)).toEqual(["payments"]);
  });

  it("adopts an existing user, remembering their access, and delete puts that access back", async () => {
    const users = { "ana@example.com": ana() };
    const client = await clientFor(users, ["payments", "platform"]);
    const { outs } = await userLogic.create(client, { email: "ana@example.com", roles: ["Admin"], teams: ["platform"] });
    expect(outs).toEqual({ email: "ana@example.com", roles: ["Admin"], teams: ["platform"], status: "ACTIVE", previous: { roles: ["Member"], teams: ["payments"] } });
    await userLogic.delete(client, "ana@example.com", outs);
    expect(users["ana@example.com"]).toMatchObject({ roles: [{ name: "Member" }], teams: ["payments"] });
    expect(server!.apiRequests().filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("records an update's roles and teams from PATCH's answer", async () => {
    const client = await clientFor({ "ana@example.com": ana() });
    const { outs } = await userLogic.update(client, "ana@example.com", { email: "ana@example.com" }, { email: "ana@example.com", roles: ["Admin"], teams: [] });
    expect(outs).toEqual({ email: "ana@example.com", roles: ["Admin"], teams: [], status: "ACTIVE" });
  });
});
