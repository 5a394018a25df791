import { blueprintBody, Harness, problemPaths } from "./emulator-harness";

// Entities' `team` where the org keeps teams as `_team` entities: under Direct ownership the
// values are `_team` identifiers (docs: manage-users-teams, the team meta-property).
describe("Port emulator entity teams", () => {
  let h: Harness;
  let platform: string;
  beforeEach(async () => {
    h = await Harness.start();
    await h.post("/v1/teams", { name: "platform" });
    platform = (await h.get("/v1/blueprints/_team/entities")).body.entities[0].identifier;
    expect((await h.post("/v1/blueprints", blueprintBody("svc", { ownership: { type: "Direct" } }))).status).toBe(201);
    expect((await h.post("/v1/blueprints", blueprintBody("env"))).status).toBe(201);
  });
  afterEach(() => h.close());

  it("accepts _team identifiers under Direct ownership, one or a list", async () => {
    expect((await h.post("/v1/blueprints/svc/entities", { identifier: "api", team: [platform] })).status).toBe(201);
    expect((await h.post("/v1/blueprints/svc/entities", { identifier: "web", team: platform })).status).toBe(201);
  });

  it("refuses a team name under Direct ownership, naming the value and where identifiers come from", async () => {
    const res = await h.post("/v1/blueprints/svc/entities", { identifier: "api", team: [platform, "platform"] });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/team/1"]);
    expect(res.body.message).toContain('"platform" is not the identifier of a _team entity');
  });

  it("keeps other blueprints' team values as sent", async () => {
    const res = await h.post("/v1/blueprints/env/entities", { identifier: "prod", team: ["platform"] });
    expect(res.status).toBe(201);
    expect(res.body.entity.team).toEqual(["platform"]);
  });

  it("removes a deleted team's identifier from entities' team", async () => {
    await h.post("/v1/blueprints/svc/entities", { identifier: "api", team: [platform] });
    await h.delete("/v1/teams/platform");
    expect((await h.get("/v1/blueprints/svc/entities/api")).body.entity.team).toEqual([]);
  });
});
