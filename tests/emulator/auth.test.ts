import { CLIENT_ID, Harness } from "./emulator-harness";

describe("Port emulator authentication", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.close());

  it("issues a bearer token for configured credentials", async () => {
    const res = await h.requestToken();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, accessToken: expect.any(String), expiresIn: 10800, tokenType: "Bearer" });
    expect(res.body.accessToken.length).toBeGreaterThan(20);
  });

  it("returns the same token until it expires", async () => {
    const first = await h.requestToken();
    const second = await h.requestToken();
    expect(second.body.accessToken).toBe(first.body.accessToken);
    expect(second.body.expiresIn).toBeLessThanOrEqual(10800);
  });

  it("refuses unknown credentials with 401", async () => {
    const res = await h.requestToken(CLIENT_ID, "wrong-secret");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ ok: false, error: "unauthorized", message: expect.any(String) });
  });

  it("refuses a token request without clientSecret with 422 naming the field", async () => {
    const res = await h.post("/v1/auth/access_token", { clientId: CLIENT_ID }, { token: null });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid_request");
    expect(res.body.message).toBe("/clientSecret is required");
  });

  it("refuses API calls without an Authorization header", async () => {
    const res = await h.get("/v1/blueprints", { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ ok: false, error: "unauthorized" });
    expect(res.body.message).toMatch(/Authorization/);
  });

  it("refuses an unknown token", async () => {
    const res = await h.get("/v1/blueprints", { token: "not-a-real-token" });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("unauthorized");
  });

  it("refuses a stale Authorization header even on the token route, as Port's gateway does", async () => {
    const res = await h.post("/v1/auth/access_token", { clientId: CLIENT_ID, clientSecret: "emulator-client-secret" }, { token: "stale-token" });
    expect(res.status).toBe(401);
  });

  it("accepts a valid token on API routes", async () => {
    const res = await h.get("/v1/blueprints");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, blueprints: [expect.objectContaining({ identifier: "_user" }), expect.objectContaining({ identifier: "_team" })] });
  });
});

describe("Port emulator token expiry", () => {
  it("refuses an expired token with 401 and then issues a new one", async () => {
    const h = await Harness.start({ tokenTtlSeconds: 1 });
    try {
      const issued = await h.requestToken();
      expect(issued.body.expiresIn).toBe(1);
      const token = issued.body.accessToken as string;
      expect((await h.get("/v1/blueprints", { token })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await h.get("/v1/blueprints", { token });
      expect(expired.status).toBe(401);
      expect(expired.body.error).toBe("unauthorized");
      expect(expired.body.message).toMatch(/expired/);
      const renewed = await h.requestToken();
      expect(renewed.status).toBe(200);
      expect(renewed.body.accessToken).not.toBe(token);
      expect((await h.get("/v1/blueprints", { token: renewed.body.accessToken })).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe("Port emulator credentials option", () => {
  it("accepts only the configured credential pairs and records the client as creator", async () => {
    const h = await Harness.start({ credentials: [{ clientId: "ci-bot", clientSecret: "s3cret" }] });
    try {
      expect((await h.requestToken()).status).toBe(401);
      const res = await h.requestToken("ci-bot", "s3cret");
      expect(res.status).toBe(200);
      const created = await h.post("/v1/blueprints", { identifier: "svc", title: "Service", schema: { properties: {} } }, { token: res.body.accessToken });
      expect(created.status).toBe(201);
      expect(created.body.blueprint.createdBy).toBe("ci-bot");
      expect(created.body.blueprint.updatedBy).toBe("ci-bot");
    } finally {
      await h.close();
    }
  });
});
