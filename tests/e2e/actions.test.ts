import { PortClient } from "../../core/client/port-client";
import { orgBlueprints } from "../support/org-blueprints";
import { getAction, listActions, replaceAction, runAction, updateActionRun } from "../../kinds/action/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// The guide's actions and automations through the real Pulumi CLI: our language host, the Action
// provider in Pulumi's provider process, real HTTP to the emulator, file-backed state.
jest.setTimeout(300_000);

const credentials = { clientId: "actions-e2e", clientSecret: "actions-e2e-secret-5b1c" };
const ACTIONS = ["report_incident", "request_cloud_resource", "scaffold_service"];
const AUTOMATIONS = ["incident_on_degraded_health", "notify_service_changes"];

describe("Actions and automations end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;
  let runId: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials] });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    stack = new PulumiStack("actions");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": credentials.clientId, variant: "base" }, { "port:clientSecret": credentials.clientSecret });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("creates the example actions and automations in Port on up", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const ids = async (triggerType: "self-service" | "automation") => (await listActions(client, { triggerType })).map((a) => a.identifier).sort();
    expect(await ids("self-service")).toEqual(ACTIONS);
    expect(await ids("automation")).toEqual(AUTOMATIONS);

    const request = (await getAction(client, "request_cloud_resource"))!;
    expect(request.trigger).toMatchObject({ type: "self-service", operation: "DAY-2", blueprintIdentifier: "service" });
    expect((request.trigger.userInputs as any).properties.environment).toMatchObject({ format: "entity", blueprint: "environment" });
    expect(request.requiredApproval).toEqual({ type: "ANY" });
    const report = (await getAction(client, "report_incident"))!;
    expect(report.invocationMethod).toMatchObject({ type: "UPSERT_ENTITY", blueprintIdentifier: "incident" });
    const degraded = (await getAction(client, "incident_on_degraded_health"))!;
    expect(degraded.trigger).toEqual({
      type: "automation",
      event: { type: "ENTITY_UPDATED", blueprintIdentifier: "service" },
      condition: { type: "JQ", expressions: ['.diff.before.properties.health != "Degraded"', '.diff.after.properties.health == "Degraded"'], combinator: "and" },
    });
  });

  it("previews no changes and makes no write request on a second preview", async () => {
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("runs an example action once through the API: 202 and a run IN_PROGRESS", async () => {
    const run = await runAction(client, "report_incident", { properties: { title: "Checkout is down", service: "checkout", severity: "SEV1" } });
    runId = run.id;
    expect(run.status).toBe("IN_PROGRESS");
    expect(run).toMatchObject({ action: { identifier: "report_incident" }, properties: { title: "Checkout is down", severity: "SEV1" } });
  });

  it("reports a change made directly through the API on refresh, and proposes to restore it", async () => {
    const scaffold = (await getAction(client, "scaffold_service"))!;
    await replaceAction(client, "scaffold_service", { ...scaffold, title: "Scaffold (edited in Port)" });
    const refresh = await stack.ok(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/~ pulumi-nodejs:dynamic\/port:Action: \(update\)\s+\[id=scaffold_service\]/);
    expect(refresh.stdout).toMatch(/~ title\s*: "Scaffold a new service" => "Scaffold \(edited in Port\)"/);
    expect(refresh.stdout).toMatch(/~ 1 updated/);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "scaffold-service"]]);
  });

  it("refuses to delete an action while its run is in progress, then leaves no actions, automations or blueprints once it has ended", async () => {
    const refused = await stack.run(["destroy", "--yes", "--skip-preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain('Action "report_incident" has 1 run in progress or waiting for approval');
    expect(await getAction(client, "report_incident")).toBeDefined();
    await updateActionRun(client, runId, { status: "SUCCESS" });
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await listActions(client)).toEqual([]);
    expect(await orgBlueprints(client)).toEqual([]);
  });
});

describe("Action JQ errors end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials] });
    stack = new PulumiStack("actions", "invalid-jq");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": credentials.clientId, variant: "invalid-jq" }, { "port:clientSecret": credentials.clientSecret });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("fails the preview on a template whose JQ does not compile, naming the field once, with no Go dump of the inputs and no write to Port", async () => {
    emulator.resetStats();
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    const problem = 'Action "broken_scaffold": field invocationMethod.workflowInputs.name: JQ ".inputs.name |" does not compile: the expression ends too early';
    expect(output.slice(output.indexOf("Diagnostics:")).split(problem)).toHaveLength(2);
    expect(output).not.toMatch(/value \{?map\[|has a problem: .*has a problem/);
    expect(emulator.stats().writes).toBe(0);
  });
});
