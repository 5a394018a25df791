import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { blueprintBody, Harness, problemPaths } from "./emulator-harness";

const SCORECARDS = "/v1/blueprints/svc/scorecards";

/** A valid scorecard body on Port's default levels; `extra` overrides or adds top-level keys. */
function scorecardBody(identifier = "readiness", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    identifier,
    title: "Readiness",
    rules: [
      {
        identifier: "has_name",
        title: "Has a name",
        level: "Bronze",
        query: { combinator: "and", conditions: [{ property: "name", operator: "isNotEmpty" }] },
      },
    ],
    ...extra,
  };
}

const ruleWith = (conditions: unknown[], level = "Bronze", identifier = "r") => ({ identifier, title: identifier, level, query: { combinator: "and", conditions } });

describe("Port emulator scorecards", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
    await h.post("/v1/blueprints", blueprintBody("svc"));
  });
  afterEach(() => h.close());

  it("creates a scorecard with 201, its blueprint, Port's default levels and meta fields", async () => {
    const res = await h.post(SCORECARDS, scorecardBody());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ok: true,
      scorecard: {
        ...scorecardBody(),
        blueprint: "svc",
        levels: [
          { title: "Basic", color: "paleBlue" },
          { title: "Bronze", color: "bronze" },
          { title: "Silver", color: "silver" },
          { title: "Gold", color: "gold" },
        ],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        createdBy: "emulator-client-id",
        updatedAt: res.body.scorecard.createdAt,
        updatedBy: "emulator-client-id",
      },
    });
  });

  it("keeps custom levels and a filter as given, and reads the scorecard back", async () => {
    const body = scorecardBody("health", {
      levels: [
        { title: "Bad", color: "red" },
        { title: "Good", color: "green" },
      ],
      filter: { combinator: "or", conditions: [{ property: "$team", operator: "containsAny", value: ["platform"] }] },
      rules: [ruleWith([{ relation: "env", operator: "in", value: ["prod"] }], "Good")],
    });
    await h.post(SCORECARDS, body);
    const read = await h.get(`${SCORECARDS}/health`);
    expect(read.status).toBe(200);
    expect(read.body.scorecard).toMatchObject({ ...body, blueprint: "svc" });
  });

  it("lists the scorecards of one blueprint, and of every blueprint, in creation order", async () => {
    await h.post("/v1/blueprints", blueprintBody("api"));
    await h.post(SCORECARDS, scorecardBody("b"));
    await h.post("/v1/blueprints/api/scorecards", scorecardBody("c"));
    await h.post(SCORECARDS, scorecardBody("a"));
    const mine = await h.get(SCORECARDS);
    expect(mine.body.scorecards.map((s: { identifier: string }) => s.identifier)).toEqual(["b", "a"]);
    const all = await h.get("/v1/scorecards");
    expect(all.body.scorecards.map((s: { blueprint: string; identifier: string }) => `${s.blueprint}/${s.identifier}`)).toEqual(["svc/b", "api/c", "svc/a"]);
  });

  it("answers 404 not_found for an unknown blueprint or scorecard", async () => {
    const noBlueprint = await h.post("/v1/blueprints/nope/scorecards", scorecardBody());
    expect(noBlueprint.status).toBe(404);
    expect(noBlueprint.body).toMatchObject({ error: "not_found", details: { resource: "Blueprint", withValue: "nope" } });
    const noScorecard = await h.get(`${SCORECARDS}/nope`);
    expect(noScorecard.status).toBe(404);
    expect(noScorecard.body).toEqual({
      ok: false,
      error: "not_found",
      message: 'Scorecard with identifier "nope" was not found',
      details: { resource: "Scorecard", byField: "identifier", withValue: "nope" },
    });
    expect((await h.delete(`${SCORECARDS}/nope`)).status).toBe(404);
  });

  it("refuses a duplicate identifier on the same blueprint with 409, and allows it on another", async () => {
    await h.post(SCORECARDS, scorecardBody());
    const again = await h.post(SCORECARDS, scorecardBody());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, error: "identifier_taken", details: { resource: "Scorecard", identifier: "readiness" } });
    await h.post("/v1/blueprints", blueprintBody("api"));
    expect((await h.post("/v1/blueprints/api/scorecards", scorecardBody())).status).toBe(201);
  });

  it("replaces the whole scorecard on PUT, keeping createdAt and restoring default levels", async () => {
    const created = (
      await h.post(
        SCORECARDS,
        scorecardBody("readiness", {
          levels: [
            { title: "Low", color: "red" },
            { title: "Bronze", color: "bronze" },
          ],
        }),
      )
    ).body.scorecard;
    const res = await h.put(`${SCORECARDS}/readiness`, { title: "New title", rules: [] });
    expect(res.status).toBe(200);
    expect(res.body.scorecard).toMatchObject({ identifier: "readiness", title: "New title", rules: [], createdAt: created.createdAt });
    expect(res.body.scorecard.levels.map((l: { title: string }) => l.title)).toEqual(["Basic", "Bronze", "Silver", "Gold"]);
    expect((await h.get(`${SCORECARDS}/readiness`)).body.scorecard.title).toBe("New title");
  });

  it("accepts echoed meta fields and the same blueprint in a PUT body, but not another blueprint", async () => {
    const created = (await h.post(SCORECARDS, scorecardBody())).body.scorecard;
    expect((await h.put(`${SCORECARDS}/readiness`, { ...created, title: "Echo" })).status).toBe(200);
    const moved = await h.put(`${SCORECARDS}/readiness`, { ...created, blueprint: "other" });
    expect(moved.status).toBe(422);
    expect(problemPaths(moved.body)).toEqual(["/blueprint"]);
  });

  it("renames on PUT with another identifier, refusing one that is taken", async () => {
    await h.post(SCORECARDS, scorecardBody("a"));
    await h.post(SCORECARDS, scorecardBody("b"));
    expect((await h.put(`${SCORECARDS}/a`, scorecardBody("b"))).status).toBe(409);
    expect((await h.put(`${SCORECARDS}/a`, scorecardBody("c"))).status).toBe(200);
    expect((await h.get(SCORECARDS)).body.scorecards.map((s: { identifier: string }) => s.identifier)).toEqual(["c", "b"]);
  });

  it("deletes a scorecard", async () => {
    await h.post(SCORECARDS, scorecardBody());
    expect((await h.delete(`${SCORECARDS}/readiness`)).body).toEqual({ ok: true });
    expect((await h.get(`${SCORECARDS}/readiness`)).status).toBe(404);
  });

  it("drops a blueprint's scorecards with the blueprint, and moves them when it is renamed", async () => {
    await h.post("/v1/blueprints", blueprintBody("api"));
    await h.post(SCORECARDS, scorecardBody("a"));
    await h.post("/v1/blueprints/api/scorecards", scorecardBody("b"));
    await h.put("/v1/blueprints/api", blueprintBody("api_v2"));
    expect((await h.get("/v1/blueprints/api_v2/scorecards/b")).body.scorecard.blueprint).toBe("api_v2");
    expect((await h.delete("/v1/blueprints/svc")).status).toBe(200);
    const all = await h.get("/v1/scorecards");
    expect(all.body.scorecards.map((s: { blueprint: string; identifier: string }) => `${s.blueprint}/${s.identifier}`)).toEqual(["api_v2/b"]);
  });

  it("forgets scorecards on reset", async () => {
    await h.post(SCORECARDS, scorecardBody());
    h.emulator.reset();
    await h.post("/v1/blueprints", blueprintBody("svc"));
    expect((await h.get(SCORECARDS)).body.scorecards).toEqual([]);
    expect((await h.post(SCORECARDS, scorecardBody())).status).toBe(201);
  });

  describe("validation (422, every problem at once)", () => {
    async function problemsOf(body: unknown): Promise<string[]> {
      const res = await h.post(SCORECARDS, body);
      expect(res.status).toBe(422);
      expect(res.body.error).toBe("invalid_request");
      return problemPaths(res.body);
    }

    it("requires identifier, title and rules and refuses unknown keys", async () => {
      expect(await problemsOf({ owner: "x" })).toEqual(["/owner", "/identifier", "/title", "/rules"]);
    });

    it("refuses an identifier outside Port's scorecard pattern", async () => {
      expect(await problemsOf(scorecardBody("has space"))).toEqual(["/identifier"]);
    });

    it("refuses a rule on the first level, an unknown level and a repeated rule identifier", async () => {
      const rules = [
        ruleWith([{ property: "name", operator: "isEmpty" }], "Basic", "a"),
        ruleWith([{ property: "name", operator: "isEmpty" }], "Platinum", "b"),
        ruleWith([{ property: "name", operator: "isEmpty" }], "Gold", "a"),
      ];
      expect(await problemsOf(scorecardBody("x", { rules }))).toEqual(["/rules/0/level", "/rules/1/level", "/rules/2/identifier"]);
    });

    it("checks custom levels: colours, unique titles, and rules naming them (never the first)", async () => {
      const levels = [
        { title: "Low", color: "red" },
        { title: "High", color: "neon" },
        { title: "Low", color: "green" },
      ];
      const rules = [ruleWith([{ property: "name", operator: "isEmpty" }], "Low", "a"), ruleWith([{ property: "name", operator: "isEmpty" }], "Gold", "b")];
      const res = await h.post(SCORECARDS, scorecardBody("x", { levels, rules }));
      expect(problemPaths(res.body)).toEqual(["/levels/1/color", "/levels/2/title", "/rules/0/level", "/rules/1/level"]);
      expect(res.body.message).toContain('/rules/0/level must not be the first level ("Low")');
    });

    it("accepts every condition kind", async () => {
      const conditions = [
        { property: "replicas", operator: ">=", value: 2 },
        { property: "$title", operator: "doesNotBeginsWith", value: "tmp" },
        { relation: "env", operator: "=", value: "prod" },
        { property: "$team", operator: "containsAny", value: ["platform"] },
        { relation: "env", operator: "in", value: ["prod", "staging"] },
        { property: "readme", operator: "isNotEmpty", not: true },
        { relation: "env", operator: "isEmpty" },
        { property: "$updatedAt", operator: "between", value: { preset: "lastWeek" } },
        { property: "$createdAt", operator: "=", value: { from: "2024-01-01T00:00:00Z", to: "2024-02-01T00:00:00Z" } },
      ];
      expect((await h.post(SCORECARDS, scorecardBody("x", { rules: [ruleWith(conditions)] }))).status).toBe(201);
    });

    it("accepts what the published condition shapes accept: order comparisons on relations, array values, other keys outside date conditions", async () => {
      const conditions = [
        { relation: "env", operator: ">", value: 1 },
        { relation: "env", operator: "<=", value: "m" },
        { property: "tags", operator: "=", value: ["a", "b"] },
        { relation: "owners", operator: "contains", value: ["x"] },
        { property: "a", relation: "b", operator: "isEmpty" },
        { property: "readme", operator: "isNotEmpty", note: "kept" },
        { property: "$updatedAt", operator: "between", value: { preset: "last2Weeks" } },
      ];
      expect((await h.post(SCORECARDS, scorecardBody("x", { rules: [ruleWith(conditions)] }))).status).toBe(201);
    });

    it("refuses malformed conditions, naming each", async () => {
      const conditions = [
        { property: "env", operator: "in", value: "prod" },
        { property: "env", operator: "in", value: [1] },
        { property: "a", operator: "=", value: [1] },
        { relation: "env", operator: "between", value: { preset: "today" } },
        { operator: "=", value: "x" },
        { property: "a", operator: "between", value: { preset: "lastYear" } },
        { property: "a", operator: "=", value: null },
        { property: "a", operator: "between", value: { preset: "today" }, extra: 1 },
        { relation: "env", operator: "=", value: { preset: "today" } },
      ];
      const paths = await problemsOf(scorecardBody("x", { rules: [ruleWith(conditions)] }));
      const at = "/rules/0/query/conditions";
      expect(paths).toEqual([
        `${at}/0/value`,
        `${at}/1/value/0`,
        `${at}/2/value/0`,
        `${at}/3/operator`,
        `${at}/4`,
        `${at}/5/value/preset`,
        `${at}/6/value`,
        `${at}/7/extra`,
        `${at}/8/value`,
      ]);
    });

    it("refuses the entity query's lastDay preset, which Port's scorecard presets lack", async () => {
      const conditions = [{ property: "$updatedAt", operator: "between", value: { preset: "lastDay" } }];
      const res = await h.post(SCORECARDS, scorecardBody("x", { rules: [ruleWith(conditions)] }));
      expect(res.status).toBe(422);
      expect(problemPaths(res.body)).toEqual(["/rules/0/query/conditions/0/value/preset"]);
    });

    it("refuses an empty query and a bad filter", async () => {
      const body = scorecardBody("x", { filter: { combinator: "xor", conditions: [] }, rules: [ruleWith([])] });
      expect(await problemsOf(body)).toEqual(["/filter/combinator", "/filter/conditions", "/rules/0/query/conditions"]);
    });
  });
});

describe("Port emulator scorecard persistence", () => {
  it("round-trips scorecards through the state file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "port-emulator-scorecards-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await Harness.start({ stateFile });
      await first.post("/v1/blueprints", blueprintBody("svc"));
      const scorecard = (await first.post(SCORECARDS, scorecardBody())).body.scorecard;
      await first.close();
      const second = await Harness.start({ stateFile });
      try {
        expect((await second.get(`${SCORECARDS}/readiness`)).body.scorecard).toEqual(scorecard);
        expect((await second.post(SCORECARDS, scorecardBody())).status).toBe(409);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
