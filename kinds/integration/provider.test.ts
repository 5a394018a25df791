import { PortClient } from "../../core/client/port-client";
import { getIntegration, updateIntegrationConfig } from "./client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { integrationLogic } from "./provider";

// The IntegrationMapping provider's logic against the emulator over real HTTP: it adopts an
// installed integration's mapping and gives it back on delete.
const credentials = { clientId: "provider-test", clientSecret: "provider-test-secret" };

/** What the installation had before this code touched it (GitHub's own `repositoryType` included). */
const originalConfig = {
  repositoryType: "all",
  resources: [{ kind: "repository", selector: { query: "true" }, port: { entity: { mappings: { identifier: ".name", blueprint: '"githubRepository"' } } } }],
};

let emulator: RunningEmulator;
let client: PortClient;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    credentials: [credentials],
    integrations: [{ installationId: "github-ocean", installationAppType: "github-ocean", config: originalConfig }],
  });
  client = new PortClient({ baseUrl: emulator.url, ...credentials, baseDelayMs: 5, maxDelayMs: 50 });
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => {
  emulator.reset(); // the installation comes back with its original config
  emulator.clearFaults();
  emulator.resetStats();
});

const resources = [
  {
    kind: "repository",
    selector: { query: ".archived == false" },
    port: { entity: { mappings: [{ identifier: ".name", title: ".name", blueprint: '"service"', properties: { repository: ".html_url" } }] } },
  },
];
const mappingSpec = { installationId: "github-ocean", config: { createMissingRelatedEntities: true, entityDeletionThreshold: 0.5, resources } };

async function checked(spec: Record<string, unknown>) {
  const result = await integrationLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

const portConfig = async () => (await getIntegration(client, "github-ocean"))!.config;

describe("IntegrationMapping provider", () => {
  it("adopts the installation: remembers its config and writes ours, keeping the integration's own keys", async () => {
    const { id, outs } = await integrationLogic.create(client, await checked(mappingSpec));
    expect(id).toBe("github-ocean");
    expect(outs.originalConfig).toEqual(originalConfig);
    expect(outs.installationAppType).toBe("github-ocean");
    expect(outs.managedKeys).toEqual(["createMissingRelatedEntities", "entityDeletionThreshold", "resources"]);
    expect(await portConfig()).toEqual({ ...mappingSpec.config, repositoryType: "all" });
    expect(outs.config).toEqual(await portConfig());
  });

  it("writes the config with PATCH /v1/integration/{installationId}, the route Port's own clients use", async () => {
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    await integrationLogic.delete(client, "github-ocean", outs);
    const patches = Object.entries(emulator.stats().byRoute).filter(([route]) => route.startsWith("PATCH"));
    expect(patches).toEqual([["PATCH /v1/integration/:id", 2]]);
  });

  it("refuses to adopt an installation Port does not have, saying to install it first", async () => {
    const error = await integrationLogic.create(client, await checked({ ...mappingSpec, installationId: "gitlab-ocean" })).catch((e) => e);
    expect(error.message).toBe(
      'IntegrationMapping "gitlab-ocean": Port has no integration with installationId "gitlab-ocean". ' +
        "Install the integration first (Port: Data sources, + Data source, or run its Ocean/exporter installation), then run again; " +
        "this component only manages the mapping of an installed integration.",
    );
    expect(emulator.stats().writes).toBe(0);
  });

  it("finds no change when Port holds our config, a change when a resource differs, a replacement for another installation", async () => {
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    const reordered = { config: { resources, entityDeletionThreshold: 0.5, createMissingRelatedEntities: true }, installationId: "github-ocean" };
    expect(await integrationLogic.diff("github-ocean", outs, await checked(reordered))).toEqual({ changes: false });
    const openOnly = { ...mappingSpec, config: { ...mappingSpec.config, resources: [{ ...resources[0], selector: { query: ".archived == false and .private == false" } }] } };
    expect(await integrationLogic.diff("github-ocean", outs, await checked(openOnly))).toEqual({ changes: true });
    expect(await integrationLogic.diff("github-ocean", outs, await checked({ ...mappingSpec, installationId: "other" }))).toEqual({
      changes: true,
      replaces: ["installationId"],
    });
  });

  it("updates the config, keeping a flag set in Port and removing one the code stopped declaring", async () => {
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    await updateIntegrationConfig(client, "github-ocean", { ...(await portConfig()), enableMergeEntity: false });
    const { props } = await integrationLogic.read(client, "github-ocean", outs);

    const { entityDeletionThreshold: _dropped, ...withoutThreshold } = mappingSpec.config;
    const next = await checked({ ...mappingSpec, config: withoutThreshold });
    expect(await integrationLogic.diff("github-ocean", props!, next)).toEqual({ changes: true });
    const { outs: updated } = await integrationLogic.update(client, "github-ocean", props!, next);
    expect(await portConfig()).toEqual({ createMissingRelatedEntities: true, resources, repositoryType: "all", enableMergeEntity: false });
    expect(updated.originalConfig).toEqual(originalConfig);
    expect(await integrationLogic.diff("github-ocean", updated, next)).toEqual({ changes: false });
  });

  it("reads what Port holds, so refresh sees drift, and keeps the original config to restore", async () => {
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    await updateIntegrationConfig(client, "github-ocean", { ...(await portConfig()), resources: [] });
    const read = await integrationLogic.read(client, "github-ocean", outs);
    expect(read.props?.config.resources).toEqual([]);
    expect(read.props?.originalConfig).toEqual(originalConfig);
    expect(await integrationLogic.diff("github-ocean", read.props!, await checked(mappingSpec))).toEqual({ changes: true });
  });

  it("restores the original config on delete and never deletes the integration", async () => {
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    await integrationLogic.delete(client, "github-ocean", outs);
    expect(await portConfig()).toEqual(originalConfig);
    expect(Object.keys(emulator.stats().byRoute).filter((route) => route.startsWith("DELETE"))).toEqual([]);
  });

  it("reports an uninstalled integration as gone on read, and treats its delete as done", async () => {
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    await client.request("DELETE", "/v1/integration/github-ocean");
    expect(await integrationLogic.read(client, "github-ocean", outs)).toEqual({});
    await expect(integrationLogic.delete(client, "github-ocean", outs)).resolves.toBeUndefined();
  });

  it("retries after injected 429 and 500 answers and then succeeds", async () => {
    emulator.setFaults({ failNext: { count: 1, status: 429 } });
    const { outs } = await integrationLogic.create(client, await checked(mappingSpec));
    emulator.setFaults({ failNext: { count: 2, status: 500 } });
    await integrationLogic.delete(client, "github-ocean", outs);
    expect(await portConfig()).toEqual(originalConfig);
  });

  it("fails check for a selector query that does not compile, naming the field, without any request", async () => {
    const broken = { ...mappingSpec, config: { resources: [{ ...resources[0], selector: { query: ".archived ==" } }] } };
    const result = await integrationLogic.check({}, broken);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0].property).toBe("config");
    expect(result.failures![0].reason).toMatch(
      /^IntegrationMapping "github-ocean": field config\.resources\[0\]\.selector\.query: JQ "\.archived ==" does not compile: .*\. Fix the expression\.$/,
    );
    expect(emulator.stats().requests).toBe(0);
  });

  it("compiles the JQ inside search queries at check, naming the rule value that does not compile, without any request", async () => {
    const owners = { combinator: '"and"', rules: [{ property: '"login"', operator: '"="', value: ".owner.login |" }] };
    const mapping = { identifier: ".name", blueprint: '"service"', relations: { owners } };
    const result = await integrationLogic.check({}, { ...mappingSpec, config: { resources: [{ ...resources[0], port: { entity: { mappings: mapping } } }] } });
    expect(result.failures?.map((f) => f.reason.split(": JQ")[0])).toEqual([
      'IntegrationMapping "github-ocean": field config.resources[0].port.entity.mappings.relations.owners.rules[0].value',
    ]);
    expect(emulator.stats().requests).toBe(0);
  });
});
