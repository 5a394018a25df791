import { Harness, problemPaths } from "./emulator-harness";
import { eventually, withEnv } from "../support/eventually";

const cluster = {
  identifier: "cluster",
  title: "Cluster",
  schema: { properties: { region: { type: "string" } } },
};

const service = {
  identifier: "svc",
  title: "Service",
  schema: {
    properties: {
      port: { type: "number" },
      tier: { type: "string", enum: ["gold", "silver"] },
      tags: { type: "array", items: { type: "string" } },
      public: { type: "boolean" },
      meta: { type: "object" },
    },
    required: ["port"],
  },
  relations: {
    cluster: { target: "cluster", required: true, many: false },
    dependsOn: { target: "svc", required: false, many: true },
  },
  calculationProperties: { label: { calculation: ".title", type: "string" } },
};

const svcEntity = (identifier: string, extra: Record<string, unknown> = {}) => ({
  identifier,
  title: `Service ${identifier}`,
  properties: { port: 80 },
  relations: { cluster: "prod" },
  ...extra,
});

describe("Port emulator entities", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
    expect((await h.post("/v1/blueprints", cluster)).status).toBe(201);
    expect((await h.post("/v1/blueprints", service)).status).toBe(201);
    expect((await h.post("/v1/blueprints/cluster/entities", { identifier: "prod", title: "Prod" })).status).toBe(201);
  });
  afterEach(() => h.close());

  it("creates an entity with 201, its blueprint and server meta fields", async () => {
    const res = await h.post("/v1/blueprints/svc/entities", svcEntity("api", { team: ["platform"], icon: "Go" }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ok: true,
      entity: {
        identifier: "api",
        title: "Service api",
        icon: "Go",
        team: ["platform"],
        properties: { port: 80 },
        relations: { cluster: "prod" },
        blueprint: "svc",
        createdAt: expect.any(String),
        createdBy: "emulator-client-id",
        updatedAt: expect.any(String),
        updatedBy: "emulator-client-id",
      },
    });
    expect((await h.get("/v1/blueprints/svc/entities/api")).body.entity).toEqual(res.body.entity);
  });

  it("generates an identifier when the body has none", async () => {
    const res = await h.post("/v1/blueprints/cluster/entities", { title: "Anonymous" });
    expect(res.status).toBe(201);
    expect(res.body.entity.identifier).toMatch(/^[0-9a-f-]{36}$/);
    expect((await h.get(`/v1/blueprints/cluster/entities/${res.body.entity.identifier}`)).status).toBe(200);
  });

  it("round-trips an identifier that contains a slash", async () => {
    expect((await h.post("/v1/blueprints/cluster/entities", { identifier: "eu/west=1" })).status).toBe(201);
    const res = await h.get(`/v1/blueprints/cluster/entities/${encodeURIComponent("eu/west=1")}`);
    expect(res.status).toBe(200);
    expect(res.body.entity.identifier).toBe("eu/west=1");
  });

  it("refuses an identifier that breaks Port's pattern", async () => {
    const res = await h.post("/v1/blueprints/cluster/entities", { identifier: "has space" });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/identifier"]);
  });

  it("answers 404 not_found for an unknown entity and for an unknown blueprint", async () => {
    const entity = await h.get("/v1/blueprints/cluster/entities/ghost");
    expect(entity.status).toBe(404);
    expect(entity.body).toEqual({
      ok: false,
      error: "not_found",
      message: 'Entity with identifier "ghost" was not found',
      details: { resource: "Entity", byField: "identifier", withValue: "ghost" },
    });
    const blueprint = await h.post("/v1/blueprints/nowhere/entities", { identifier: "x" });
    expect(blueprint.status).toBe(404);
    expect(blueprint.body.details).toEqual({ resource: "Blueprint", byField: "identifier", withValue: "nowhere" });
  });

  it("refuses an existing identifier without upsert with 409 identifier_taken", async () => {
    const res = await h.post("/v1/blueprints/cluster/entities", { identifier: "prod" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: "identifier_taken", details: { resource: "Entity", identifier: "prod" } });
  });

  it("replaces the whole entity on upsert=true, keeping createdAt", async () => {
    const first = (await h.post("/v1/blueprints/svc/entities", svcEntity("api", { properties: { port: 80, tier: "gold" } }))).body.entity;
    const res = await h.post("/v1/blueprints/svc/entities?upsert=true", svcEntity("api", { properties: { port: 81 } }));
    expect(res.status).toBe(201);
    expect(res.body.entity.properties).toEqual({ port: 81 });
    expect(res.body.entity.createdAt).toBe(first.createdAt);
  });

  it("merges properties on upsert=true&merge=true", async () => {
    await h.post("/v1/blueprints/svc/entities", svcEntity("api", { properties: { port: 80, tier: "gold" } }));
    const res = await h.post("/v1/blueprints/svc/entities?upsert=true&merge=true", { identifier: "api", properties: { port: 81 } });
    expect(res.status).toBe(201);
    expect(res.body.entity.properties).toEqual({ port: 81, tier: "gold" });
    expect(res.body.entity.relations).toEqual({ cluster: "prod" });
    expect(res.body.entity.title).toBe("Service api");
  });

  it.each([
    ["a property of the wrong type", { port: "80" }, "/properties/port", "must be number (got string)"],
    ["a value outside the enum", { port: 80, tier: "bronze" }, "/properties/tier", "must be equal to one of the allowed values"],
    ["an array item of the wrong type", { port: 80, tags: ["a", 1] }, "/properties/tags/1", "must be string"],
    ["a boolean given as a string", { port: 80, public: "true" }, "/properties/public", "must be boolean"],
    ["a property the blueprint lacks", { port: 80, colour: "red" }, "/properties/colour", 'is not a property of blueprint "svc"'],
    ["a value for a calculation property", { port: 80, label: "x" }, "/properties/label", "which Port computes"],
    ["a missing required property", { tier: "gold" }, "/properties/port", 'is required by blueprint "svc"'],
  ])("refuses %s", async (_rule, properties, path, text) => {
    const res = await h.post("/v1/blueprints/svc/entities", svcEntity("api", { properties }));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid_request");
    expect(problemPaths(res.body)).toEqual([path]);
    expect(res.body.message).toContain(text);
  });

  it.each([
    ["a relation the blueprint lacks", { cluster: "prod", owner: "x" }, "/relations/owner", 'is not a relation of blueprint "svc"'],
    ["a relation to an entity that does not exist", { cluster: "staging" }, "/relations/cluster", 'points to entity "staging" of blueprint "cluster", which does not exist'],
    ["an array for a single relation", { cluster: ["prod"] }, "/relations/cluster", "must be a single entity identifier"],
    ["a string for a many relation", { cluster: "prod", dependsOn: "api" }, "/relations/dependsOn", "must be array"],
    ["a missing required relation", {}, "/relations/cluster", 'is required by blueprint "svc"'],
  ])("refuses %s", async (_rule, relations, path, text) => {
    const res = await h.post("/v1/blueprints/svc/entities", svcEntity("web", { relations }));
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual([path]);
    expect(res.body.message).toContain(text);
  });

  it("refuses unknown top-level entity keys", async () => {
    const res = await h.post("/v1/blueprints/cluster/entities", { identifier: "x", propertiez: {} });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/propertiez"]);
  });

  it("accepts a self relation and a many relation to existing entities", async () => {
    const res = await h.post("/v1/blueprints/svc/entities", svcEntity("api", { relations: { cluster: "prod", dependsOn: ["api"] } }));
    expect(res.status).toBe(201);
    const web = await h.post("/v1/blueprints/svc/entities", svcEntity("web", { relations: { cluster: "prod", dependsOn: ["api"] } }));
    expect(web.status).toBe(201);
    expect(web.body.entity.relations.dependsOn).toEqual(["api"]);
  });

  it("creates missing related entities when create_missing_related_entities=true", async () => {
    const res = await h.post("/v1/blueprints/svc/entities?create_missing_related_entities=true", svcEntity("api", { relations: { cluster: "staging", dependsOn: ["db", "db"] } }));
    expect(res.status).toBe(201);
    const stub = await h.get("/v1/blueprints/cluster/entities/staging");
    expect(stub.status).toBe(200);
    expect(stub.body.entity).toMatchObject({ identifier: "staging", blueprint: "cluster", properties: {}, relations: {} });
    expect((await h.get("/v1/blueprints/svc/entities/db")).status).toBe(200);
  });

  it("validates without storing when validation_only=true", async () => {
    const ok = await h.post("/v1/blueprints/cluster/entities?validation_only=true", { identifier: "dry" });
    expect(ok.status).toBe(201);
    expect(ok.body.entity.identifier).toBe("dry");
    expect((await h.get("/v1/blueprints/cluster/entities/dry")).status).toBe(404);
    const bad = await h.post("/v1/blueprints/cluster/entities?validation_only=true", { identifier: "dry", properties: { region: 1 } });
    expect(bad.status).toBe(422);
  });

  it("lists a blueprint's entities", async () => {
    await h.post("/v1/blueprints/cluster/entities", { identifier: "dev" });
    const res = await h.get("/v1/blueprints/cluster/entities");
    expect(res.status).toBe(200);
    expect(res.body.entities.map((e: { identifier: string }) => e.identifier)).toEqual(["prod", "dev"]);
  });

  it("replaces an entity on PUT and refuses a PUT whose body renames it", async () => {
    await h.post("/v1/blueprints/svc/entities", svcEntity("api", { properties: { port: 80, tier: "gold" } }));
    const res = await h.put("/v1/blueprints/svc/entities/api", { properties: { port: 90 }, relations: { cluster: "prod" } });
    expect(res.status).toBe(200);
    expect(res.body.entity).toMatchObject({ identifier: "api", properties: { port: 90 } });
    expect(res.body.entity.title).toBeUndefined();
    const renamed = await h.put("/v1/blueprints/svc/entities/api", svcEntity("other"));
    expect(renamed.status).toBe(422);
    expect(problemPaths(renamed.body)).toEqual(["/identifier"]);
    expect((await h.put("/v1/blueprints/svc/entities/ghost", svcEntity("ghost"))).status).toBe(404);
  });

  it("merges properties and relations on PATCH and validates the result", async () => {
    await h.post("/v1/blueprints/svc/entities", svcEntity("api", { properties: { port: 80, tier: "gold" } }));
    const res = await h.patch("/v1/blueprints/svc/entities/api", { properties: { tier: "silver" }, title: "API" });
    expect(res.status).toBe(200);
    expect(res.body.entity).toMatchObject({ title: "API", properties: { port: 80, tier: "silver" }, relations: { cluster: "prod" } });
    const bad = await h.patch("/v1/blueprints/svc/entities/api", { properties: { port: null } });
    expect(bad.status).toBe(422);
    expect(problemPaths(bad.body)).toEqual(["/properties/port"]);
  });

  it("deletes an entity: answers ok, and the entity is gone after the deletion delay", async () => {
    await h.post("/v1/blueprints/cluster/entities", { identifier: "dev" });
    const res = await h.delete("/v1/blueprints/cluster/entities/dev");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    await eventually("entity dev is gone", async () => (await h.get("/v1/blueprints/cluster/entities/dev")).status === 404);
  });

  it("refuses to delete the target of a required relation without delete_dependents", async () => {
    await h.post("/v1/blueprints/svc/entities", svcEntity("api"));
    const res = await h.delete("/v1/blueprints/cluster/entities/prod");
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("has_dependents");
    expect(res.body.details).toEqual({
      blueprint: "cluster",
      entity: "prod",
      dependents: [{ blueprint: "svc", identifier: "api", relation: "cluster", required: true }],
    });
    expect((await h.get("/v1/blueprints/cluster/entities/prod")).status).toBe(200);
  });

  it("deletes required-relation dependents with delete_dependents=true", async () => {
    await h.post("/v1/blueprints/svc/entities", svcEntity("api"));
    const res = await h.delete("/v1/blueprints/cluster/entities/prod?delete_dependents=true");
    expect(res.status).toBe(200);
    await eventually("entity prod is gone", async () => (await h.get("/v1/blueprints/cluster/entities/prod")).status === 404);
    expect((await h.get("/v1/blueprints/svc/entities/api")).status).toBe(404);
  });

  it("clears references through optional relations when their target is deleted", async () => {
    await h.post("/v1/blueprints/svc/entities", svcEntity("db"));
    await h.post("/v1/blueprints/svc/entities", svcEntity("api", { relations: { cluster: "prod", dependsOn: ["db"] } }));
    expect((await h.delete("/v1/blueprints/svc/entities/db")).status).toBe(200);
    await eventually("entity db is gone", async () => (await h.get("/v1/blueprints/svc/entities/db")).status === 404);
    expect((await h.get("/v1/blueprints/svc/entities/api")).body.entity.relations.dependsOn).toEqual([]);
  });

  it("refuses a delete_dependents value that is not a boolean", async () => {
    const res = await h.delete("/v1/blueprints/cluster/entities/prod?delete_dependents=yes");
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/querystring/delete_dependents"]);
  });
});

describe("Port emulator entity deletion, asynchronous as in Port", () => {
  // A long delay, so what holds before the deletion takes effect can be checked without a race.
  const DELAY = "PORT_EMULATOR_ENTITY_DELETION_DELAY_MS";
  let h: Harness;
  afterEach(() => h.close());

  it("still reads, lists and counts a deleted entity until the delay has passed, so its blueprint cannot be deleted yet", async () => {
    h = await withEnv(DELAY, "600000", () => Harness.start());
    await h.post("/v1/blueprints", cluster);
    await h.post("/v1/blueprints/cluster/entities", { identifier: "dev" });
    expect((await h.delete("/v1/blueprints/cluster/entities/dev")).body).toEqual({ ok: true });
    expect((await h.get("/v1/blueprints/cluster/entities/dev")).status).toBe(200);
    expect((await h.get("/v1/blueprints/cluster/entities")).body.entities.map((e: { identifier: string }) => e.identifier)).toEqual(["dev"]);
    expect((await h.delete("/v1/blueprints/cluster")).body.error).toBe("has_dependents");
  });

  it("refuses at once, not later, to delete the target of a required relation", async () => {
    h = await withEnv(DELAY, "600000", () => Harness.start());
    await h.post("/v1/blueprints", cluster);
    await h.post("/v1/blueprints", service);
    await h.post("/v1/blueprints/cluster/entities", { identifier: "prod" });
    await h.post("/v1/blueprints/svc/entities", svcEntity("api"));
    expect((await h.delete("/v1/blueprints/cluster/entities/prod")).body.error).toBe("has_dependents");
  });
});
