import { blueprintBody, Harness, problemPaths } from "./emulator-harness";
import { eventually } from "../support/eventually";

const relationTo = (target: string, extra: Record<string, unknown> = {}) => ({
  target,
  required: false,
  many: false,
  ...extra,
});

describe("Port emulator blueprints", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  it("creates a blueprint with 201, server meta fields and Port's default maps", async () => {
    const res = await h.post("/v1/blueprints?create_catalog_page=false", blueprintBody("svc"));
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(true);
    expect(res.body.blueprint).toEqual({
      identifier: "svc",
      title: "Blueprint svc",
      schema: { properties: { name: { type: "string", title: "Name" } }, required: [] },
      relations: {},
      mirrorProperties: {},
      calculationProperties: {},
      aggregationProperties: {},
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      createdBy: "emulator-client-id",
      updatedAt: res.body.blueprint.createdAt,
      updatedBy: "emulator-client-id",
    });
  });

  it("ignores meta fields sent in the body", async () => {
    const res = await h.post("/v1/blueprints", blueprintBody("svc", { createdBy: "someone-else", createdAt: "2000-01-01T00:00:00Z" }));
    expect(res.body.blueprint.createdBy).toBe("emulator-client-id");
    expect(res.body.blueprint.createdAt).not.toBe("2000-01-01T00:00:00Z");
  });

  it("refuses a create_catalog_page value that is not a boolean", async () => {
    const res = await h.post("/v1/blueprints?create_catalog_page=maybe", blueprintBody("svc"));
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/querystring/create_catalog_page"]);
  });

  it("lists blueprints in creation order and reads one", async () => {
    await h.post("/v1/blueprints", blueprintBody("b"));
    await h.post("/v1/blueprints", blueprintBody("a"));
    const list = await h.get("/v1/blueprints");
    expect(list.status).toBe(200);
    // Port's system blueprints (`_user`, `_team`, ...) are listed too.
    const created = list.body.blueprints.filter((b: { identifier: string }) => !b.identifier.startsWith("_"));
    expect(created.map((b: { identifier: string }) => b.identifier)).toEqual(["b", "a"]);
    const one = await h.get("/v1/blueprints/a");
    expect(one.body).toEqual({ ok: true, blueprint: created[1] });
  });

  it("refuses to delete the system blueprints _user and _team, alone or with their entities", async () => {
    for (const identifier of ["_user", "_team"]) {
      const deleted = await h.delete(`/v1/blueprints/${identifier}`);
      expect([deleted.status, deleted.body.error]).toEqual([422, "system_blueprint"]);
      const withEntities = await h.delete(`/v1/blueprints/${identifier}/all-entities?delete_blueprint=true`);
      expect([withEntities.status, withEntities.body.error]).toEqual([422, "system_blueprint"]);
      expect((await h.get(`/v1/blueprints/${identifier}`)).status).toBe(200);
    }
  });

  it("answers 404 not_found with Port's details for an unknown blueprint", async () => {
    const res = await h.get("/v1/blueprints/k8s_cluster");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      ok: false,
      error: "not_found",
      message: 'Blueprint with identifier "k8s_cluster" was not found',
      details: { resource: "Blueprint", byField: "identifier", withValue: "k8s_cluster" },
    });
  });

  it("refuses a duplicate identifier with 409 identifier_taken", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    const res = await h.post("/v1/blueprints", blueprintBody("svc"));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: "identifier_taken", details: { resource: "Blueprint", identifier: "svc" } });
  });

  it("replaces the whole document on PUT, keeping createdAt/createdBy and setting updatedAt", async () => {
    const created = (await h.post("/v1/blueprints", blueprintBody("svc", { description: "old", icon: "Cloud" }))).body.blueprint;
    await new Promise((r) => setTimeout(r, 5));
    const res = await h.put("/v1/blueprints/svc", { title: "New title", schema: { properties: {} } });
    expect(res.status).toBe(200);
    const bp = res.body.blueprint;
    expect(bp.title).toBe("New title");
    expect(bp.identifier).toBe("svc");
    expect(bp.description).toBeUndefined();
    expect(bp.icon).toBeUndefined();
    expect(bp.createdAt).toBe(created.createdAt);
    expect(bp.createdBy).toBe("emulator-client-id");
    expect(Date.parse(bp.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    expect((await h.get("/v1/blueprints/svc")).body.blueprint).toEqual(bp);
  });

  it("answers 404 to a PUT on an unknown blueprint", async () => {
    const res = await h.put("/v1/blueprints/ghost", blueprintBody("ghost"));
    expect(res.status).toBe(404);
    expect(res.body.details).toEqual({ resource: "Blueprint", byField: "identifier", withValue: "ghost" });
  });

  it("renames a blueprint when the PUT body carries a new identifier, moving entities and relation targets", async () => {
    await h.post("/v1/blueprints", blueprintBody("cluster"));
    await h.post("/v1/blueprints", blueprintBody("svc", { relations: { cluster: relationTo("cluster") } }));
    await h.post("/v1/blueprints/cluster/entities", { identifier: "prod", title: "Prod" });
    const res = await h.put("/v1/blueprints/cluster", blueprintBody("k8s_cluster"));
    expect(res.status).toBe(200);
    expect(res.body.blueprint.identifier).toBe("k8s_cluster");
    expect((await h.get("/v1/blueprints/cluster")).status).toBe(404);
    const moved = await h.get("/v1/blueprints/k8s_cluster/entities/prod");
    expect(moved.status).toBe(200);
    expect(moved.body.entity.blueprint).toBe("k8s_cluster");
    const svc = (await h.get("/v1/blueprints/svc")).body.blueprint;
    expect(svc.relations.cluster.target).toBe("k8s_cluster");
  });

  it("refuses a rename onto an identifier that is taken", async () => {
    await h.post("/v1/blueprints", blueprintBody("a"));
    await h.post("/v1/blueprints", blueprintBody("b"));
    const res = await h.put("/v1/blueprints/a", blueprintBody("b"));
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("identifier_taken");
  });

  it("refuses a PUT that changes an existing property's type", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    const res = await h.put("/v1/blueprints/svc", blueprintBody("svc", { schema: { properties: { name: { type: "number" } } } }));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid_request");
    expect(problemPaths(res.body)).toEqual(["/schema/properties/name/type"]);
    expect(res.body.message).toContain('cannot change from "string" to "number"');
  });

  it("allows a property to come back with a new type after it was removed", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    expect((await h.put("/v1/blueprints/svc", blueprintBody("svc", { schema: { properties: {} } }))).status).toBe(200);
    const res = await h.put("/v1/blueprints/svc", blueprintBody("svc", { schema: { properties: { name: { type: "number" } } } }));
    expect(res.status).toBe(200);
    expect(res.body.blueprint.schema.properties.name.type).toBe("number");
  });

  it("drops entity values of properties a PUT removes", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    await h.post("/v1/blueprints/svc/entities", { identifier: "e1", properties: { name: "x" } });
    await h.put("/v1/blueprints/svc", blueprintBody("svc", { schema: { properties: {} } }));
    expect((await h.get("/v1/blueprints/svc/entities/e1")).body.entity.properties).toEqual({});
  });

  it("merges top-level keys on PATCH and validates the result", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc", { description: "keep me" }));
    const res = await h.patch("/v1/blueprints/svc", { title: "Patched" });
    expect(res.status).toBe(200);
    expect(res.body.blueprint).toMatchObject({ identifier: "svc", title: "Patched", description: "keep me" });
    expect(res.body.blueprint.schema.properties.name).toEqual({ type: "string", title: "Name" });
    const bad = await h.patch("/v1/blueprints/svc", { relations: { x: relationTo("nowhere") } });
    expect(bad.status).toBe(422);
    expect(problemPaths(bad.body)).toEqual(["/relations/x/target"]);
  });

  it("deletes a blueprint", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    const res = await h.delete("/v1/blueprints/svc?delete_actions=true");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await h.get("/v1/blueprints/svc")).status).toBe(404);
    expect((await h.delete("/v1/blueprints/svc")).status).toBe(404);
  });

  it("refuses to delete a blueprint that has entities with has_dependents", async () => {
    await h.post("/v1/blueprints", blueprintBody("helm-release-blueprint"));
    await h.post("/v1/blueprints/helm-release-blueprint/entities", { identifier: "r1" });
    const res = await h.delete("/v1/blueprints/helm-release-blueprint");
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      ok: false,
      error: "has_dependents",
      message: 'This Blueprint cannot be deleted because there are existing "helm-release-blueprint" entities',
      details: { blueprint: "helm-release-blueprint", entitiesCount: 1 },
    });
    await h.delete("/v1/blueprints/helm-release-blueprint/entities/r1");
    await eventually("entity r1 is gone", async () => (await h.get("/v1/blueprints/helm-release-blueprint/entities/r1")).status === 404);
    expect((await h.delete("/v1/blueprints/helm-release-blueprint")).status).toBe(200);
  });

  it("refuses to delete a blueprint that other blueprints' relations target", async () => {
    await h.post("/v1/blueprints", blueprintBody("cluster"));
    await h.post("/v1/blueprints", blueprintBody("svc", { relations: { cluster: relationTo("cluster") } }));
    const res = await h.delete("/v1/blueprints/cluster");
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("has_dependent_blueprints");
    expect(res.body.details).toEqual({ blueprint: "cluster", referencedBy: [{ blueprint: "svc", path: "/relations/cluster" }] });
    expect(res.body.message).toContain("svc/relations/cluster");
    await h.delete("/v1/blueprints/svc");
    expect((await h.delete("/v1/blueprints/cluster")).status).toBe(200);
  });

  it("deletes a blueprint whose only relation targets itself", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc", { relations: { parent: relationTo("svc") } }));
    expect((await h.delete("/v1/blueprints/svc")).status).toBe(200);
  });
});

describe("Port emulator deleting all entities of a blueprint", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(() => h.close());

  async function migrationWhenEnded(id: string): Promise<Record<string, unknown>> {
    let migration: Record<string, unknown> = {};
    await eventually(`migration ${id} ends`, async () => {
      migration = (await h.get(`/v1/migrations/${id}`)).body.migration;
      return ["COMPLETED", "FAILURE", "CANCELLED"].includes(migration.status as string);
    });
    return migration;
  }

  it("starts a migration that deletes the entities and, with delete_blueprint=true, the blueprint", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    await h.post("/v1/blueprints/svc/entities", { identifier: "a" });
    await h.post("/v1/blueprints/svc/entities", { identifier: "b" });
    const res = await h.delete("/v1/blueprints/svc/all-entities?delete_blueprint=true");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, migrationId: expect.any(String) });
    const started = (await h.get(`/v1/migrations/${res.body.migrationId}`)).body.migration;
    expect(started).toMatchObject({ id: res.body.migrationId, sourceBlueprint: "svc", actor: "emulator-client-id", deleteBlueprint: true, deleteEntities: true });
    expect(await migrationWhenEnded(res.body.migrationId)).toMatchObject({ status: "COMPLETED", successCount: 2, failureCount: 0 });
    expect((await h.get("/v1/blueprints/svc")).status).toBe(404);
    expect((await h.get("/v1/blueprints/svc/entities/a")).status).toBe(404);
  });

  it("keeps the blueprint without delete_blueprint", async () => {
    await h.post("/v1/blueprints", blueprintBody("svc"));
    await h.post("/v1/blueprints/svc/entities", { identifier: "a" });
    const res = await h.delete("/v1/blueprints/svc/all-entities");
    expect(await migrationWhenEnded(res.body.migrationId)).toMatchObject({ status: "COMPLETED", deleteBlueprint: false, successCount: 1 });
    expect((await h.get("/v1/blueprints/svc/entities")).body.entities).toEqual([]);
    expect((await h.get("/v1/blueprints/svc")).status).toBe(200);
  });

  it("never deletes entities of other blueprints: an entity they require stays and the migration fails", async () => {
    await h.post("/v1/blueprints", blueprintBody("cluster"));
    await h.post("/v1/blueprints", blueprintBody("svc", { relations: { cluster: relationTo("cluster", { required: true }) } }));
    await h.post("/v1/blueprints", blueprintBody("job", { relations: { cluster: relationTo("cluster") } }));
    await h.post("/v1/blueprints/cluster/entities", { identifier: "prod" });
    await h.post("/v1/blueprints/cluster/entities", { identifier: "dev" });
    await h.post("/v1/blueprints/svc/entities", { identifier: "api", relations: { cluster: "prod" } });
    await h.post("/v1/blueprints/job/entities", { identifier: "nightly", relations: { cluster: "dev" } });
    const res = await h.delete("/v1/blueprints/cluster/all-entities");
    expect(await migrationWhenEnded(res.body.migrationId)).toMatchObject({ status: "FAILURE", successCount: 1, failureCount: 1 });
    expect((await h.get("/v1/blueprints/cluster/entities/prod")).status).toBe(200);
    expect((await h.get("/v1/blueprints/svc/entities/api")).body.entity.relations).toEqual({ cluster: "prod" });
    expect((await h.get("/v1/blueprints/cluster/entities/dev")).status).toBe(404);
    expect((await h.get("/v1/blueprints/job/entities/nightly")).body.entity.relations).toEqual({ cluster: null });
  });

  it("refuses, before starting any migration, a blueprint with required relations or, with delete_blueprint, one that other blueprints target", async () => {
    await h.post("/v1/blueprints", blueprintBody("cluster"));
    await h.post("/v1/blueprints", blueprintBody("svc", { relations: { cluster: relationTo("cluster", { required: true }) } }));
    const required = await h.delete("/v1/blueprints/svc/all-entities?delete_blueprint=true");
    expect(required.status).toBe(422);
    expect(required.body).toMatchObject({ error: "has_required_relations", details: { blueprint: "svc", relations: ["cluster"] } });
    const targeted = await h.delete("/v1/blueprints/cluster/all-entities?delete_blueprint=true");
    expect(targeted.status).toBe(422);
    expect(targeted.body.error).toBe("has_dependent_blueprints");
    expect((await h.get("/v1/migrations")).body.migrations).toEqual([]);
  });

  it("lists migrations filtered by blueprint and status, and answers 404 for an unknown one", async () => {
    await h.post("/v1/blueprints", blueprintBody("a"));
    await h.post("/v1/blueprints", blueprintBody("b"));
    const first = (await h.delete("/v1/blueprints/a/all-entities")).body.migrationId;
    await h.delete("/v1/blueprints/b/all-entities");
    await migrationWhenEnded(first);
    expect((await h.get("/v1/migrations?blueprint=a")).body.migrations.map((m: { id: string }) => m.id)).toEqual([first]);
    expect((await h.get("/v1/migrations?blueprint=a&status=RUNNING&status=PENDING")).body.migrations).toEqual([]);
    expect(problemPaths((await h.get("/v1/migrations?status=DONE")).body)).toEqual(["/querystring/status"]);
    const unknown = await h.get("/v1/migrations/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: "not_found", details: { resource: "Migration" } });
  });
});

describe("Port emulator HTTP conventions", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.close());

  it("sends X-Trace-Id and rate-limit headers on successes and errors alike", async () => {
    for (const res of [await h.get("/v1/blueprints"), await h.get("/v1/blueprints/ghost"), await h.get("/v1/blueprints", { token: null })]) {
      expect(res.headers.get("x-trace-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("x-ratelimit-limit")).toBe("15000");
      expect(res.body).toHaveProperty("ok");
    }
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const res = await h.post("/v1/blueprints", blueprintBody("big", { description: "x".repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ ok: false, error: "payload_too_large" });
  });

  it("refuses a body that is not JSON with 400 invalid_json", async () => {
    const res = await h.call("POST", "/v1/blueprints", undefined, { raw: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_json");
  });

  it("answers 404 not_found for an unknown route", async () => {
    const res = await h.get("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: "not_found", details: { resource: "Route" } });
  });
});
