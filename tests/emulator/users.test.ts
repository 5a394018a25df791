import { blueprintBody, Harness, problemPaths } from "./emulator-harness";

describe("Port emulator users", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it("invites a user with roles and teams, then shows them by email with teams as names", async () => {
    await h.post("/v1/teams", { name: "platform" });
    const res = await h.post("/v1/users/invite?notify=false", { invitee: { email: "ana@example.com", roles: ["Admin"], teams: ["platform"] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const user = (await h.get("/v1/users/ana@example.com")).body.user;
    expect(user).toMatchObject({ email: "ana@example.com", status: "INVITED", roles: [{ name: "Admin" }], teams: ["platform"] });
    const listed = (await h.get("/v1/users")).body.users;
    expect(listed.map((u: { email: string; teams: unknown }) => [u.email, u.teams])).toEqual([["ana@example.com", ["platform"]]]);
  });

  it("lists the identifiers of the user's teams' _team entities in GET's teamsIdentifiers", async () => {
    await h.post("/v1/teams", { name: "platform" });
    await h.post("/v1/users/invite", { invitee: { email: "ana@example.com", teams: ["platform"] } });
    const teamEntity = (await h.get("/v1/blueprints/_team/entities")).body.entities[0];
    expect((await h.get("/v1/users/ana@example.com")).body.user.teamsIdentifiers).toEqual([teamEntity.identifier]);
  });

  it("keeps a _user entity per user: identifier the email, team its teams' _team identifiers, port_role from the roles", async () => {
    await h.post("/v1/teams", { name: "platform" });
    await h.post("/v1/users/invite", { invitee: { email: "ana@example.com", teams: ["platform"] } });
    const teamId = (await h.get("/v1/blueprints/_team/entities")).body.entities[0].identifier;
    const entity = (await h.get("/v1/blueprints/_user/entities/ana@example.com")).body.entity;
    expect(entity).toMatchObject({ identifier: "ana@example.com", blueprint: "_user", team: [teamId], properties: { port_role: "Member", status: "INVITED" } });
    await h.patch("/v1/users/ana@example.com", { roles: ["Admin"], teams: [] });
    expect((await h.get("/v1/blueprints/_user/entities/ana@example.com")).body.entity).toMatchObject({ team: [], properties: { port_role: "Admin" } });
    await h.delete("/v1/users/ana@example.com");
    expect((await h.get("/v1/blueprints/_user/entities/ana@example.com")).status).toBe(404);
  });

  it("gives an invited user the Member role when no role is named", async () => {
    await h.post("/v1/users/invite", { invitee: { email: "bo@example.com" } });
    expect((await h.get("/v1/users/bo@example.com")).body.user.roles).toEqual([{ name: "Member" }]);
  });

  it("refuses a team and a moderator role that do not exist, naming each, and invites nobody", async () => {
    const res = await h.post("/v1/users/invite", { invitee: { email: "ana@example.com", roles: ["service-moderator"], teams: ["ghosts"] } });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/invitee/roles/0", "/invitee/teams/0"]);
    expect(res.body.message).toContain('role "service-moderator" does not exist');
    expect(res.body.message).toContain('team "ghosts" does not exist');
    expect((await h.get("/v1/users/ana@example.com")).status).toBe(404);
  });

  it("accepts the moderator role of an existing blueprint and drops it when the blueprint is deleted", async () => {
    await h.post("/v1/blueprints", blueprintBody("service"));
    await h.post("/v1/users/invite", { invitee: { email: "ana@example.com", roles: ["Member", "service-moderator"] } });
    expect((await h.get("/v1/users/ana@example.com")).body.user.roles).toEqual([{ name: "Member" }, { name: "service-moderator" }]);
    await h.delete("/v1/blueprints/service");
    expect((await h.get("/v1/users/ana@example.com")).body.user.roles).toEqual([{ name: "Member" }]);
  });

  it("refuses to invite a user twice with 409", async () => {
    await h.post("/v1/users/invite", { invitee: { email: "ana@example.com" } });
    const again = await h.post("/v1/users/invite", { invitee: { email: "ana@example.com" } });
    expect(again.status).toBe(409);
  });

  it("PATCH replaces roles and teams, answers the user's fields beside ok (no user key), and refuses an empty role list", async () => {
    await h.post("/v1/teams", { name: "platform" });
    await h.post("/v1/users/invite", { invitee: { email: "ana@example.com", teams: ["platform"] } });
    const res = await h.patch("/v1/users/ana@example.com", { roles: ["Admin"], teams: [] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, email: "ana@example.com", roles: [{ name: "Admin" }], teams: [] });
    expect(res.body.user).toBeUndefined();
    const empty = await h.patch("/v1/users/ana@example.com", { roles: [] });
    expect(empty.status).toBe(422);
    expect(problemPaths(empty.body)).toEqual(["/roles"]);
  });

  it("refuses a malformed email and unknown keys", async () => {
    const res = await h.post("/v1/users/invite", { invitee: { email: "not-an-email", role: "Admin" } });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body).sort()).toEqual(["/invitee/email", "/invitee/role"]);
  });

  it("DELETE removes the user; a second delete is 404", async () => {
    await h.post("/v1/users/invite", { invitee: { email: "ana@example.com" } });
    expect((await h.delete("/v1/users/ana@example.com")).body).toEqual({ ok: true });
    const again = await h.delete("/v1/users/ana@example.com");
    expect(again.status).toBe(404);
    expect(again.body.details).toEqual({ resource: "User", byField: "email", withValue: "ana@example.com" });
  });
});
