import { Harness, problemPaths } from "./emulator-harness";

describe("Port emulator teams", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  const invite = (email: string, teams: string[] = []) => h.post("/v1/users/invite", { invitee: { email, teams } });

  it("creates a team addressed by name, with server fields and its members as user objects", async () => {
    await invite("ana@example.com");
    const res = await h.post("/v1/teams", { name: "platform", description: "Platform engineering", users: ["ana@example.com"] });
    expect(res.status).toBe(200);
    expect(res.body.team).toEqual({
      id: expect.any(String),
      name: "platform",
      description: "Platform engineering",
      provider: "port",
      createdAt: expect.stringMatching(/^\d{4}-/),
      updatedAt: expect.stringMatching(/^\d{4}-/),
      users: [{ email: "ana@example.com", firstName: "ana", lastName: "", picture: "", status: "INVITED" }],
    });
    expect((await h.get("/v1/teams/platform")).body.team.name).toBe("platform");
    expect((await h.get("/v1/teams")).body.teams.map((t: { name: string }) => t.name)).toEqual(["platform"]);
  });

  it("answers 404 not_found naming the team that does not exist", async () => {
    const res = await h.get("/v1/teams/ghosts");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: "not_found", details: { resource: "Team", byField: "name", withValue: "ghosts" } });
  });

  it("refuses a member who is not a user of the organization, naming the email", async () => {
    const res = await h.post("/v1/teams", { name: "platform", users: ["nobody@example.com"] });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/users/0"]);
    expect(res.body.message).toContain('user "nobody@example.com" is not a user of the organization');
    expect((await h.get("/v1/teams/platform")).status).toBe(404);
  });

  it("refuses a bad name, an unknown key, and a name already taken", async () => {
    const bad = await h.post("/v1/teams", { name: "a/b", colour: "red" });
    expect(bad.status).toBe(422);
    expect(problemPaths(bad.body).sort()).toEqual(["/colour", "/name"]);
    await h.post("/v1/teams", { name: "platform" });
    const taken = await h.post("/v1/teams", { name: "platform" });
    expect(taken.status).toBe(409);
  });

  it("PUT replaces description and membership; the users' teams follow", async () => {
    await invite("ana@example.com");
    await invite("bo@example.com");
    await h.post("/v1/teams", { name: "platform", description: "old", users: ["ana@example.com"] });
    const res = await h.put("/v1/teams/platform", { name: "platform", users: ["bo@example.com"] });
    expect(res.status).toBe(200);
    expect(res.body.team.description).toBeUndefined();
    expect(res.body.team.users.map((u: { email: string }) => u.email)).toEqual(["bo@example.com"]);
    expect((await h.get("/v1/users/ana@example.com")).body.user.teams).toEqual([]);
    expect((await h.get("/v1/users/bo@example.com")).body.user.teams).toEqual(["platform"]);
  });

  it("PUT without users keeps the membership; a new name renames the team for its members", async () => {
    await h.post("/v1/teams", { name: "platform" });
    await invite("ana@example.com", ["platform"]);
    const res = await h.put("/v1/teams/platform", { name: "platform-eng", description: "renamed" });
    expect(res.body.team).toMatchObject({ name: "platform-eng", description: "renamed", users: [{ email: "ana@example.com" }] });
    expect((await h.get("/v1/teams/platform")).status).toBe(404);
    expect((await h.get("/v1/users/ana@example.com")).body.user.teams).toEqual(["platform-eng"]);
  });

  it("PATCH changes only what it is given, and description null clears it", async () => {
    await h.post("/v1/teams", { name: "platform", description: "kept" });
    expect((await h.patch("/v1/teams/platform", {})).body.team.description).toBe("kept");
    expect((await h.patch("/v1/teams/platform", { description: null })).body.team.description).toBeUndefined();
  });

  it("drops teams and users on an emulator reset, and keeps serving them afterwards", async () => {
    await h.post("/v1/teams", { name: "platform" });
    await invite("ana@example.com", ["platform"]);
    h.emulator.reset();
    expect((await h.get("/v1/teams")).body.teams).toEqual([]);
    expect((await h.get("/v1/users")).body.users).toEqual([]);
    expect((await h.post("/v1/teams", { name: "platform" })).status).toBe(200);
    expect((await h.get("/v1/teams/platform")).status).toBe(200);
  });

  it("DELETE removes the team and every membership in it", async () => {
    await h.post("/v1/teams", { name: "platform" });
    await invite("ana@example.com", ["platform"]);
    expect((await h.delete("/v1/teams/platform")).body).toEqual({ ok: true });
    expect((await h.get("/v1/teams/platform")).status).toBe(404);
    expect((await h.get("/v1/users/ana@example.com")).body.user.teams).toEqual([]);
    expect((await h.delete("/v1/teams/platform")).status).toBe(404);
  });
  it("keeps a _team entity per team with an identifier of its own: the title follows a rename, the entity goes with the team", async () => {
    await h.post("/v1/teams", { name: "platform", description: "Platform engineering" });
    const [entity] = (await h.get("/v1/blueprints/_team/entities")).body.entities;
    expect(entity).toMatchObject({ blueprint: "_team", title: "platform", properties: { description: "Platform engineering" } });
    expect(entity.identifier).not.toBe("platform");
    await h.patch("/v1/teams/platform", { name: "platform-eng" });
    expect((await h.get(`/v1/blueprints/_team/entities/${entity.identifier}`)).body.entity.title).toBe("platform-eng");
    await h.delete("/v1/teams/platform-eng");
    expect((await h.get("/v1/blueprints/_team/entities")).body.entities).toEqual([]);
  });

  it("answers a created team without an identifier, as the published answer has none", async () => {
    const res = await h.post("/v1/teams", { name: "platform" });
    expect(Object.keys(res.body.team).sort()).toEqual(["createdAt", "id", "name", "provider", "updatedAt", "users"]);
  });

  it("has the _user and _team system blueprints from the start", async () => {
    expect((await h.get("/v1/blueprints/_user")).body.blueprint).toMatchObject({ identifier: "_user", title: "User" });
    expect((await h.get("/v1/blueprints/_team")).body.blueprint).toMatchObject({ identifier: "_team", title: "Team" });
  });
});
