import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { blueprintBody, Harness, problemPaths } from "./emulator-harness";

// /v1/actions: self-service actions and automations share the route and Port's rules.
const selfService = (identifier: string, extra: Record<string, unknown> = {}) => ({
  identifier,
  title: `Action ${identifier}`,
  trigger: { type: "self-service", operation: "CREATE", blueprintIdentifier: "svc", userInputs: { properties: { name: { type: "string" } }, required: ["name"] } },
  invocationMethod: { type: "WEBHOOK", url: "https://example.com/hook" },
  ...extra,
});
const automation = (identifier: string, event: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  identifier,
  trigger: { type: "automation", event, condition: { type: "JQ", expressions: [".diff.after != null"], combinator: "and" } },
  invocationMethod: { type: "KAFKA" },
  publish: true,
  ...extra,
});

describe("Port emulator actions", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
    await h.post("/v1/blueprints", blueprintBody("svc", { schema: { properties: { ttl: { type: "string", format: "timer" } } } }));
  });
  afterEach(() => h.close());

  it("creates an action with 201, an id and meta fields, and reads it back", async () => {
    const res = await h.post("/v1/actions", selfService("deploy"));
    expect(res.status).toBe(201);
    expect(res.body.action).toEqual({
      ...selfService("deploy"),
      id: expect.stringMatching(/^action_[0-9a-f]{16}$/),
      createdAt: expect.any(String),
      createdBy: "emulator-client-id",
      updatedAt: res.body.action.createdAt,
      updatedBy: "emulator-client-id",
    });
    expect((await h.get("/v1/actions/deploy")).body).toEqual({ ok: true, action: res.body.action });
  });

  it("keeps automations in the same collection, filtered by trigger type and blueprint", async () => {
    await h.post("/v1/actions", selfService("deploy"));
    await h.post("/v1/actions", automation("notify", { type: "ENTITY_CREATED", blueprintIdentifier: "svc" }));
    await h.post("/v1/actions", automation("on_run", { type: "RUN_UPDATED", actionIdentifier: "deploy" }));
    const ids = async (query: string) => (await h.get(`/v1/actions${query}`)).body.actions.map((a: { identifier: string }) => a.identifier);
    expect(await ids("")).toEqual(["deploy", "notify", "on_run"]);
    expect(await ids("?trigger_type=automation")).toEqual(["notify", "on_run"]);
    expect(await ids("?blueprint_identifier=svc")).toEqual(["deploy", "notify"]);
  });

  it("refuses unknown keys at every closed level with 422 (additionalProperties: false; the inputs are open JSON schemas)", async () => {
    const body = selfService("deploy", { color: "red" });
    (body.trigger as Record<string, unknown>).buttonText = "Go";
    (body.invocationMethod as Record<string, unknown>).org = "acme";
    const res = await h.post("/v1/actions", body);
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid_request");
    expect(problemPaths(res.body).sort()).toEqual(["/color", "/invocationMethod/org", "/trigger/buttonText"]);
  });

  it("refuses a self-service action on a blueprint that does not exist, and entity inputs of one", async () => {
    const body = selfService("deploy");
    body.trigger.blueprintIdentifier = "nope";
    (body.trigger.userInputs.properties as Record<string, unknown>).env = { type: "string", format: "entity", blueprint: "environment" };
    const res = await h.post("/v1/actions", body);
    expect(res.status).toBe(422);
    expect(res.body.details.errors).toEqual([
      { path: "/trigger/blueprintIdentifier", message: 'names blueprint "nope", which does not exist' },
      { path: "/trigger/userInputs/properties/env/blueprint", message: 'names blueprint "environment", which does not exist' },
    ]);
  });

  it("checks required, order and dependsOn name declared inputs, and the invocation method's required keys", async () => {
    const body = selfService("deploy", { invocationMethod: { type: "GITHUB", org: "acme" } });
    body.trigger.userInputs = { properties: { name: { type: "string", dependsOn: ["region"] } }, required: ["nme"], order: ["name", "zone"] } as never;
    const res = await h.post("/v1/actions", body);
    expect(problemPaths(res.body)).toEqual([
      "/trigger/userInputs/properties/name/dependsOn/0",
      "/trigger/userInputs/required/0",
      "/trigger/userInputs/order/1",
      "/invocationMethod/repo",
      "/invocationMethod/workflow",
    ]);
  });

  it("requires the blueprint of an entity event and the watched action of a run event to exist", async () => {
    const entity = await h.post("/v1/actions", automation("a", { type: "ENTITY_UPDATED", blueprintIdentifier: "gone" }));
    expect(entity.body.details.errors).toEqual([{ path: "/trigger/event/blueprintIdentifier", message: 'names blueprint "gone", which does not exist' }]);
    const run = await h.post("/v1/actions", automation("b", { type: "RUN_CREATED", actionIdentifier: "deploy" }));
    expect(run.body.details.errors).toEqual([{ path: "/trigger/event/actionIdentifier", message: 'names action "deploy", which does not exist' }]);
    const timer = await h.post("/v1/actions", automation("c", { type: "TIMER_PROPERTY_EXPIRED", blueprintIdentifier: "svc", propertyIdentifier: "ttll" }));
    expect(timer.body.details.errors).toEqual([{ path: "/trigger/event/propertyIdentifier", message: 'names property "ttll", which blueprint "svc" does not have' }]);
    expect((await h.post("/v1/actions", automation("d", { type: "TIMER_PROPERTY_EXPIRED", blueprintIdentifier: "svc", propertyIdentifier: "ttl" }))).status).toBe(201);
  });

  it("refuses a duplicate identifier, across actions and automations, with 409", async () => {
    await h.post("/v1/actions", selfService("deploy"));
    const res = await h.post("/v1/actions", automation("deploy", { type: "ENTITY_CREATED", blueprintIdentifier: "svc" }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: "identifier_taken", details: { resource: "Action", identifier: "deploy" } });
  });

  it("replaces the document on PUT, keeping id and creation meta, ignoring server fields sent back", async () => {
    const created = (await h.post("/v1/actions", selfService("deploy", { description: "old" }))).body.action;
    const res = await h.put("/v1/actions/deploy", { ...created, title: "New", description: undefined, id: "action_other", createdBy: "someone" });
    expect(res.status).toBe(200);
    expect(res.body.action).toMatchObject({ title: "New", id: created.id, createdBy: created.createdBy, createdAt: created.createdAt });
    expect(res.body.action.description).toBeUndefined();
  });

  it("refuses renaming through PUT and answers 404 for an unknown action", async () => {
    await h.post("/v1/actions", selfService("deploy"));
    expect((await h.put("/v1/actions/deploy", selfService("ship"))).status).toBe(422);
    const missing = await h.put("/v1/actions/nope", selfService("nope"));
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Action with identifier "nope" was not found');
  });

  it("deletes an action, then answers 404", async () => {
    await h.post("/v1/actions", selfService("deploy"));
    expect((await h.delete("/v1/actions/deploy")).body).toEqual({ ok: true });
    expect((await h.get("/v1/actions/deploy")).status).toBe(404);
    expect((await h.delete("/v1/actions/deploy")).status).toBe(404);
  });

  it("follows a blueprint rename, and deletes the actions bound to a deleted blueprint with delete_actions=true", async () => {
    await h.post("/v1/actions", selfService("deploy"));
    await h.post("/v1/actions", automation("notify", { type: "ENTITY_CREATED", blueprintIdentifier: "svc" }));
    await h.put("/v1/blueprints/svc", blueprintBody("service"));
    expect((await h.get("/v1/actions/deploy")).body.action.trigger.blueprintIdentifier).toBe("service");
    expect((await h.get("/v1/actions/notify")).body.action.trigger.event.blueprintIdentifier).toBe("service");
    await h.delete("/v1/blueprints/service?delete_actions=true");
    expect((await h.get("/v1/actions")).body.actions).toEqual([]);
  });

  it("keeps the actions bound to a blueprint deleted without delete_actions", async () => {
    await h.post("/v1/actions", selfService("deploy"));
    await h.post("/v1/blueprints", blueprintBody("other"));
    await h.post("/v1/actions", selfService("scale", { trigger: { ...selfService("scale").trigger, blueprintIdentifier: "other" } }));
    expect((await h.delete("/v1/blueprints/svc")).status).toBe(200);
    expect((await h.delete("/v1/blueprints/other?delete_actions=false")).status).toBe(200);
    expect((await h.get("/v1/actions")).body.actions.map((a: { identifier: string }) => a.identifier)).toEqual(["deploy", "scale"]);
  });

  it("serves actions saved in the state file after a restart, and none after a reset", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "actions-state-")), "state.json");
    const first = await Harness.start({ stateFile });
    await first.post("/v1/blueprints", blueprintBody("svc"));
    await first.post("/v1/actions", selfService("deploy"));
    await first.close();
    const second = await Harness.start({ stateFile });
    try {
      expect((await second.get("/v1/actions/deploy")).status).toBe(200);
      second.emulator.reset();
      expect((await second.get("/v1/actions")).body.actions).toEqual([]);
      expect((await second.get("/v1/actions/deploy")).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
