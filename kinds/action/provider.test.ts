import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "../blueprint/client";
import { getAction, replaceAction, runAction, updateActionRun } from "./client";
import { createEntity } from "../entity/client";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { actionLogic } from "./provider";

// The Action provider's logic (actions and automations) against the emulator over real HTTP.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

beforeEach(async () => {
  await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: { health: { type: "string" } } } });
  emulator.resetStats();
});

const deploySpec = {
  identifier: "deploy",
  title: "Deploy",
  description: "Ships it.",
  trigger: {
    type: "self-service",
    operation: "DAY-2",
    blueprintIdentifier: "service",
    userInputs: {
      properties: { version: { type: "string" }, env: { type: "string", enum: ["dev", "prod"] }, notes: { type: "string", dependsOn: ["version", "env"] } },
      required: ["version", "env"],
    },
  },
  invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com/{{ .inputs.env }}", body: { version: "{{ .inputs.version }}" } },
};

const notifySpec = {
  identifier: "notify",
  trigger: {
    type: "automation",
    event: { type: "ENTITY_UPDATED", blueprintIdentifier: "service" },
    condition: { type: "JQ", expressions: ['.diff.after.properties.health == "Degraded"'] },
  },
  invocationMethod: { type: "KAFKA", payload: { service: "{{ .event.context.entityIdentifier }}" } },
  publish: true,
};

async function checked(spec: Record<string, unknown>) {
  const result = await actionLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("Action provider", () => {
  it("creates an action and an automation, recording the keys the code manages", async () => {
    const action = await actionLogic.create(client, await checked(deploySpec));
    expect(action.id).toBe("deploy");
    expect(action.outs.managedKeys).toEqual(["description", "identifier", "invocationMethod", "title", "trigger"]);
    expect(action.outs.id).toMatch(/^action_/);
    const automation = await actionLogic.create(client, await checked(notifySpec));
    expect(automation.id).toBe("notify");
    expect((await getAction(client, "notify"))?.trigger).toEqual(notifySpec.trigger);
  });

  it("finds no change when the spec matches Port, whatever the order of keys and of unordered lists", async () => {
    const { outs } = await actionLogic.create(client, await checked(deploySpec));
    const reordered = structuredClone(deploySpec);
    reordered.trigger.userInputs.required = ["env", "version"];
    reordered.trigger.userInputs.properties.notes.dependsOn = ["env", "version"];
    expect(await actionLogic.diff("deploy", outs, await checked(reordered))).toEqual({ changes: false });
  });

  it("finds a change for a new title, and a replacement for a new identifier", async () => {
    const { outs } = await actionLogic.create(client, await checked(deploySpec));
    expect(await actionLogic.diff("deploy", outs, await checked({ ...deploySpec, title: "Ship" }))).toEqual({ changes: true });
    expect(await actionLogic.diff("deploy", outs, await checked({ ...deploySpec, identifier: "ship" }))).toEqual({ changes: true, replaces: ["identifier"] });
  });

  it("keeps a key added in Port's UI and removes one the code stopped declaring", async () => {
    const { outs } = await actionLogic.create(client, await checked(deploySpec));
    const inPort = (await getAction(client, "deploy"))!;
    await replaceAction(client, "deploy", { ...inPort, approvalNotification: { type: "email" } });
    const { props } = await actionLogic.read(client, "deploy", outs);

    const { description: _dropped, ...withoutDescription } = deploySpec;
    const spec = await checked(withoutDescription);
    expect(await actionLogic.diff("deploy", props!, spec)).toEqual({ changes: true });
    const { outs: updated } = await actionLogic.update(client, "deploy", props!, spec);
    const after = (await getAction(client, "deploy"))!;
    expect(after.approvalNotification).toEqual({ type: "email" });
    expect(after.description).toBeUndefined();
    expect(await actionLogic.diff("deploy", updated, spec)).toEqual({ changes: false });
  });

  it("reads what Port holds, so refresh sees drift, and reports a deleted action as gone", async () => {
    const { outs } = await actionLogic.create(client, await checked(deploySpec));
    await replaceAction(client, "deploy", { ...(await getAction(client, "deploy"))!, title: "Edited in Port" });
    const read = await actionLogic.read(client, "deploy", outs);
    expect(read.props?.title).toBe("Edited in Port");
    expect(read.props?.managedKeys).toEqual(outs.managedKeys);
    expect(await actionLogic.diff("deploy", read.props!, await checked(deploySpec))).toEqual({ changes: true });
    await actionLogic.delete(client, "deploy", outs);
    expect(await actionLogic.read(client, "deploy", outs)).toEqual({});
  });

  it("treats deleting an action that is already gone as done", async () => {
    await expect(actionLogic.delete(client, "never-existed", {})).resolves.toBeUndefined();
  });

  it("retries after injected 429 and 500 answers and then succeeds", async () => {
    emulator.setFaults({ failNext: { count: 1, status: 429 } });
    const { outs } = await actionLogic.create(client, await checked(notifySpec));
    emulator.setFaults({ failNext: { count: 2, status: 500 } });
    await actionLogic.update(client, "notify", outs, await checked({ ...notifySpec, title: "Notify" }));
    expect((await getAction(client, "notify"))?.title).toBe("Notify");
  });

  it("gives a clear error when Port refuses the document with 422", async () => {
    const spec = await checked({ ...deploySpec, trigger: { ...deploySpec.trigger, blueprintIdentifier: "does_not_exist" } });
    const error = await actionLogic.create(client, spec).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.status).toBe(422);
    expect(error.message).toContain('/trigger/blueprintIdentifier names blueprint "does_not_exist", which does not exist');
  });

  it("fails check for bad input with the field and the fix, naming the kind, without any request", async () => {
    const action = await actionLogic.check({}, { ...deploySpec, trigger: { ...deploySpec.trigger, operation: "DAY2" } });
    expect(action.failures).toEqual([
      {
        property: "trigger",
        reason: 'Action "deploy": field trigger.operation: "DAY2" is not an operation; allowed: CREATE, DAY-2, DELETE. Did you mean "DAY-2"? Fix the operation.',
      },
    ]);
    const automation = await actionLogic.check({}, { ...notifySpec, trigger: { ...notifySpec.trigger, event: { type: "ENTITY_UPDATED" } } });
    expect(automation.failures?.map((f) => f.reason)).toEqual(['Automation "notify": field trigger.event.blueprintIdentifier: is required but missing. Add a string.']);
    expect(emulator.stats().requests).toBe(0);
  });

  it("fails check when a template or a condition does not compile, naming the field", async () => {
    const badTemplate = await actionLogic.check({}, { ...deploySpec, invocationMethod: { ...deploySpec.invocationMethod, body: { version: "{{ .inputs.version | }}" } } });
    expect(badTemplate.failures).toHaveLength(1);
    expect(badTemplate.failures![0].property).toBe("invocationMethod");
    expect(badTemplate.failures![0].reason).toMatch(/^Action "deploy": field invocationMethod\.body\.version: JQ "\.inputs\.version \|" does not compile: /);
    const badCondition = await actionLogic.check({}, { ...notifySpec, trigger: { ...notifySpec.trigger, condition: { type: "JQ", expressions: [".diff.after.(health"] } } });
    expect(badCondition.failures![0].reason).toMatch(/^Automation "notify": field trigger\.condition\.expressions\[0\]: JQ "\.diff\.after\.\(health" does not compile/);
    const badJqQuery = await actionLogic.check(
      {},
      {
        ...deploySpec,
        trigger: { ...deploySpec.trigger, userInputs: { properties: { env: { type: "string", default: { jqQuery: ".entity.properties.env | nosuchfn" } } } } },
      },
    );
    expect(badJqQuery.failures![0].reason).toBe(
      'Action "deploy": field trigger.userInputs.properties.env.default.jqQuery: JQ ".entity.properties.env | nosuchfn" does not compile: nosuchfn/0 is not defined. Fix the expression.',
    );
    expect(emulator.stats().requests).toBe(0);
  });
});

describe("Action provider, deleting an action with runs in progress", () => {
  const ALLOW = "__allowDataLoss";

  beforeEach(async () => {
    await createEntity(client, "service", { identifier: "api" });
  });

  it("refuses, with the count and the fix, while a run is in progress, and deletes nothing", async () => {
    const { outs } = await actionLogic.create(client, (await actionLogic.check({}, deploySpec)).inputs!);
    await runAction(client, "deploy", { properties: { version: "1.2", env: "dev" }, entity: "api" });
    await expect(actionLogic.delete(client, "deploy", outs)).rejects.toThrow(
      'Action "deploy" has 1 run in progress or waiting for approval, which deleting it would cut off from their action. Let them finish first, or set allowDataLoss: { deleteWithRunsInProgress: true } on it (and apply that) before removing it.',
    );
    expect(await getAction(client, "deploy")).toBeDefined();
  });

  it("applies allowDataLoss alone as an update that writes nothing to Port, then deletes despite the run", async () => {
    const { outs } = await actionLogic.create(client, (await actionLogic.check({}, deploySpec)).inputs!);
    await runAction(client, "deploy", { properties: { version: "1.2", env: "dev" }, entity: "api" });
    const allowed = (await actionLogic.check(outs, { ...deploySpec, [ALLOW]: { deleteWithRunsInProgress: true } })).inputs!;
    expect(await actionLogic.diff("deploy", outs, allowed)).toEqual({ changes: true });
    emulator.resetStats();
    const { outs: updated } = await actionLogic.update(client, "deploy", outs, allowed);
    expect(emulator.stats().writes).toBe(0);
    await actionLogic.delete(client, "deploy", updated);
    expect(await getAction(client, "deploy")).toBeUndefined();
  });

  it("deletes an action whose runs have all ended", async () => {
    const { outs } = await actionLogic.create(client, (await actionLogic.check({}, deploySpec)).inputs!);
    const run = await runAction(client, "deploy", { properties: { version: "1.2", env: "dev" }, entity: "api" });
    await updateActionRun(client, run.id, { status: "SUCCESS" });
    await actionLogic.delete(client, "deploy", outs);
    expect(await getAction(client, "deploy")).toBeUndefined();
  });
});
