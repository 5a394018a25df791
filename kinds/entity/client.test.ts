import { createEntity, deleteEntity, getEntity, listEntities } from "./client";
import { useScriptedClient } from "../../tests/support/scripted-port-server";

const clientWith = useScriptedClient();

const api = { identifier: "api", title: "API", properties: { language: "ts" }, relations: {} };
const notFound = { status: 404, body: { ok: false, error: "not_found", message: "Entity not found" } };

describe("entities client", () => {
  it("creates an entity, always sending upsert and sending merge only when given", async () => {
    const { client, s } = await clientWith((req) => ({ status: 201, body: { ok: true, entity: req.body } }));

    await expect(createEntity(client, "service", api)).resolves.toEqual(api);
    await createEntity(client, "service", api, { upsert: true, merge: true });

    const [plain, merged] = s.apiRequests();
    expect([plain.method, plain.path, plain.query.toString()]).toEqual(["POST", "/v1/blueprints/service/entities", "upsert=false"]);
    expect(plain.body).toEqual(api);
    expect(merged.query.toString()).toBe("upsert=true&merge=true");
  });

  it("refuses merge without upsert before calling Port", async () => {
    const { client, s } = await clientWith(() => ({ status: 201, body: { ok: true, entity: api } }));

    await expect(createEntity(client, "service", api, { merge: true })).rejects.toThrow("`merge` only applies together with `upsert: true`");
    expect(s.requests).toHaveLength(0);
  });

  it("gets an entity by URL-encoded identifiers, or undefined when Port has none", async () => {
    const { client, s } = await clientWith((req) => (req.path.endsWith("/missing") ? notFound : { status: 200, body: { ok: true, entity: api } }));

    await expect(getEntity(client, "service", "a=b/c")).resolves.toEqual(api);
    await expect(getEntity(client, "service", "missing")).resolves.toBeUndefined();
    expect(s.apiRequests().map((r) => r.path)).toEqual(["/v1/blueprints/service/entities/a%3Db%2Fc", "/v1/blueprints/service/entities/missing"]);
  });

  it("lists a blueprint's entities", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, entities: [api] } }));

    await expect(listEntities(client, "service")).resolves.toEqual([api]);
    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([["GET", "/v1/blueprints/service/entities"]]);
  });

  it("deletes an entity, passing delete_dependents, and reports one already gone", async () => {
    const { client, s } = await clientWith((req) => (req.path.endsWith("/missing") ? notFound : { status: 200, body: { ok: true } }));

    await expect(deleteEntity(client, "service", "api", { deleteDependents: true })).resolves.toBe(true);
    await expect(deleteEntity(client, "service", "missing")).resolves.toBe(false);
    expect(s.apiRequests().map((r) => [r.method, r.path, r.query.toString()])).toEqual([
      ["DELETE", "/v1/blueprints/service/entities/api", "delete_dependents=true"],
      ["DELETE", "/v1/blueprints/service/entities/missing", "delete_dependents=false"],
    ]);
  });
});
