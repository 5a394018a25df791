import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Harness, problemPaths } from "./emulator-harness";

const originalConfig = {
  deleteDependentEntities: true,
  repositoryType: "all",
  resources: [{ kind: "repository", selector: { query: "true" }, port: { entity: { mappings: { identifier: ".name", blueprint: '"repo"' } } } }],
};
const installed = { installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub", config: originalConfig };
const newConfig = {
  enableMergeEntity: false,
  entityDeletionThreshold: 0.3,
  resources: [
    {
      kind: "pull-request",
      selector: { query: '.state == "open"', extraKey: [1] },
      port: { itemsToParse: ".labels", entity: { mappings: [{ identifier: ".id", blueprint: '"pr"', team: { combinator: "and", rules: [] } }] } },
    },
  ],
};

describe("Port emulator integrations", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start({ integrations: [installed] });
  });
  afterEach(() => h.close());

  it("has the installations given at start, with Port's fields and meta", async () => {
    const res = await h.get("/v1/integration/github-ocean");
    expect(res.status).toBe(200);
    expect(res.body.integration).toEqual({
      ...installed,
      version: "1.0.0",
      createdAt: expect.any(String),
      createdBy: "emulator",
      updatedAt: expect.any(String),
      updatedBy: "emulator",
    });
    expect((await h.get("/v1/integration")).body.integrations.map((i: { installationId: string }) => i.installationId)).toEqual(["github-ocean"]);
  });

  it("answers 404 not_found by installationId for an integration that is not installed", async () => {
    const res = await h.get("/v1/integration/gitlab");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      ok: false,
      error: "not_found",
      message: 'integration with installationId "gitlab" was not found',
      details: { resource: "integration", byField: "installationId", withValue: "gitlab" },
    });
  });

  it("replaces the config on PATCH /config and keeps everything else", async () => {
    const before = (await h.get("/v1/integration/github-ocean")).body.integration;
    const res = await h.patch("/v1/integration/github-ocean/config", { config: newConfig });
    expect(res.status).toBe(200);
    expect(res.body.integration).toEqual({ ...before, config: newConfig, updatedAt: expect.any(String), updatedBy: "emulator-client-id" });
    expect((await h.get("/v1/integration/github-ocean")).body.integration.config).toEqual(newConfig);
  });

  it("changes an integration with PATCH /v1/integration/{installationId}, answering it under `integration` and keeping fields not sent", async () => {
    const before = (await h.get("/v1/integration/github-ocean")).body.integration;
    const res = await h.patch("/v1/integration/github-ocean", { config: newConfig, version: "2.0.0", actionsProcessingEnabled: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      integration: { ...before, config: newConfig, version: "2.0.0", actionsProcessingEnabled: true, updatedAt: expect.any(String), updatedBy: "emulator-client-id" },
    });
    expect((await h.get("/v1/integration/github-ocean")).body.integration).toEqual(res.body.integration);
  });

  it("accepts what the published config schema accepts: search-query identifiers, keys of the integration's own at every level, and null", async () => {
    const config = {
      resources: [
        {
          kind: "/api/v2/users.json",
          selector: { query: "true", method: "GET", query_params: { per_page: "100" } },
          port: {
            itemsToParse: ".members",
            itemsToParseTopLevelTransform: false,
            entity: {
              mappings: {
                identifier: { combinator: '"and"', rules: [{ property: '"email"', operator: '"="', value: ".email" }] },
                blueprint: '"developer"',
                icon: '"User"',
                team: { combinator: '"and"', rules: [] },
                relations: { manager: { combinator: '"and"', rules: [{ property: '"login"', operator: '"="', value: ".manager" }] } },
              },
            },
          },
          custom: true,
        },
      ],
    };
    expect((await h.patch("/v1/integration/github-ocean", { config })).status).toBe(200);
    expect((await h.patch("/v1/integration/github-ocean/config", { config: null })).body.integration.config).toBeNull();
  });

  it("answers 422 naming every malformed part of a config", async () => {
    const res = await h.patch("/v1/integration/github-ocean/config", {
      config: {
        enableMergeEntity: "yes",
        entityDeletionThreshold: 5,
        resources: [
          { kind: 1, selector: { query: true }, port: { entity: { mappings: [{ title: 1 }, { identifier: { combinator: "and", rules: [], extra: 1 }, blueprint: '"x"' }] } } },
          { kind: "repo", port: {} },
        ],
      },
      other: 1,
    });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual([
      "/other",
      "/config/enableMergeEntity",
      "/config/entityDeletionThreshold",
      "/config/resources/0/kind",
      "/config/resources/0/selector/query",
      "/config/resources/0/port/entity/mappings/0/identifier",
      "/config/resources/0/port/entity/mappings/0/blueprint",
      "/config/resources/0/port/entity/mappings/0/title",
      "/config/resources/0/port/entity/mappings/1/identifier/extra",
      "/config/resources/1/selector",
      "/config/resources/1/port/entity",
    ]);
    expect((await h.get("/v1/integration/github-ocean")).body.integration.config).toEqual(originalConfig);
  });

  it("answers 422 to a PATCH of the integration with mistyped fields, and changes nothing", async () => {
    const res = await h.patch("/v1/integration/github-ocean", { title: 1, actionsProcessingEnabled: "yes", changelogDestination: { type: "WEBHOOK" }, config: [] });
    expect(problemPaths(res.body)).toEqual(["/title", "/actionsProcessingEnabled", "/config", "/changelogDestination/url"]);
    expect((await h.get("/v1/integration/github-ocean")).body.integration.config).toEqual(originalConfig);
  });

  it("answers 404 to a change of an integration that is not installed, on either route", async () => {
    expect((await h.patch("/v1/integration/gitlab", { config: newConfig })).status).toBe(404);
    expect((await h.patch("/v1/integration/gitlab/config", { config: newConfig })).status).toBe(404);
  });

  it("finds an integration by logIngestId when asked, and refuses another byField", async () => {
    await h.post("/v1/integration", { installationId: "jira", logIngestId: "log-1" });
    expect((await h.get("/v1/integration/log-1?byField=logIngestId")).body.integration.installationId).toBe("jira");
    expect((await h.get("/v1/integration/github-ocean?byField=logIngestId")).status).toBe(404);
    expect((await h.get("/v1/integration/github-ocean?byField=title")).status).toBe(422);
  });

  it("installs an integration as Ocean does, and through the control route, refusing a duplicate", async () => {
    const ocean = await h.post("/v1/integration", { installationId: "jira", installationAppType: "jira", version: "0.1.0" });
    expect(ocean.status).toBe(200);
    expect(ocean.body.integration).toMatchObject({ installationId: "jira", title: "jira", config: { resources: [] } });
    const control = await h.post("/_emulator/integrations", { installationId: "pagerduty", config: newConfig }, { token: null });
    expect(control.status).toBe(200);
    expect((await h.get("/v1/integration/pagerduty")).body.integration.config).toEqual(newConfig);
    expect((await h.post("/v1/integration", { installationId: "jira" })).status).toBe(409);
    expect(h.emulator.stats().byRoute["POST /_emulator/integrations"]).toBeUndefined();
  });

  it("restores the installations given at start, with their original config, on reset", async () => {
    await h.patch("/v1/integration/github-ocean/config", { config: newConfig });
    await h.post("/v1/integration", { installationId: "jira" });
    h.emulator.reset();
    const list = (await h.get("/v1/integration")).body.integrations;
    expect(list.map((i: { installationId: string }) => i.installationId)).toEqual(["github-ocean"]);
    expect(list[0].config).toEqual(originalConfig);
  });

  it("uninstalls an integration on DELETE", async () => {
    expect((await h.delete("/v1/integration/github-ocean")).body).toEqual({ ok: true });
    expect((await h.get("/v1/integration/github-ocean")).status).toBe(404);
  });
});

describe("Port emulator integrations with a state file", () => {
  it("keeps a changed config across restarts rather than re-seeding the original", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emulator-integrations-")), "state.json");
    const first = await Harness.start({ integrations: [installed], stateFile });
    await first.patch("/v1/integration/github-ocean/config", { config: newConfig });
    await first.close();
    const second = await Harness.start({ integrations: [installed], stateFile });
    try {
      expect((await second.get("/v1/integration/github-ocean")).body.integration.config).toEqual(newConfig);
    } finally {
      await second.close();
    }
  });
});
