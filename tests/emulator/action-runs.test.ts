import { blueprintBody, Harness } from "./emulator-harness";

// Action runs: a run is created once per POST, starts IN_PROGRESS (or waits for approval), and a final status sticks.
const deploy = (extra: Record<string, unknown> = {}) => ({
  identifier: "deploy",
  title: "Deploy",
  trigger: {
    type: "self-service",
    operation: "DAY-2",
    blueprintIdentifier: "svc",
    userInputs: { properties: { version: { type: "string" }, replicas: { type: "number" }, env: { type: "string", enum: ["dev", "prod"] } }, required: ["version"] },
  },
  invocationMethod: { type: "WEBHOOK", url: "https://example.com/deploy" },
  ...extra,
});

describe("Port emulator action runs", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
    await h.post("/v1/blueprints", blueprintBody("svc"));
    await h.post("/v1/blueprints/svc/entities", { identifier: "checkout", title: "Checkout", properties: {} });
  });
  afterEach(() => h.close());

  it("answers 202 with one run IN_PROGRESS, readable by id and listed once", async () => {
    await h.post("/v1/actions", deploy());
    const res = await h.post("/v1/actions/deploy/runs", { properties: { version: "1.2.3", env: "prod" }, entity: "checkout" });
    expect(res.status).toBe(202);
    expect(res.body.run).toMatchObject({
      id: expect.stringMatching(/^r_[0-9a-f]{16}$/),
      status: "IN_PROGRESS",
      action: { identifier: "deploy", title: "Deploy", deleted: false },
      blueprint: { identifier: "svc", deleted: false },
      entity: { identifier: "checkout", title: "Checkout", deleted: false },
      properties: { version: "1.2.3", env: "prod" },
      source: "API",
      requiredApproval: false,
      createdBy: "emulator-client-id",
    });
    expect((await h.get(`/v1/actions/runs/${res.body.run.id}`)).body).toEqual({ ok: true, run: res.body.run });
    const list = await h.get("/v1/actions/runs?action=deploy");
    expect(list.body.runs.map((r: { id: string }) => r.id)).toEqual([res.body.run.id]);
  });

  it("waits for approval when the action requires it", async () => {
    await h.post("/v1/actions", deploy({ requiredApproval: { type: "ANY" } }));
    const res = await h.post("/v1/actions/deploy/runs", { properties: { version: "1" }, entity: "checkout" });
    expect(res.body.run).toMatchObject({ status: "WAITING_FOR_APPROVAL", requiredApproval: { type: "ANY" } });
  });

  it("checks the inputs: declared, typed, in the enum, required given", async () => {
    await h.post("/v1/actions", deploy());
    const res = await h.post("/v1/actions/deploy/runs", { properties: { replicas: "3", env: "staging", colour: "red" }, entity: "checkout" });
    expect(res.status).toBe(422);
    expect(res.body.details.errors).toEqual([
      { path: "/properties/replicas", message: "must be number (got string)" },
      { path: "/properties/env", message: 'must be equal to one of the allowed values (got "staging")', allowedValues: ["dev", "prod"] },
      { path: "/properties/colour", message: 'is not an input of action "deploy" (inputs: version, replicas, env)' },
      { path: "/properties/version", message: "is required" },
    ]);
    expect((await h.get("/v1/actions/runs")).body.runs).toEqual([]);
  });

  it("requires properties, even empty, and refuses other keys, as the published request schema does", async () => {
    await h.post("/v1/actions", deploy({ trigger: { ...deploy().trigger, userInputs: { properties: {} } } }));
    const res = await h.post("/v1/actions/deploy/runs", { entity: "checkout", inputs: {} });
    expect(res.status).toBe(422);
    expect(res.body.details.errors.map((e: { path: string }) => e.path)).toEqual(["/inputs", "/properties"]);
    expect((await h.post("/v1/actions/deploy/runs", { properties: {}, entity: "checkout" })).status).toBe(202);
  });

  it("runs a self-service action whose publish is false: publish matters only for automations", async () => {
    await h.post("/v1/actions", deploy({ publish: false }));
    const res = await h.post("/v1/actions/deploy/runs", { properties: { version: "1" }, entity: "checkout" });
    expect(res.status).toBe(202);
    expect(res.body.run.status).toBe("IN_PROGRESS");
  });

  it("needs an existing entity for a DAY-2 action and refuses to run an automation", async () => {
    await h.post("/v1/actions", deploy());
    expect((await h.post("/v1/actions/deploy/runs", { properties: { version: "1" } })).status).toBe(422);
    const missing = await h.post("/v1/actions/deploy/runs", { properties: { version: "1" }, entity: "nope" });
    expect(missing.status).toBe(404);
    await h.post("/v1/actions", {
      identifier: "notify",
      trigger: { type: "automation", event: { type: "RUN_CREATED", actionIdentifier: "deploy" } },
      invocationMethod: { type: "KAFKA" },
    });
    const automation = await h.post("/v1/actions/notify/runs", { properties: {} });
    expect(automation.status).toBe(422);
    expect(automation.body.message).toBe('"notify" is an automation: it runs on its event and cannot be run through the API');
  });

  it("records progress with PATCH, and a final status cannot change again", async () => {
    await h.post("/v1/actions", deploy());
    const run = (await h.post("/v1/actions/deploy/runs", { properties: { version: "1" }, entity: "checkout" })).body.run;
    const progress = await h.patch(`/v1/actions/runs/${run.id}`, { statusLabel: "Building", link: "https://ci.example.com/1" });
    expect(progress.body.run).toMatchObject({ status: "IN_PROGRESS", statusLabel: "Building", link: ["https://ci.example.com/1"], endedAt: null });
    const done = await h.patch(`/v1/actions/runs/${run.id}`, { status: "SUCCESS", summary: "Deployed" });
    expect(done.body.run).toMatchObject({ status: "SUCCESS", summary: "Deployed", endedAt: expect.any(String) });
    const again = await h.patch(`/v1/actions/runs/${run.id}`, { status: "FAILURE" });
    expect(again.status).toBe(422);
    expect(again.body.error).toBe("run_status_final");
    expect((await h.patch(`/v1/actions/runs/${run.id}`, { status: "DONE" })).status).toBe(422);
  });

  it("keeps runs of a deleted action, marked as deleted", async () => {
    await h.post("/v1/actions", deploy());
    const run = (await h.post("/v1/actions/deploy/runs", { properties: { version: "1" }, entity: "checkout" })).body.run;
    await h.delete("/v1/actions/deploy");
    expect((await h.get(`/v1/actions/runs/${run.id}`)).body.run.action.deleted).toBe(true);
    expect((await h.get("/v1/actions/runs/r_unknown")).status).toBe(404);
  });
});
