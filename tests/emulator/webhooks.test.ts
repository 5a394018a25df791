import { Harness, blueprintBody, problemPaths } from "./emulator-harness";

const webhook = (extra: Record<string, unknown> = {}) => ({
  identifier: "github",
  title: "GitHub",
  enabled: true,
  security: { secret: "s3cret", signatureHeaderName: "X-Hub-Signature-256", signatureAlgorithm: "sha256", signaturePrefix: "sha256=", requestIdentifierPath: null },
  mappings: [
    {
      blueprint: "repository",
      filter: '.headers."x-github-event" == "push"',
      entity: { identifier: ".body.repository.name", properties: { name: ".body.repository.full_name" }, relations: { owner: { combinator: "and", rules: [] } } },
    },
    { blueprint: "repository", operation: { type: "delete", deleteDependents: true }, entity: { identifier: ".body.repository.name" } },
  ],
  ...extra,
});

describe("Port emulator webhooks", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
    expect((await h.post("/v1/blueprints", blueprintBody("repository"))).status).toBe(201);
  });
  afterEach(() => h.close());

  it("creates a webhook with a server-generated key, its ingest URL and meta fields, under `integration`", async () => {
    const res = await h.post("/v1/webhooks", webhook());
    expect(res.status).toBe(200);
    const created = res.body.integration;
    expect(created).toEqual({
      ...webhook(),
      webhookKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: `https://ingest.port.io/${created.webhookKey}`,
      createdAt: expect.any(String),
      createdBy: "emulator-client-id",
      updatedAt: expect.any(String),
      updatedBy: "emulator-client-id",
    });
    expect((await h.get("/v1/webhooks/github")).body).toEqual({ ok: true, integration: created });
    expect((await h.get("/v1/webhooks")).body).toEqual({ ok: true, integrations: [created] });
  });

  it("generates an identifier when the body has none", async () => {
    const res = await h.post("/v1/webhooks", { title: "Anonymous", enabled: false });
    expect(res.status).toBe(200);
    expect(res.body.integration.identifier).toMatch(/^webhook-[0-9a-f]{8}$/);
  });

  it("refuses a second webhook with the same identifier with 409", async () => {
    await h.post("/v1/webhooks", webhook());
    const res = await h.post("/v1/webhooks", webhook());
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("identifier_taken");
  });

  it("replaces the document on PUT and keeps the key, the URL and the creation meta", async () => {
    const created = (await h.post("/v1/webhooks", webhook())).body.integration;
    const res = await h.put("/v1/webhooks/github", { title: "GitHub (new)", enabled: false, mappings: [] });
    expect(res.status).toBe(200);
    expect(res.body.integration).toEqual({
      identifier: "github",
      title: "GitHub (new)",
      enabled: false,
      mappings: [],
      webhookKey: created.webhookKey,
      url: created.url,
      createdAt: created.createdAt,
      createdBy: created.createdBy,
      updatedAt: expect.any(String),
      updatedBy: "emulator-client-id",
    });
  });

  it("merges top-level keys on PATCH", async () => {
    await h.post("/v1/webhooks", webhook());
    const res = await h.patch("/v1/webhooks/github", { enabled: false });
    expect(res.status).toBe(200);
    expect(res.body.integration.enabled).toBe(false);
    expect(res.body.integration.mappings).toEqual(webhook().mappings);
  });

  it("refuses a rename through PUT", async () => {
    await h.post("/v1/webhooks", webhook());
    const res = await h.put("/v1/webhooks/github", webhook({ identifier: "gitlab" }));
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/identifier"]);
  });

  it("answers 422 naming every unknown key, bad value and missing required field", async () => {
    const res = await h.post("/v1/webhooks", {
      identifier: "x".repeat(31),
      webhookKey: "mine",
      security: { secret: "s", signatureAlgorithm: "md5", extra: 1 },
      mappings: [{ blueprint: "repository", operation: "upsert", entity: { identifier: 3, team: [".x"], colour: ".c" } }, "nope"],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid_request");
    expect(problemPaths(res.body)).toEqual([
      "/webhookKey",
      "/identifier",
      "/title",
      "/enabled",
      "/security/extra",
      "/security/signatureAlgorithm",
      "/mappings/0/operation",
      "/mappings/0/entity/colour",
      "/mappings/0/entity/identifier",
      "/mappings/0/entity/team",
      "/mappings/1",
    ]);
  });

  it("refuses a mapping to a blueprint that does not exist", async () => {
    const res = await h.post("/v1/webhooks", webhook({ mappings: [{ blueprint: "repo", entity: { identifier: ".id" } }] }));
    expect(res.status).toBe(422);
    expect(res.body.details.errors).toEqual([{ path: "/mappings/0/blueprint", message: 'must be an existing blueprint (blueprint "repo" was not found)' }]);
  });

  it("deletes a webhook and then answers 404 not_found for it", async () => {
    await h.post("/v1/webhooks", webhook());
    expect((await h.delete("/v1/webhooks/github")).body).toEqual({ ok: true });
    const res = await h.get("/v1/webhooks/github");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      ok: false,
      error: "not_found",
      message: 'Webhook with identifier "github" was not found',
      details: { resource: "Webhook", byField: "identifier", withValue: "github" },
    });
    expect((await h.delete("/v1/webhooks/github")).status).toBe(404);
  });

  it("drops every webhook on reset", async () => {
    await h.post("/v1/webhooks", webhook());
    h.emulator.reset();
    expect((await h.get("/v1/webhooks")).body.integrations).toEqual([]);
  });
});
