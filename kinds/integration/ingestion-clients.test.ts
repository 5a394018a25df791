import { createWebhook, deleteWebhook, getWebhook, listWebhooks, replaceWebhook } from "../webhook/client";
import { getEntity } from "../entity/client";
import { getIntegration, listIntegrations, updateIntegrationConfig } from "./client";
import { useScriptedClient } from "../../tests/support/scripted-port-server";

// The webhook and integration calls (and the entity read option) against a scripted server:
// the exact requests, Port's envelope keys, and that a 404 means "gone".
const clientWith = useScriptedClient();

const notFound = { status: 404, body: { ok: false, error: "not_found", message: "not found" } };
const hook = { identifier: "github", title: "GitHub", enabled: true, mappings: [] };

describe("webhooks client", () => {
  it("reads, lists, creates, replaces and deletes under Port's `integration` envelope keys", async () => {
    const { client, s } = await clientWith((req) => {
      if (req.method === "GET" && req.path === "/v1/webhooks") return { status: 200, body: { ok: true, integrations: [hook] } };
      if (req.method === "DELETE") return { status: 200, body: { ok: true } };
      return { status: 200, body: { ok: true, integration: { ...((req.body as object) ?? hook), webhookKey: "k", url: "https://ingest.port.io/k" } } };
    });
    await expect(getWebhook(client, "github")).resolves.toMatchObject({ identifier: "github", webhookKey: "k" });
    await expect(listWebhooks(client)).resolves.toEqual([hook]);
    await expect(createWebhook(client, hook)).resolves.toMatchObject({ url: "https://ingest.port.io/k" });
    await expect(replaceWebhook(client, "github", { ...hook, title: "New" })).resolves.toMatchObject({ title: "New" });
    await expect(deleteWebhook(client, "github")).resolves.toBe(true);
    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([
      ["GET", "/v1/webhooks/github"],
      ["GET", "/v1/webhooks"],
      ["POST", "/v1/webhooks"],
      ["PUT", "/v1/webhooks/github"],
      ["DELETE", "/v1/webhooks/github"],
    ]);
  });

  it("treats a 404 as gone, with Port's not_found or any other body", async () => {
    const gone = await clientWith(() => notFound);
    await expect(getWebhook(gone.client, "github")).resolves.toBeUndefined();
    await expect(deleteWebhook(gone.client, "github")).resolves.toBe(false);
    const bare = await clientWith(() => ({ status: 404, rawBody: "<html>Not Found</html>" }));
    await expect(getWebhook(bare.client, "github")).resolves.toBeUndefined();
  });
});

describe("integrations client", () => {
  it("reads and lists installations, and changes the config with PATCH /v1/integration/{installationId} as Port's clients do", async () => {
    const integration = { installationId: "gh/ocean", config: { resources: [] } };
    const { client, s } = await clientWith((req) =>
      req.path === "/v1/integration"
        ? { status: 200, body: { ok: true, integrations: [integration] } }
        : { status: 200, body: { ok: true, integration: { ...integration, ...((req.body as object) ?? {}) } } },
    );
    await expect(getIntegration(client, "gh/ocean")).resolves.toEqual(integration);
    await expect(listIntegrations(client)).resolves.toEqual([integration]);
    const config = { resources: [{ kind: "repository" }] };
    await expect(updateIntegrationConfig(client, "gh/ocean", config)).resolves.toMatchObject({ config });
    const requests = s.apiRequests();
    expect(requests.map((r) => [r.method, r.path])).toEqual([
      ["GET", "/v1/integration/gh%2Focean"],
      ["GET", "/v1/integration"],
      ["PATCH", "/v1/integration/gh%2Focean"],
    ]);
    expect(requests[2].body).toEqual({ config });
  });

  it("returns undefined for an installation Port does not have", async () => {
    const { client } = await clientWith(() => notFound);
    await expect(getIntegration(client, "gitlab")).resolves.toBeUndefined();
  });
});

describe("entities client read option", () => {
  it("asks Port to leave computed values out only when told to", async () => {
    const { client, s } = await clientWith(() => ({ status: 200, body: { ok: true, entity: { identifier: "prod" } } }));
    await getEntity(client, "environment", "prod", { excludeCalculatedProperties: true });
    await getEntity(client, "environment", "prod");
    expect(s.apiRequests().map((r) => r.query.toString())).toEqual(["exclude_calculated_properties=true", ""]);
  });
});
