import { blueprintBody, Harness } from "./emulator-harness";

describe("Port emulator faults", () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await Harness.start();
    token = await h.token();
  });
  afterEach(() => h.close());

  it("fails the next N /v1 requests with the given status and a Port-style body", async () => {
    h.emulator.setFaults({ failNext: { count: 2, status: 503 } });
    const first = await h.get("/v1/blueprints", { token });
    const second = await h.post("/v1/blueprints", blueprintBody("svc"), { token });
    const third = await h.get("/v1/blueprints", { token });
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.body).toMatchObject({ ok: false, error: "service_unavailable", message: expect.any(String) });
    expect(first.headers.get("x-trace-id")).toBeTruthy();
    expect(first.headers.get("x-ratelimit-limit")).toBe("15000");
    expect(third.body.blueprints.map((b: { identifier: string }) => b.identifier)).toEqual(["_user", "_team"]); // Port's system blueprints
  });

  it("answers 500 internal_error", async () => {
    h.emulator.setFaults({ failNext: { count: 1, status: 500 } });
    const res = await h.get("/v1/blueprints", { token });
    expect(res.status).toBe(500);
    expect(res.body.error).toBe("internal_error");
  });

  it("sends retry-after 0 with an injected 429 so clients retry at once", async () => {
    h.emulator.setFaults({ failNext: { count: 1, status: 429 } });
    const res = await h.get("/v1/blueprints", { token });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ ok: false, error: "rate_limited" });
    expect(res.headers.get("retry-after")).toBe("0");
  });

  it("fails only requests matching method and pathPrefix", async () => {
    h.emulator.setFaults({ failNext: { count: 1, status: 502, method: "post", pathPrefix: "/v1/blueprints/svc/entities" } });
    expect((await h.post("/v1/blueprints", blueprintBody("svc"), { token })).status).toBe(201);
    expect((await h.get("/v1/blueprints/svc/entities", { token })).status).toBe(200);
    const failed = await h.post("/v1/blueprints/svc/entities", { identifier: "a" }, { token });
    expect(failed.status).toBe(502);
    expect(failed.body.error).toBe("bad_gateway");
    expect((await h.post("/v1/blueprints/svc/entities", { identifier: "a" }, { token })).status).toBe(201);
  });

  it("applies to the token route too", async () => {
    h.emulator.setFaults({ failNext: { count: 1, status: 503, pathPrefix: "/v1/auth" } });
    expect((await h.requestToken()).status).toBe(503);
    expect((await h.requestToken()).status).toBe(200);
  });

  it("delays every /v1 response by latencyMs but not the control routes", async () => {
    h.emulator.setFaults({ latencyMs: 400 });
    let started = Date.now();
    expect((await h.get("/v1/blueprints", { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    started = Date.now();
    expect((await h.get("/_emulator/health", { token: null })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(390);
    h.emulator.clearFaults();
    started = Date.now();
    await h.get("/v1/blueprints", { token });
    expect(Date.now() - started).toBeLessThan(390);
  });

  it("destroys the socket of the next N /v1 requests without answering", async () => {
    h.emulator.setFaults({ dropNext: 1 });
    // fetch's TypeError comes from another realm than jest's, so match on its message and cause.
    const dropped = await fetch(`${h.url}/v1/blueprints`, { headers: { authorization: `Bearer ${token}` } }).then(
      () => undefined,
      (err: Error & { cause?: { code?: string } }) => err,
    );
    expect(dropped?.message).toBe("fetch failed");
    expect(dropped?.cause?.code).toBe("UND_ERR_SOCKET");
    expect((await h.get("/v1/blueprints", { token })).status).toBe(200);
    expect(h.emulator.stats().byRoute["GET /v1/blueprints"]).toBe(2);
  });

  it("never faults the control routes", async () => {
    h.emulator.setFaults({ failNext: { count: 1, status: 500 }, dropNext: 1 });
    expect((await h.get("/_emulator/health", { token: null })).status).toBe(200);
    expect((await h.get("/_emulator/stats", { token: null })).status).toBe(200);
    const faults = await h.get("/_emulator/faults", { token: null });
    expect(faults.body.faults).toEqual({ failNext: { count: 1, status: 500 }, dropNext: 1 });
  });

  it("clears all faults", async () => {
    h.emulator.setFaults({ failNext: { count: 5, status: 500 } });
    h.emulator.clearFaults();
    expect((await h.get("/v1/blueprints", { token })).status).toBe(200);
  });

  it("refuses a malformed fault spec", () => {
    expect(() => h.emulator.setFaults({ failNext: { count: 1, status: 200 } })).toThrow(/failNext\/status/);
    expect(() => h.emulator.setFaults({ latencyMs: -1 })).toThrow(/latencyMs/);
  });
});
