import { PortClient } from "../../core/client/port-client";
import { createAction } from "../../kinds/action/client";
import { createBlueprint, getBlueprint } from "../../kinds/blueprint/client";
import { createScorecard, getScorecard } from "../../kinds/scorecard/client";
import { createWebhook, getWebhook } from "../../kinds/webhook/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { summarizePreview } from "../../review/preview-summary";
import { writesOf } from "./exported-program";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// A stack that takes over objects an org already holds (made through the API, not by this
// project), through the real Pulumi CLI: it previews adoptions, writes only what differs from the
// code, then manages them; adopting what Port lacks fails and changes nothing; with
// retainOnDelete, destroy leaves them in Port.
jest.setTimeout(240_000);

const credentials = { clientId: "adopt", clientSecret: "adopt-secret" };
describe("Adopting objects an org already holds", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials] });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    await createBlueprint(client, { identifier: "adopted_service", title: "Service", schema: { properties: { readme: { type: "string", title: "README" } } } });
    await createScorecard(client, "adopted_service", {
      identifier: "readiness",
      title: "Readiness",
      rules: [{ identifier: "has_readme", title: "Has a README", level: "Bronze", query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] } }],
    } as any);
    await createAction(client, {
      identifier: "adopted_deploy",
      title: "Deploy",
      trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: "adopted_service", userInputs: { properties: {}, required: [] } },
      invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com" },
    } as any);
    await createWebhook(client, { identifier: "adopted_alerts", title: "Alerts (made by hand)", enabled: true, mappings: [] } as any);
    stack = new PulumiStack("adopt");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": credentials.clientId }, { "port:clientSecret": credentials.clientSecret });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("previews every object as an adoption, and writes nothing", async () => {
    emulator.resetStats();
    const digest = await stack.previewJson();
    const portSteps = changingSteps(digest).filter((s) => s.urn.includes("dynamic/port:"));
    expect(portSteps.map((s) => [s.op, s.newState?.inputs?.__adopt])).toEqual(Array(4).fill(["create", true]));
    expect(summarizePreview("dev", digest).split("\n")[0]).toBe("### dev: 0 to add, 0 to change, 0 to replace, 0 to delete, 4 to adopt");
    expect(writesOf(emulator)).toEqual([]);
  });

  it("takes them over on up, writing only the webhook whose title differs from the code", async () => {
    emulator.resetStats();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual(["PUT /v1/webhooks/:id x1"]);
    expect((await getWebhook(client, "adopted_alerts"))?.title).toBe("Alerts");
  });

  it("then previews no change", async () => {
    expect(changingSteps(await stack.previewJson())).toEqual([]);
  });

  it("fails naming an object Port does not hold, and changes nothing in Port", async () => {
    await stack.ok(["config", "set", "variant", "missing"]);
    emulator.resetStats();
    const run = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('Webhook "ghost" is to be adopted, but Port holds no such object. Nothing was changed in Port.');
    expect(writesOf(emulator)).toEqual([]);
    await stack.ok(["config", "set", "variant", "base"]);
  });

  it("with retainOnDelete, leaves the objects in Port on destroy", async () => {
    await stack.ok(["config", "set", "release", "true"]);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    emulator.resetStats();
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual([]);
    expect((await getBlueprint(client, "adopted_service"))?.identifier).toBe("adopted_service");
    expect((await getScorecard(client, "adopted_service", "readiness"))?.identifier).toBe("readiness");
    expect((await getWebhook(client, "adopted_alerts"))?.identifier).toBe("adopted_alerts");
  });
});
