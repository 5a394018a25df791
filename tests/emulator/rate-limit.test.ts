import { Harness } from "./emulator-harness";

describe("Port emulator rate limit", () => {
  it("reports limit, remaining, reset (seconds until the window resets) and period on every response", async () => {
    const h = await Harness.start();
    try {
      const token = await h.token();
      const first = await h.get("/v1/blueprints", { token });
      const second = await h.get("/v1/blueprints/ghost", { token });
      expect(first.headers.get("x-ratelimit-limit")).toBe("15000");
      expect(first.headers.get("x-ratelimit-period")).toBe("300");
      expect(first.headers.get("x-ratelimit-remaining")).toBe("14999");
      expect(second.headers.get("x-ratelimit-remaining")).toBe("14998");
      const reset = Number(second.headers.get("x-ratelimit-reset"));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(300);
    } finally {
      await h.close();
    }
  });

  it("answers 429 rate_limited with retry-after once a client exceeds its limit, per client", async () => {
    const h = await Harness.start({
      rateLimit: { limit: 3, periodSeconds: 60 },
      credentials: [
        { clientId: "emulator-client-id", clientSecret: "emulator-client-secret" },
        { clientId: "other", clientSecret: "other-secret" },
      ],
    });
    try {
      const token = await h.token();
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await h.get("/v1/blueprints", { token })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await h.get("/v1/blueprints", { token });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ ok: false, error: "rate_limited" });
      expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      const other = (await h.requestToken("other", "other-secret")).body.accessToken;
      expect((await h.get("/v1/blueprints", { token: other })).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("opens a new window once the period has passed", async () => {
    const h = await Harness.start({ rateLimit: { limit: 1, periodSeconds: 1 } });
    try {
      const token = await h.token();
      expect((await h.get("/v1/blueprints", { token })).status).toBe(200);
      expect((await h.get("/v1/blueprints", { token })).status).toBe(429);
      await new Promise((r) => setTimeout(r, 1100));
      const res = await h.get("/v1/blueprints", { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    } finally {
      await h.close();
    }
  });
});
