import { blueprintBody, Harness } from "./emulator-harness";

describe("Port emulator control routes", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  const admin = (method: string, path: string, body?: unknown) => h.call(method, `/_emulator${path}`, body, { token: null });

  it("answers health without a token", async () => {
    const res = await admin("GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it("counts requests, writes (without the token route) and requests per route, excluding control routes", async () => {
    const token = await h.token();
    await h.post("/v1/blueprints", blueprintBody("svc"), { token });
    await h.get("/v1/blueprints/svc", { token });
    await h.get("/v1/blueprints/ghost", { token });
    await h.post("/v1/blueprints/svc/entities", { identifier: "e" }, { token });
    await h.delete("/v1/blueprints/svc/entities/e", { token });
    await h.get("/v1/unknown", { token });
    await admin("GET", "/health");
    const expected = {
      requests: 7,
      writes: 3,
      byRoute: {
        "POST /v1/auth/access_token": 1,
        "POST /v1/blueprints": 1,
        "GET /v1/blueprints/:id": 2,
        "POST /v1/blueprints/:blueprint/entities": 1,
        "DELETE /v1/blueprints/:blueprint/entities/:id": 1,
        "GET (unmatched)": 1,
      },
    };
    expect(h.emulator.stats()).toEqual(expected);
    const res = await admin("GET", "/stats");
    expect(res.body).toEqual({ ok: true, stats: expected });
  });

  it("resets stats over HTTP and in-process", async () => {
    await h.token();
    expect((await admin("POST", "/stats/reset")).body).toEqual({ ok: true });
    expect(h.emulator.stats()).toEqual({ requests: 0, writes: 0, byRoute: {} });
    await h.get("/v1/blueprints");
    h.emulator.resetStats();
    expect(h.emulator.stats().requests).toBe(0);
  });

  it("sets, shows and clears faults over HTTP", async () => {
    const set = await admin("POST", "/faults", { failNext: { count: 1, status: 503 } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ ok: true, faults: { failNext: { count: 1, status: 503 } } });
    expect((await h.requestToken()).status).toBe(503);
    await admin("POST", "/faults", { failNext: { count: 3, status: 500 } });
    expect((await admin("DELETE", "/faults")).body).toEqual({ ok: true });
    const counts = { http429: 0, http500: 0, http502: 0, http503: 1, reset: 0, delay: 0, lostAnswer: 0 };
    expect((await admin("GET", "/faults")).body).toEqual({ ok: true, faults: {}, counts });
    expect((await h.requestToken()).status).toBe(200);
  });

  it("sets chaos over HTTP and zeroes its counts with the stats", async () => {
    const token = await h.token();
    const chaos = { rate: 1, seed: 5, delayMs: 0, kinds: ["http502"] };
    expect((await admin("POST", "/faults", { chaos })).body).toEqual({ ok: true, faults: { chaos } });
    expect((await h.get("/v1/blueprints", { token })).status).toBe(502);
    expect((await admin("GET", "/faults")).body.counts.http502).toBe(1);
    await admin("POST", "/stats/reset");
    expect((await admin("GET", "/faults")).body.counts.http502).toBe(0);
  });

  it("refuses a malformed fault spec with 422 listing every problem", async () => {
    const res = await admin("POST", "/faults", { failNext: { count: -1, status: 42 }, dropNext: "x", bogus: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid_request");
    expect(res.body.details.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/bogus", "/dropNext", "/failNext/count", "/failNext/status"].sort());
  });

  it("drops all org data on reset but keeps tokens valid", async () => {
    const token = await h.token();
    await h.post("/v1/blueprints", blueprintBody("svc"), { token });
    await h.post("/v1/blueprints/svc/entities", { identifier: "e" }, { token });
    expect((await admin("POST", "/reset")).body).toEqual({ ok: true });
    expect((await h.get("/v1/blueprints", { token })).body.blueprints.map((b: { identifier: string }) => b.identifier)).toEqual(["_user", "_team"]); // Port's system blueprints stay
    expect((await h.post("/v1/blueprints", blueprintBody("svc"), { token })).status).toBe(201);
    expect((await h.get("/v1/blueprints/svc/entities", { token })).body.entities).toEqual([]);
    h.emulator.reset();
    expect((await h.get("/v1/blueprints", { token })).body.blueprints.map((b: { identifier: string }) => b.identifier)).toEqual(["_user", "_team"]);
  });

  it("answers 404 for an unknown control route", async () => {
    const res = await admin("GET", "/nope");
    expect(res.status).toBe(404);
    expect(res.body.ok).toBe(false);
  });
});
