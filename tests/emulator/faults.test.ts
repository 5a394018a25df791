import { CHAOS_FAULT_KINDS, type ChaosFaultKind } from "../../emulator/types";
import { blueprintBody, Harness, type ApiResponse } from "./emulator-harness";

/** The status of an answer, or "no answer" when the connection was closed without one. */
async function outcome(call: Promise<ApiResponse>): Promise<number | "no answer"> {
  return call.then(
    (res) => res.status,
    (err: Error & { cause?: { code?: string } }) => {
      // fetch's TypeError comes from another realm than jest's, so match on its message and cause.
      if (err.message !== "fetch failed" || !err.cause?.code) throw err;
      return "no answer";
    },
  );
}

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

  it("applies the next matching request and then closes the connection instead of answering", async () => {
    h.emulator.setFaults({ loseAnswerNext: { count: 1, method: "POST", pathPrefix: "/v1/blueprints" } });
    expect(await outcome(h.get("/v1/blueprints", { token }))).toBe(200);
    expect(await outcome(h.post("/v1/blueprints", blueprintBody("svc"), { token }))).toBe("no answer");
    expect((await h.get("/v1/blueprints/svc", { token })).body.blueprint.identifier).toBe("svc");
    expect(await outcome(h.post("/v1/blueprints", blueprintBody("other"), { token }))).toBe(201);
    expect((await h.get("/_emulator/faults", { token: null })).body.faults).toEqual({});
    expect(h.emulator.faultCounts().lostAnswer).toBe(1);
  });

  it("loses the answer of a request the route refuses too", async () => {
    h.emulator.setFaults({ loseAnswerNext: { count: 1 } });
    expect(await outcome(h.get("/v1/blueprints/ghost", { token }))).toBe("no answer");
    expect(await outcome(h.get("/v1/blueprints/ghost", { token }))).toBe(404);
  });

  describe("chaos", () => {
    const createOutcome = async (kind: ChaosFaultKind) => {
      h.emulator.setFaults({ chaos: { rate: 1, seed: 1, delayMs: 150, kinds: [kind] } });
      const started = Date.now();
      const status = await outcome(h.post("/v1/blueprints", blueprintBody("svc"), { token }));
      const elapsedMs = Date.now() - started;
      h.emulator.clearFaults();
      const created = (await h.get("/v1/blueprints/svc", { token })).status === 200;
      return { status, elapsedMs, created };
    };

    it.each([
      ["http500", 500],
      ["http502", 502],
      ["http503", 503],
    ] as const)("%s answers %i without applying the request", async (kind, status) => {
      expect(await createOutcome(kind)).toMatchObject({ status, created: false });
      expect(h.emulator.faultCounts()[kind]).toBe(1);
    });

    it("http429 answers 429 with retry-after and rate-limit headers, without applying the request", async () => {
      h.emulator.setFaults({ chaos: { rate: 1, seed: 1, kinds: ["http429"] } });
      const res = await h.post("/v1/blueprints", blueprintBody("svc"), { token });
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ ok: false, error: "rate_limited" });
      expect([res.headers.get("retry-after"), res.headers.get("x-ratelimit-remaining"), res.headers.get("x-ratelimit-reset")]).toEqual(["1", "0", "1"]);
      expect(res.headers.get("x-ratelimit-limit")).toBe("15000");
      h.emulator.clearFaults();
      expect((await h.get("/v1/blueprints/svc", { token })).status).toBe(404);
    });

    it("reset closes the connection without applying the request", async () => {
      expect(await createOutcome("reset")).toMatchObject({ status: "no answer", created: false });
    });

    it("delay answers after delayMs and applies the request", async () => {
      const result = await createOutcome("delay");
      expect(result).toMatchObject({ status: 201, created: true });
      expect(result.elapsedMs).toBeGreaterThanOrEqual(140);
    });

    it("lostAnswer applies the request and closes the connection instead of answering", async () => {
      expect(await createOutcome("lostAnswer")).toMatchObject({ status: "no answer", created: true });
      expect(h.emulator.faultCounts()).toEqual({ http429: 0, http500: 0, http502: 0, http503: 0, reset: 0, delay: 0, lostAnswer: 1 });
    });

    const sequence = async (seed: number, n = 40) => {
      h.emulator.setFaults({ chaos: { rate: 0.5, seed, delayMs: 1 } });
      const outcomes: (number | "no answer")[] = [];
      for (let i = 0; i < n; i++) outcomes.push(await outcome(h.get("/v1/blueprints", { token })));
      return outcomes;
    };

    it("gives the same faults for the same seed and requests, and other faults for another seed", async () => {
      const first = await sequence(7);
      const again = await sequence(7);
      const other = await sequence(8);
      expect(again).toEqual(first);
      expect(other).not.toEqual(first);
      expect(new Set(first)).toEqual(new Set([200, 429, 500, 502, 503, "no answer"]));
    });

    it("faults about `rate` of the requests and counts each kind", async () => {
      h.emulator.setFaults({ chaos: { rate: 0.2, seed: 20, delayMs: 1 } });
      for (let i = 0; i < 150; i++) await outcome(h.get("/v1/blueprints", { token }));
      const counts = h.emulator.faultCounts();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(Object.keys(counts).sort()).toEqual([...CHAOS_FAULT_KINDS].sort());
      expect(total).toBeGreaterThanOrEqual(15);
      expect(total).toBeLessThanOrEqual(45);
      h.emulator.clearFaults();
      expect(h.emulator.faultCounts()).toEqual(counts);
      expect((await h.get("/_emulator/faults", { token: null })).body).toEqual({ ok: true, faults: {}, counts });
      h.emulator.resetStats();
      expect(Object.values(h.emulator.faultCounts())).toEqual(Array(CHAOS_FAULT_KINDS.length).fill(0));
    });

    it("never faults with rate 0", async () => {
      h.emulator.setFaults({ chaos: { rate: 0, seed: 3 } });
      for (let i = 0; i < 20; i++) expect(await outcome(h.get("/v1/blueprints", { token }))).toBe(200);
    });
  });

  it("counts one-shot faults under the kind they inject", async () => {
    h.emulator.setFaults({ failNext: { count: 2, status: 404, method: "GET" }, dropNext: 1 });
    await outcome(h.get("/v1/blueprints", { token }));
    await outcome(h.get("/v1/blueprints", { token }));
    await outcome(h.get("/v1/blueprints", { token }));
    expect(h.emulator.faultCounts()).toMatchObject({ reset: 1, http404: 2 });
  });

  it("refuses a malformed chaos or loseAnswerNext spec, naming each field", () => {
    const refused = (spec: unknown) => {
      try {
        h.emulator.setFaults(spec as never);
      } catch (err) {
        return (err as { details?: { errors?: { path: string }[] } }).details?.errors?.map((e) => e.path);
      }
      throw new Error("expected the spec to be refused");
    };
    expect(refused({ chaos: { rate: 1.5, seed: "x", delayMs: -1, kinds: ["bogus"], extra: 1 } })).toEqual([
      "/chaos/extra",
      "/chaos/rate",
      "/chaos/seed",
      "/chaos/delayMs",
      "/chaos/kinds",
    ]);
    expect(refused({ loseAnswerNext: { count: -1, method: 1, status: 500 } })).toEqual(["/loseAnswerNext/status", "/loseAnswerNext/count", "/loseAnswerNext/method"]);
  });
});
