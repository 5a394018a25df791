import * as fs from "fs";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { createAction } from "../../kinds/action/client";
import { createBlueprint } from "../../kinds/blueprint/client";
import { getIntegration, updateIntegrationConfig } from "../../kinds/integration/client";
import { createWebhook } from "../../kinds/webhook/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { exportedStack, portSteps, writesOf } from "./exported-program";

// Actions, automations, webhooks and an integration's mapping, built by hand through the API,
// exported to a program and run as a new stack against the same org through the real CLI.
jest.setTimeout(300_000);

const credentials = { clientId: "export-actions", clientSecret: "export-actions-secret" };
const WEBHOOK_SECRET = "whsec-export-3f9a1c";

const GITHUB_CONFIG = {
  repositoryType: "all",
  deleteDependentEntities: true,
  resources: [
    {
      kind: "repository",
      selector: { query: "true" },
      port: { entity: { mappings: { identifier: ".name", title: ".name", blueprint: '"service"', properties: { url: ".html_url" } } } },
    },
    {
      kind: "pull-request",
      selector: { query: '.state == "open"' },
      port: { entity: { mappings: [{ identifier: ".id | tostring", blueprint: '"pull_request"', properties: {} }] } },
    },
  ],
};

describe("Exporting an org's actions, automations, webhooks and integration mappings", () => {
  let emulator: RunningEmulator;
  let exported: Awaited<ReturnType<typeof exportedStack>>;
  const read = (file: string) => fs.readFileSync(path.join(exported.dir, file), "utf8");

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      credentials: [credentials],
      integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
    });
    const client = new PortClient({ baseUrl: emulator.url, ...credentials });
    await createBlueprint(client, {
      identifier: "service",
      title: "Service",
      schema: {
        properties: { url: { type: "string", format: "url", title: "URL" }, expiresAt: { type: "string", format: "timer", title: "Expires at" } },
        required: [],
      },
    });
    await createBlueprint(client, { identifier: "pull_request", title: "Pull request", schema: { properties: {}, required: [] } });

    // A DAY-2 action with inputs (one an entity input of the blueprint) and a webhook invocation.
    await createAction(client, {
      identifier: "deploy",
      title: "Deploy",
      icon: "Rocket",
      trigger: {
        type: "self-service",
        operation: "DAY-2",
        blueprintIdentifier: "service",
        userInputs: {
          properties: {
            version: { type: "string", title: "Version" },
            dependsOnService: { type: "string", format: "entity", blueprint: "service", title: "After" },
          },
          required: ["version"],
          order: ["version", "dependsOnService"],
        },
        condition: { type: "SEARCH", combinator: "and", rules: [{ property: "url", operator: "isNotEmpty" }] },
      },
      invocationMethod: {
        type: "WEBHOOK",
        url: "https://deploy.example.com/run",
        synchronized: true,
        method: "POST",
        headers: { Authorization: "Bearer {{ .secrets.deployToken }}" },
        body: { version: "{{ .inputs.version }}", service: "{{ .entity.identifier }}" },
      },
      requiredApproval: false,
      publish: true,
    });
    // A CREATE action whose form has steps, upserting the entity itself.
    await createAction(client, {
      identifier: "register_service",
      title: "Register a service",
      trigger: {
        type: "self-service",
        operation: "CREATE",
        blueprintIdentifier: "service",
        userInputs: {
          properties: { name: { type: "string", title: "Name" }, url: { type: "string", format: "url", title: "URL" } },
          required: ["name"],
          steps: [
            { title: "Name", order: ["name"] },
            { title: "Links", order: ["url"] },
          ],
        },
      },
      invocationMethod: {
        type: "UPSERT_ENTITY",
        blueprintIdentifier: "service",
        mapping: { identifier: "{{ .inputs.name }}", title: "{{ .inputs.name }}", properties: { url: "{{ .inputs.url }}" } },
      },
    });
    // A timer automation on the blueprint, and one watching the deploy action's runs.
    await createAction(client, {
      identifier: "expire_service",
      title: "Expire service",
      trigger: {
        type: "automation",
        event: { type: "TIMER_PROPERTY_EXPIRED", blueprintIdentifier: "service", propertyIdentifier: "expiresAt" },
        condition: { type: "JQ", expressions: [".diff.after.properties.url != null"], combinator: "and" },
      },
      invocationMethod: { type: "KAFKA", payload: { service: "{{ .event.diff.after.identifier }}" } },
      publish: true,
    });
    await createAction(client, {
      identifier: "deploy_finished",
      title: "Deploy finished",
      trigger: { type: "automation", event: { type: "RUN_UPDATED", actionIdentifier: "deploy" } },
      invocationMethod: { type: "WEBHOOK", url: "https://notify.example.com/deploys" },
    });

    // A signed webhook (its secret must not reach the code) and an unsigned one deduplicating requests.
    await createWebhook(client, {
      identifier: "github",
      title: "GitHub",
      enabled: true,
      security: { secret: WEBHOOK_SECRET, signatureHeaderName: "X-Hub-Signature-256", signatureAlgorithm: "sha256", signaturePrefix: "sha256=" },
      mappings: [
        {
          blueprint: "service",
          filter: '.headers."x-github-event" == "push"',
          entity: { identifier: ".body.repository.name", title: ".body.repository.name", properties: { url: ".body.repository.html_url" } },
        },
        { blueprint: "service", filter: '.headers."x-github-event" == "delete"', operation: "delete", entity: { identifier: ".body.repository.name" } },
      ],
    });
    await createWebhook(client, {
      identifier: "alerts",
      title: "Alerts",
      enabled: false,
      security: { requestIdentifierPath: ".body.id" },
      mappings: [{ blueprint: "pull_request", itemsToParse: ".body.items", entity: { identifier: ".item.id" } }],
    });
    await updateIntegrationConfig(client, "github-ocean", GITHUB_CONFIG);

    // Only the kinds under test (and the blueprints they refer to), so other kinds' objects do not enter the counts.
    exported = await exportedStack(emulator, credentials, { name: "export-actions", kinds: new Set(["blueprints", "actions", "automations", "webhooks", "integrations"]) });
  });

  afterAll(async () => {
    exported?.remove();
    await emulator?.close();
  });

  it("writes a program that compiles under tsc with its own tsconfig", () => {
    expect(exported.files().filter((f) => f.endsWith(".ts"))).toEqual(["actions.ts", "blueprints.ts", "index.ts", "ingestion.ts"]);
    exported.typecheck();
  });

  it("refers to blueprints and actions by variable, and writes no webhook secret", () => {
    const actions = read("actions.ts");
    expect(actions).toContain('const deploy = new Action("deploy"');
    expect(actions).toContain("blueprint: blueprints.service,");
    expect(actions).toMatch(/dependsOnService: \{ type: "string", format: "entity", blueprint: blueprints\.service, title: "After" \}/);
    expect(actions).toContain('steps: [{ title: "Name", order: ["name"] }, { title: "Links", order: ["url"] }]');
    expect(actions).toMatch(/type: "UPSERT_ENTITY",\s+blueprint: blueprints\.service,/);
    expect(actions).toContain('const expireService = new Automation("expire_service"');
    expect(actions).toContain('event: { type: "TIMER_PROPERTY_EXPIRED", propertyIdentifier: "expiresAt", blueprint: blueprints.service }');
    expect(actions).toContain('event: { type: "RUN_UPDATED", action: deploy }');

    const ingestion = read("ingestion.ts");
    expect(ingestion).toMatch(/blueprint: blueprints\.service,/);
    expect(ingestion).toContain('security: { requestIdentifierPath: ".body.id" }');
    expect(ingestion).toContain("// Port holds a signing secret for this webhook: `security` is left out, so Port keeps it as it is. To manage it here,");
    expect(ingestion).toContain('new IntegrationMapping("github-ocean"');
    expect(ingestion).toContain('repositoryType: "all"');
    expect(ingestion).toContain("blueprint: blueprints.pullRequest");
    for (const file of fs.readdirSync(exported.dir)) expect(read(file)).not.toContain(WEBHOOK_SECRET);
  });

  it("previews every object as an adoption, writing nothing", async () => {
    emulator.resetStats();
    const steps = portSteps(await exported.stack.previewJson());
    expect(steps.filter(([op, , adopt]) => !(op === "create" && adopt))).toEqual([]);
    expect(steps.map(([, kind]) => kind).sort()).toEqual(["Action", "Action", "Action", "Action", "Blueprint", "Blueprint", "Integration", "Webhook", "Webhook"]);
    expect(writesOf(emulator)).toEqual([]);
  });

  it("adopts them on up with no write to Port, then previews no change", async () => {
    const client = new PortClient({ baseUrl: emulator.url, ...credentials });
    const before = await getIntegration(client, "github-ocean");
    emulator.resetStats();
    await exported.stack.ok(["up", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual([]);
    expect((await getIntegration(client, "github-ocean"))!.config).toEqual(before!.config);
    expect(before!.config).toEqual(GITHUB_CONFIG);
    expect(portSteps(await exported.stack.previewJson())).toEqual([]);
  });
});
