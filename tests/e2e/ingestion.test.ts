import * as fs from "fs";
import { orgBlueprints } from "../support/org-blueprints";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { createEntity, getEntity, listEntities } from "../../kinds/entity/client";
import { getIntegration, updateIntegrationConfig } from "../../kinds/integration/client";
import { getWebhook, listWebhooks, replaceWebhook } from "../../kinds/webhook/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// The guide's ingestion through the real Pulumi CLI: a GitHub webhook, the mapping of an
// installed GitHub integration (adopted, then given back), and seed environments.
jest.setTimeout(600_000);

const CLIENT_ID = "e2e-ingestion";
const CLIENT_SECRET = "e2e-ingestion-secret-8b2c";
const WEBHOOK_SECRET = "github-webhook-secret-e61f0a";
const INSTALLATION_ID = "github-ocean-e2e";

/** The installation's mapping before the stack adopts it (with a key of GitHub's own). */
const ORIGINAL_CONFIG = {
  repositoryType: "all",
  resources: [{ kind: "repository", selector: { query: "true" }, port: { entity: { mappings: { identifier: ".name", blueprint: '"repository"' } } } }],
};

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** The stack's checkpoint file in the file backend. */
type StateResource = { urn: string; type: string; inputs?: any; outputs?: any; dependencies?: string[] };
function checkpoint(stack: PulumiStack): { checkpoint: { latest: { resources: StateResource[] } } } {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === `${stack.stack}.json` && full.includes(`${path.sep}stacks${path.sep}`)) found.push(full);
    }
  };
  walk(stack.stateDir);
  expect(found).toHaveLength(1);
  return JSON.parse(fs.readFileSync(found[0], "utf8"));
}

/** A webhook as Port's PUT takes it (no key, URL or meta). */
async function webhookBody(client: PortClient) {
  const { webhookKey, url, createdAt, createdBy, updatedAt, updatedBy, ...body } = (await getWebhook(client, "github"))!;
  return body as { identifier: string; title: string; [key: string]: unknown };
}

describe("Ingestion end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
      integrations: [{ installationId: INSTALLATION_ID, installationAppType: "github-ocean", title: "GitHub", config: ORIGINAL_CONFIG }],
    });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    stack = new PulumiStack("ingestion");
    await stack.init(
      { "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, githubInstallationId: INSTALLATION_ID, variant: "base" },
      { "port:clientSecret": CLIENT_SECRET, githubWebhookSecret: WEBHOOK_SECRET },
    );
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("brings up the webhook with its mappings, the integration mapping and the seed environments", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);

    const webhook = (await getWebhook(client, "github"))!;
    expect(webhook.security).toEqual({
      secret: WEBHOOK_SECRET,
      signatureHeaderName: "X-Hub-Signature-256",
      signatureAlgorithm: "sha256",
      signaturePrefix: "sha256=",
      requestIdentifierPath: '.headers."x-github-delivery"',
    });
    const mappings = webhook.mappings as { blueprint: string; operation?: unknown }[];
    expect(mappings.map((m) => m.blueprint)).toEqual(["service", "githubRepository", "githubRepository", "githubRepository"]);
    expect(mappings[3].operation).toEqual({ type: "delete", deleteDependents: false });
    const outputs = JSON.parse((await stack.ok(["stack", "output", "--json"])).stdout);
    expect(outputs.webhookUrl).toBe(webhook.url);
    expect(outputs.webhookKey).toBe(webhook.webhookKey);
    expect(outputs.integrationType).toBe("github-ocean");

    const config = (await getIntegration(client, INSTALLATION_ID))!.config as Record<string, any>;
    expect(config.repositoryType).toBe("all"); // the integration's own key, kept
    expect(config.entityDeletionThreshold).toBe(0.5);
    expect(config.resources.map((r: { kind: string }) => r.kind)).toEqual(["repository", "pull-request"]);
    expect(config.resources[0].port.entity.mappings.map((m: { blueprint: string }) => m.blueprint)).toEqual(['"service"', '"githubRepository"']);

    const environments = await listEntities(client, "environment");
    expect(environments.map((e) => e.identifier).sort()).toEqual(["development", "production", "qa", "staging"]);
    expect((await getEntity(client, "environment", "qa"))?.relations).toEqual({ cluster: "eu-west" });
    expect((await getEntity(client, "environment", "production"))?.properties).toEqual({ type: "production", region: "eu-west-1" });
    expect(outputs.environmentIdentifiers).toEqual(["development", "staging", "production"]);
  });

  it("keeps the webhook's security encrypted in state, inputs and outputs", () => {
    const resources = checkpoint(stack).checkpoint.latest.resources;
    const webhook = resources.find((r) => r.type === "pulumi-nodejs:dynamic/port:Webhook")!;
    expect(webhook.inputs.security[SECRET_SIG]).toBeDefined();
    expect(webhook.outputs.security[SECRET_SIG]).toBeDefined();
    expect(typeof webhook.outputs.security.ciphertext).toBe("string");
    expect(stack.stateText()).not.toContain(WEBHOOK_SECRET);
  });

  it("writes a seed entity only after its blueprint's relations, including those added in the blueprint's second step", () => {
    const resources = checkpoint(stack).checkpoint.latest.resources;
    const qa = resources.find((r) => r.type === "pulumi-nodejs:dynamic/port:Entity" && r.urn.endsWith("::environment-qa"))!;
    const relations = resources.find((r) => r.type === "pulumi-nodejs:dynamic/port:BlueprintRelations" && r.urn.endsWith("::environment-relations"))!;
    expect(qa.dependencies).toContain(relations.urn);
  });

  it("previews no changes and makes no write request on a second preview", async () => {
    emulator.resetStats();
    const digest = await stack.previewJson();
    expect(changingSteps(digest)).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("reports changes made directly through the API on refresh, and the next preview restores them", async () => {
    await replaceWebhook(client, "github", { ...(await webhookBody(client)), title: "GitHub (edited in Port)" });
    const { createdAt, createdBy, updatedAt, updatedBy, blueprint, ...production } = (await getEntity(client, "environment", "production"))!;
    await createEntity(client, "environment", { ...production, properties: { type: "production", region: "us-east-1" } }, { upsert: true });
    const config = (await getIntegration(client, INSTALLATION_ID))!.config as Record<string, any>;
    await updateIntegrationConfig(client, INSTALLATION_ID, { ...config, resources: config.resources.slice(0, 1) });

    const refresh = await stack.ok(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/~ pulumi-nodejs:dynamic\/port:Webhook: \(update\)\s+\[id=github\]/);
    expect(refresh.stdout).toMatch(/~ title\s*: "GitHub events" => "GitHub \(edited in Port\)"/);
    expect(refresh.stdout).toMatch(/~ pulumi-nodejs:dynamic\/port:Entity: \(update\)\s+\[id=environment\/production\]/);
    expect(refresh.stdout).toMatch(/~ region\s*: "eu-west-1" => "us-east-1"/);
    expect(refresh.stdout).toMatch(/~ pulumi-nodejs:dynamic\/port:Integration: \(update\)\s+\[id=github-ocean-e2e\]/);
    expect(refresh.stdout).toMatch(/~ 3 updated/);

    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()]).sort()).toEqual([
      ["update", "environment-production"],
      ["update", "github-integration"],
      ["update", "github-webhook"],
    ]);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect((await getWebhook(client, "github"))?.title).toBe("GitHub events");
    expect((await getEntity(client, "environment", "production"))?.properties).toEqual({ type: "production", region: "eu-west-1" });
  });

  it("removes the webhook, the entities and the blueprints on destroy, and gives the integration its own mapping back", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await listWebhooks(client)).toEqual([]);
    expect(await orgBlueprints(client)).toEqual([]);
    const integration = await getIntegration(client, INSTALLATION_ID);
    expect(integration?.config).toEqual(ORIGINAL_CONFIG);
  });

  it("never writes the webhook secret or the client secret in clear text to the state or the output", () => {
    expect(stack.runs.length).toBeGreaterThan(6);
    const state = stack.stateText();
    for (const secret of [WEBHOOK_SECRET, CLIENT_SECRET]) {
      expect(state).not.toContain(secret);
      for (const run of stack.runs) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    }
  });
});

describe("Ingestion input errors", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    stack = new PulumiStack("ingestion", "invalid");
    await stack.init(
      { "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, githubInstallationId: INSTALLATION_ID, variant: "invalid" },
      { "port:clientSecret": CLIENT_SECRET, githubWebhookSecret: WEBHOOK_SECRET },
    );
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("fails at preview on a mapping whose JQ does not compile, naming the field, without calling Port", async () => {
    emulator.resetStats();
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toMatch(
      /Webhook "broken": field mappings\[0\]\.entity\.properties\.url: JQ "\.body\.url \|" does not compile: the expression ends too early \(.*\)\. Fix the expression\./,
    );
    expect(output).not.toContain("value {map[");
    expect(emulator.stats().requests).toBe(0);
  });
});
