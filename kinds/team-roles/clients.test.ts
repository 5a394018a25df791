import { createTeam, deleteTeam, getTeam, replaceTeam, teamMemberEmails } from "../team/client";
import { deleteUser, getUser, inviteUser, updateUser, userRoleNames, userTeamNames } from "../user/client";
import { getActionPermissions, getBlueprintPermissions, updateActionPermissions, updateBlueprintPermissions } from "../permissions/client";
import { useScriptedClient, type ScriptedPortServer } from "../../tests/support/scripted-port-server";

// The team, user and permission calls: paths, bodies, envelopes and not_found handling.
const clientWith = useScriptedClient();

const notFound = (resource: string) => ({ status: 404, body: { ok: false, error: "not_found", message: `${resource} was not found`, details: { resource } } });
const calls = (s: ScriptedPortServer) => s.apiRequests().map((r) => [r.method, r.path, r.body]);

describe("teams client", () => {
  const team = { id: "t1", name: "platform eng", provider: "port", users: [{ email: "ana@example.com", status: "ACTIVE" }] };

  it("addresses a team by its URL-encoded name and reads its members' emails", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, team } }));
    const read = await getTeam(client, "platform eng");
    expect(teamMemberEmails(read!)).toEqual(["ana@example.com"]);
    expect(calls(s)).toEqual([["GET", "/v1/teams/platform%20eng", undefined]]);
  });

  it("creates with POST /v1/teams and replaces with PUT, sending members as emails", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, team } }));
    await createTeam(client, { name: "platform eng", users: ["ana@example.com"] });
    await replaceTeam(client, "platform eng", { name: "platform eng", description: "Platform" });
    expect(calls(s)).toEqual([
      ["POST", "/v1/teams", { name: "platform eng", users: ["ana@example.com"] }],
      ["PUT", "/v1/teams/platform%20eng", { name: "platform eng", description: "Platform" }],
    ]);
  });

  it("returns undefined for a team Port does not have and treats deleting it as already done", async () => {
    const { client } = await clientWith(() => notFound("Team"));
    await expect(getTeam(client, "ghosts")).resolves.toBeUndefined();
    await expect(deleteTeam(client, "ghosts")).resolves.toBe(false);
  });
});

describe("users client", () => {
  it("invites with {invitee} and the notify flag", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true } }));
    await inviteUser(client, { email: "ana@example.com", roles: ["Admin"], teams: ["platform"] }, { notify: false });
    const request = s.apiRequests()[0];
    expect([request.method, request.path, request.query.get("notify")]).toEqual(["POST", "/v1/users/invite", "false"]);
    expect(request.body).toEqual({ invitee: { email: "ana@example.com", roles: ["Admin"], teams: ["platform"] } });
  });

  it("reads role names from Port's {name} objects and team names as Port lists them, as strings", async () => {
    const user = { email: "ana@example.com", roles: [{ name: "Member" }, { name: "service-moderator" }], teams: ["platform"] };
    const { client, s } = await clientWith((req) => ({ status: 200, body: req.method === "PATCH" ? { ok: true, ...user } : { ok: true, user } }));
    const read = (await getUser(client, "ana@example.com"))!;
    expect([userRoleNames(read), userTeamNames(read)]).toEqual([["Member", "service-moderator"], ["platform"]]);
    await updateUser(client, "ana@example.com", { roles: ["Admin"] });
    expect(calls(s)).toEqual([
      ["GET", "/v1/users/ana%40example.com", undefined],
      ["PATCH", "/v1/users/ana%40example.com", { roles: ["Admin"] }],
    ]);
  });

  it("returns undefined for a user Port does not have and treats deleting them as already done", async () => {
    const { client } = await clientWith(() => notFound("User"));
    await expect(getUser(client, "ghost@example.com")).resolves.toBeUndefined();
    await expect(deleteUser(client, "ghost@example.com")).resolves.toBe(false);
  });
});

describe("permissions client", () => {
  it("reads and patches a blueprint's and an action's permissions", async () => {
    const permissions = { entities: { read: { users: [], teams: [], roles: ["Admin"] } } };
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, permissions } }));
    await expect(getBlueprintPermissions(client, "service")).resolves.toEqual(permissions);
    await updateBlueprintPermissions(client, "service", permissions);
    await getActionPermissions(client, "deploy");
    await updateActionPermissions(client, "deploy", { execute: { roles: ["Member"] } });
    expect(calls(s)).toEqual([
      ["GET", "/v1/blueprints/service/permissions", undefined],
      ["PATCH", "/v1/blueprints/service/permissions", permissions],
      ["GET", "/v1/actions/deploy/permissions", undefined],
      ["PATCH", "/v1/actions/deploy/permissions", { execute: { roles: ["Member"] } }],
    ]);
  });

  it("returns undefined while Port has no permission scope, and throws other failures", async () => {
    const { client } = await clientWith((req) =>
      req.path.startsWith("/v1/blueprints") ? notFound("BlueprintPermissions") : { status: 403, body: { ok: false, error: "forbidden", message: "no" } },
    );
    await expect(getBlueprintPermissions(client, "service")).resolves.toBeUndefined();
    await expect(getActionPermissions(client, "deploy")).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });
});
