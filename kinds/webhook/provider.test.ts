import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "../blueprint/client";
import { getWebhook, replaceWebhook } from "./client";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { webhookLogic } from "./provider";

// The Webhook provider's logic against the emulator over real HTTP.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

beforeEach(async () => {
  await createBlueprint(client, { identifier: "repository", title: "Repository", schema: { properties: { url: { type: "string" } } } });
  emulator.resetStats();
});

const githubSpec = {
  identifier: "github",
  title: "GitHub",
  security: { secret: "s3cret", signatureHeaderName: "X-Hub-Signature-256", signatureAlgorithm: "sha256" },
  mappings: [
    {
      blueprint: "repository",
      filter: '.headers."x-github-event" == "push"',
      operation: "create",
      entity: { identifier: ".body.repository.name", properties: { url: ".body.repository.html_url" } },
    },
  ],
};

async function checked(spec: Record<string, unknown>) {
  const result = await webhookLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("Webhook provider", () => {
  it("creates the webhook and returns Port's URL and key as outputs", async () => {
    const { id, outs } = await webhookLogic.create(client, await checked(githubSpec));
    expect(id).toBe("github");
    expect(outs.webhookKey).toMatch(/^[0-9a-f]{32}$/);
    expect(outs.url).toBe(`https://ingest.port.io/${outs.webhookKey}`);
    expect(outs.managedKeys).toEqual(["enabled", "identifier", "mappings", "security", "title"]);
    expect((await getWebhook(client, "github"))?.mappings).toEqual(githubSpec.mappings);
  });

  it("finds no change when Port holds the same webhook, whatever the key order or operation spelling", async () => {
    const { outs } = await webhookLogic.create(client, await checked(githubSpec));
    const inPort = (await getWebhook(client, "github"))!;
    await replaceWebhook(client, "github", {
      identifier: "github",
      title: "GitHub",
      enabled: true,
      security: { ...githubSpec.security, signaturePrefix: null },
      mappings: [{ ...githubSpec.mappings[0], operation: { type: "create" } }],
    });
    const { props } = await webhookLogic.read(client, "github", outs);
    expect(props?.webhookKey).toBe(inPort.webhookKey);
    expect(await webhookLogic.diff("github", props!, await checked(githubSpec))).toEqual({ changes: false });
  });

  it("finds a change for a new mapping and a replacement for a new identifier", async () => {
    const { outs } = await webhookLogic.create(client, await checked(githubSpec));
    const twoMappings = { ...githubSpec, mappings: [...githubSpec.mappings, { blueprint: "repository", operation: "delete", entity: { identifier: ".body.id" } }] };
    expect(await webhookLogic.diff("github", outs, await checked(twoMappings))).toEqual({ changes: true });
    expect(await webhookLogic.diff("github", outs, await checked({ ...githubSpec, identifier: "gitlab" }))).toEqual({
      changes: true,
      replaces: ["identifier"],
    });
  });

  it("updates in place, keeping the URL, a description added in Port, and removing a key the code stopped declaring", async () => {
    const { outs } = await webhookLogic.create(client, await checked({ ...githubSpec, icon: "Github" }));
    const inPort = (await getWebhook(client, "github"))!;
    const { webhookKey, url, createdAt, createdBy, updatedAt, updatedBy, ...body } = inPort;
    await replaceWebhook(client, "github", { ...body, description: "Added in Port" });
    const { props } = await webhookLogic.read(client, "github", outs);

    const disabled = await checked({ ...githubSpec, enabled: false });
    expect(await webhookLogic.diff("github", props!, disabled)).toEqual({ changes: true });
    const { outs: updated } = await webhookLogic.update(client, "github", props!, disabled);
    const after = (await getWebhook(client, "github"))!;
    expect(after.enabled).toBe(false);
    expect(after.description).toBe("Added in Port");
    expect(after.icon).toBeUndefined();
    expect(after.url).toBe(url);
    expect(updated.url).toBe(url);
    expect(await webhookLogic.diff("github", updated, disabled)).toEqual({ changes: false });
  });

  it("reads what Port holds, so refresh sees drift, and reports a deleted webhook as gone", async () => {
    const { outs } = await webhookLogic.create(client, await checked(githubSpec));
    const { webhookKey, url, createdAt, createdBy, updatedAt, updatedBy, ...body } = (await getWebhook(client, "github"))!;
    await replaceWebhook(client, "github", { ...body, title: "Edited in Port" });
    const read = await webhookLogic.read(client, "github", outs);
    expect(read.props?.title).toBe("Edited in Port");
    expect(await webhookLogic.diff("github", read.props!, await checked(githubSpec))).toEqual({ changes: true });
    await webhookLogic.delete(client, "github", outs);
    expect(await webhookLogic.read(client, "github", outs)).toEqual({});
  });

  it("treats deleting a webhook that is already gone as done", async () => {
    await expect(webhookLogic.delete(client, "never-existed", {})).resolves.toBeUndefined();
  });

  it("retries after injected 429 and 500 answers and then succeeds", async () => {
    emulator.setFaults({ failNext: { count: 1, status: 429 } });
    const { outs } = await webhookLogic.create(client, await checked(githubSpec));
    emulator.setFaults({ failNext: { count: 2, status: 500 } });
    await webhookLogic.update(client, "github", outs, await checked({ ...githubSpec, title: "GitHub 2" }));
    expect((await getWebhook(client, "github"))?.title).toBe("GitHub 2");
  });

  it("gives a clear error when Port refuses a mapping to a blueprint it does not have", async () => {
    const spec = await checked({ ...githubSpec, mappings: [{ blueprint: "repo", entity: { identifier: ".id" } }] });
    const error = await webhookLogic.create(client, spec).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.status).toBe(422);
    expect(error.message).toContain('/mappings/0/blueprint must be an existing blueprint (blueprint "repo" was not found)');
  });

  it("fails check for a mapping whose JQ does not compile, naming the field, without any request", async () => {
    const broken = { ...githubSpec, mappings: [{ ...githubSpec.mappings[0], entity: { identifier: ".body.id", properties: { url: ".body.url |" } } }] };
    const result = await webhookLogic.check({}, broken);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0].property).toBe("mappings");
    expect(result.failures![0].reason).toMatch(
      /^Webhook "github": field mappings\[0\]\.entity\.properties\.url: JQ "\.body\.url \|" does not compile: the expression ends too early \(.*\)\. Fix the expression\.$/,
    );
    expect(emulator.stats().requests).toBe(0);
  });

  it("fails check for schema problems before compiling any JQ", async () => {
    const result = await webhookLogic.check({}, { ...githubSpec, title: "", mappings: [{ blueprint: "repository", entity: { identifier: ".(" } }] });
    expect(result.failures).toEqual([{ property: "title", reason: 'Webhook "github": field title: must not be empty. Set a value.' }]);
  });
});
