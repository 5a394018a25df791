import * as fs from "fs";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { getAction } from "../../kinds/action/client";
import { getBlueprint } from "../../kinds/blueprint/client";
import { getIntegration } from "../../kinds/integration/client";
import { getPage } from "../../kinds/page/client";
import { getScorecard } from "../../kinds/scorecard/client";
import { getWebhook } from "../../kinds/webhook/client";
import { listTeams } from "../../kinds/team/client";
import { listUsers } from "../../kinds/user/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { LOCAL_PASSPHRASE, REPO_ROOT } from "../../scripts/pulumi-env";
import type { PlanObjectRef } from "../../stacks/plan-schema";
import { defaultPlan } from "../../stacks/plan";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// The project's own program with the dev stack's committed config, through the real CLI: the
// whole default portal comes up, a second preview changes nothing, and the org holds every
// object the plan names.
jest.setTimeout(400_000);

const credentials = { clientId: "default-portal", clientSecret: "default-portal-secret" };

/** Whether the org holds the object a plan reference names. */
async function holds(client: PortClient, ref: PlanObjectRef): Promise<boolean> {
  switch (ref.kind) {
    case "Blueprint":
      return (await getBlueprint(client, ref.identifier)) !== undefined;
    case "Scorecard": {
      const [blueprint, identifier] = ref.identifier.split("/");
      return (await getScorecard(client, blueprint, identifier)) !== undefined;
    }
    case "Dashboard":
      return (await getPage(client, ref.identifier))?.type === "dashboard";
    case "Action":
    case "Automation":
      return (await getAction(client, ref.identifier)) !== undefined;
    case "Webhook":
      return (await getWebhook(client, ref.identifier)) !== undefined;
    case "Integration":
      return (await getIntegration(client, ref.identifier)) !== undefined;
    default:
      throw new Error(`no lookup for ${ref.kind}`);
  }
}

describe("The default portal end to end", () => {
  let emulator: RunningEmulator;
  let client: PortClient;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      credentials: [credentials],
      integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
    });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    stack = new PulumiStack(REPO_ROOT, "dev-default");
    // The dev stack's committed config (and its secret, under the local passphrase), for this stack.
    fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.dev.yaml"), path.join(REPO_ROOT, `Pulumi.${stack.stack}.yaml`));
    stack.env.PULUMI_CONFIG_PASSPHRASE = LOCAL_PASSPHRASE;
    await stack.ok(["stack", "init"]);
    await stack.ok(["config", "set", "port:baseUrl", emulator.url]);
    await stack.ok(["config", "set", "port:clientId", credentials.clientId]);
    await stack.ok(["config", "set", "--secret", "port:clientSecret", credentials.clientSecret]);
  });

  afterAll(async () => {
    await stack?.run(["destroy", "--yes", "--skip-preview"]);
    stack?.remove();
    await emulator?.close();
  });

  it("comes up in one run, and a second preview changes nothing", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("leaves in the org every object the plan names", async () => {
    const refs = [
      ...defaultPlan.userStories.flatMap((s) => s.implementedBy),
      ...defaultPlan.goals.flatMap((g) => g.kpis.flatMap((k) => k.measuredBy)),
      ...defaultPlan.integrations.flatMap((i) => i.implementedBy),
      ...defaultPlan.dataModel.blueprints.map((identifier) => ({ kind: "Blueprint" as const, identifier })),
    ];
    const missing: string[] = [];
    for (const ref of refs) if (!(await holds(client, ref))) missing.push(`${ref.kind} ${ref.identifier}`);
    expect(missing).toEqual([]);
    expect(refs.length).toBeGreaterThan(30);
  });

  it("holds the plan's teams and people", async () => {
    expect((await listTeams(client)).map((t) => t.name).sort()).toEqual(["platform", "product"]);
    expect((await listUsers(client)).map((u) => u.email).sort()).toEqual([
      "developer-one@example.com",
      "developer-two@example.com",
      "platform-engineer@example.com",
      "platform-lead@example.com",
    ]);
  });
});
