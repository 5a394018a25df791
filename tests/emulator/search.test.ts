import { blueprintBody, Harness, problemPaths } from "./emulator-harness";

describe("Port emulator entity search", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
    expect((await h.post("/v1/blueprints", blueprintBody("svc"))).status).toBe(201);
    expect((await h.post("/v1/blueprints", blueprintBody("env"))).status).toBe(201);
    for (const identifier of ["api", "web", "worker"])
      await h.post("/v1/blueprints/svc/entities", { identifier, title: identifier.toUpperCase(), properties: { name: identifier } });
    await h.post("/v1/blueprints/env/entities", { identifier: "prod", title: "Production" });
  });
  afterEach(() => h.close());

  const ids = (entities: { identifier: string }[]) => entities.map((e) => e.identifier);

  it("searches every blueprint with $blueprint and $title rules, as terraform-provider-port-labs finds a team", async () => {
    await h.post("/v1/teams", { name: "platform" });
    const res = await h.post("/v1/entities/search", {
      combinator: "and",
      rules: [
        { property: "$blueprint", operator: "=", value: "_team" },
        { property: "$title", operator: "=", value: "platform" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, matchingBlueprints: ["_team"], entities: [expect.objectContaining({ blueprint: "_team", title: "platform" })] });
  });

  it("combines nested rule groups with and/or, over properties and meta-properties", async () => {
    const res = await h.post("/v1/entities/search", {
      combinator: "or",
      rules: [
        { property: "$identifier", operator: "in", value: ["prod"] },
        {
          combinator: "and",
          rules: [
            { property: "$blueprint", operator: "=", value: "svc" },
            { property: "name", operator: "beginsWith", value: "w" },
          ],
        },
      ],
    });
    expect(ids(res.body.entities)).toEqual(["web", "worker", "prod"]);
    expect(res.body.matchingBlueprints).toEqual(["svc", "env"]);
  });

  it("keeps only the fields named in include", async () => {
    const res = await h.post("/v1/entities/search?include=identifier&include=properties.name", {
      combinator: "and",
      rules: [{ property: "$identifier", operator: "=", value: "api" }],
    });
    expect(res.body.entities).toEqual([{ identifier: "api", properties: { name: "api" } }]);
  });

  it("pages a blueprint's entities with limit and the next cursor passed back as from", async () => {
    const first = await h.post("/v1/blueprints/svc/entities/search", { limit: 2 });
    expect(first.status).toBe(200);
    expect(ids(first.body.entities)).toEqual(["api", "web"]);
    expect(typeof first.body.next).toBe("string");
    const second = await h.post("/v1/blueprints/svc/entities/search", { limit: 2, from: first.body.next });
    expect(ids(second.body.entities)).toEqual(["worker"]);
    expect(second.body.next).toBeUndefined();
  });

  it("filters a blueprint's entities with its query and projects them with include", async () => {
    const res = await h.post("/v1/blueprints/svc/entities/search", {
      query: { combinator: "and", rules: [{ property: "$title", operator: "!=", value: "API" }] },
      include: ["$identifier", "$title"],
    });
    expect(res.body).toEqual({
      ok: true,
      entities: [
        { identifier: "web", title: "WEB" },
        { identifier: "worker", title: "WORKER" },
      ],
    });
  });

  it("refuses a limit outside 1-1000, a cursor it never issued and unknown keys, each at its field", async () => {
    const res = await h.post("/v1/blueprints/svc/entities/search", { limit: 1001, from: "nope", size: 3 });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body).sort()).toEqual(["/from", "/limit", "/size"]);
  });

  it("answers 404 for a blueprint that does not exist", async () => {
    expect((await h.post("/v1/blueprints/ghost/entities/search", {})).status).toBe(404);
  });

  it("refuses an operator it does not evaluate with 422 naming it, and one Port does not have", async () => {
    const res = await h.post("/v1/entities/search", {
      combinator: "and",
      rules: [
        { property: "$createdAt", operator: "between", value: { preset: "lastWeek" } },
        { property: "name", operator: "like", value: "a" },
      ],
    });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/rules/0/operator", "/rules/1/operator"]);
    expect(res.body.message).toContain('operator "between" is not supported by the emulator');
    expect(res.body.message).toContain('(got "like")');
  });

  it("refuses a query without combinator or rules", async () => {
    const res = await h.post("/v1/entities/search", { rules: "all" });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/combinator", "/rules"]);
  });
});
