import { createBlueprint, deleteAllEntities, deleteBlueprint, getBlueprint, getMigration, listBlueprints, replaceBlueprint } from "./client";
import { PortApiError } from "../../core/client/errors";
import { useScriptedClient } from "../../tests/support/scripted-port-server";

const clientWith = useScriptedClient();

const svc = { identifier: "svc", title: "Service", schema: { properties: {} } };
const notFound = (id: string) => ({
  status: 404,
  body: { ok: false, error: "not_found", message: `Blueprint with identifier "${id}" was not found`, details: { resource: "Blueprint" } },
});

describe("blueprints client", () => {
  it("gets a blueprint by URL-encoded identifier", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, blueprint: svc } }));

    await expect(getBlueprint(client, "team/svc:1")).resolves.toEqual(svc);

    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([["GET", "/v1/blueprints/team%2Fsvc%3A1"]]);
  });

  it("returns undefined for a blueprint Port does not have", async () => {
    const { client } = await clientWith(() => notFound("gone"));

    await expect(getBlueprint(client, "gone")).resolves.toBeUndefined();
  });

  it("returns undefined for a 404 of any body, as Port's own clients read it", async () => {
    const { client } = await clientWith(() => ({ status: 404, rawBody: "<html>Not Found</html>" }));

    await expect(getBlueprint(client, "svc")).resolves.toBeUndefined();
  });

  it("refuses dot-segment identifiers that would address another route", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, blueprint: svc } }));

    await expect(getBlueprint(client, "..")).rejects.toThrow('Invalid blueprint identifier ".."');
    expect(s.requests).toHaveLength(0);
  });

  it("lists blueprints", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, blueprints: [svc] } }));

    await expect(listBlueprints(client)).resolves.toEqual([svc]);
    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([["GET", "/v1/blueprints"]]);
  });

  it("creates a blueprint, always sending create_catalog_page: true unless told otherwise", async () => {
    const { client, s } = await clientWith((req) => ({ status: 201, body: { ok: true, blueprint: req.body } }));

    await expect(createBlueprint(client, svc, { createCatalogPage: false })).resolves.toEqual(svc);
    await createBlueprint(client, svc);

    const [withFlag, withoutFlag] = s.apiRequests();
    expect([withFlag.method, withFlag.path, withFlag.query.toString()]).toEqual(["POST", "/v1/blueprints", "create_catalog_page=false"]);
    expect(withFlag.body).toEqual(svc);
    expect(withoutFlag.query.toString()).toBe("create_catalog_page=true");
  });

  it("starts deleting all entities with the blueprint, answering Port's migration id, and reads a migration", async () => {
    const { client, s } = await clientWith((req) =>
      req.path.startsWith("/v1/migrations/")
        ? { status: 200, body: { ok: true, migration: { id: "m 1", status: "RUNNING" } } }
        : { status: 200, body: { ok: true, migrationId: "m 1" } },
    );

    await expect(deleteAllEntities(client, "svc", { deleteBlueprint: true })).resolves.toEqual({ migrationId: "m 1" });
    await expect(getMigration(client, "m 1")).resolves.toEqual({ id: "m 1", status: "RUNNING" });
    expect(s.apiRequests().map((r) => [r.method, r.path, r.query.toString()])).toEqual([
      ["DELETE", "/v1/blueprints/svc/all-entities", "delete_blueprint=true"],
      ["GET", "/v1/migrations/m%201", ""],
    ]);
  });

  it("replaces a blueprint with PUT", async () => {
    const { client, s } = await clientWith((req) => ({ status: 200, body: { ok: true, blueprint: req.body } }));

    await expect(replaceBlueprint(client, "svc", { ...svc, title: "Renamed" })).resolves.toMatchObject({ title: "Renamed" });
    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([["PUT", "/v1/blueprints/svc"]]);
  });

  it("reports whether delete removed the blueprint or found it already gone", async () => {
    const { client, s } = await clientWith((req) => (req.path.endsWith("/gone") ? notFound("gone") : { status: 200, body: { ok: true } }));

    await expect(deleteBlueprint(client, "svc")).resolves.toBe(true);
    await expect(deleteBlueprint(client, "gone")).resolves.toBe(false);
    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([
      ["DELETE", "/v1/blueprints/svc"],
      ["DELETE", "/v1/blueprints/gone"],
    ]);
  });

  it("throws has_dependents when a blueprint still has entities", async () => {
    const { client } = await clientWith(() => ({
      status: 422,
      body: { ok: false, error: "has_dependents", message: 'This Blueprint cannot be deleted because there are existing "svc" entities', details: { entitiesCount: 1 } },
    }));

    const error = await deleteBlueprint(client, "svc").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error).toMatchObject({ code: "has_dependents", details: { entitiesCount: 1 }, method: "DELETE", path: "/v1/blueprints/svc" });
  });

  it("fails clearly when a success response lacks the expected field", async () => {
    const { client } = await clientWith(() => ({ status: 200, body: { ok: true } }));

    await expect(getBlueprint(client, "svc")).rejects.toThrow('Port API GET /v1/blueprints/svc succeeded but its response has no "blueprint" field.');
  });
});
