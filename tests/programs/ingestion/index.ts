import * as pulumi from "@pulumi/pulumi";
import { Blueprint, Entity, Webhook, Portal } from "@port-portal/pulumi";
import { githubIntegrationMapping, githubRepository, githubWebhook, seedEnvironments } from "@port-portal/pulumi/guide";

// The guide's ingestion: a GitHub webhook, the mapping of an installed GitHub integration and
// seed environments. `variant` "invalid" adds a webhook whose mapping JQ does not compile.
const config = new pulumi.Config();
const variant = config.get("variant") ?? "base";
const portal = new Portal();

export = portal.declare(() => {
  const environment = new Blueprint("environment", {
    identifier: "environment",
    title: "Environment",
    schema: {
      properties: {
        type: { type: "string", title: "Type", enum: ["development", "staging", "production"] },
        region: { type: "string", title: "Region" },
      },
      required: ["type"],
    },
    // By identifier: Blueprint adds this relation in its second step, which entities must wait for.
    relations: { cluster: { title: "Cluster", target: "cluster", required: false, many: false } },
  });
  const cluster = new Blueprint("cluster", { identifier: "cluster", title: "Cluster", schema: { properties: {} } });
  const service = new Blueprint("service", {
    identifier: "service",
    title: "Service",
    schema: { properties: { repository: { type: "string", format: "url", title: "Repository" } } },
  });
  const repository = githubRepository(service);

  const webhook = githubWebhook({ service, repository }, config.requireSecret("githubWebhookSecret"));
  const mapping = githubIntegrationMapping(config.require("githubInstallationId"), { service, repository });
  const environments = seedEnvironments(environment);
  const euWest = new Entity("cluster-eu-west", { blueprint: cluster, identifier: "eu-west", title: "EU West" });
  new Entity("environment-qa", { blueprint: environment, identifier: "qa", properties: { type: "staging" }, relations: { cluster: euWest } });

  if (variant === "invalid") {
    new Webhook("broken", {
      identifier: "broken",
      title: "Broken",
      mappings: [{ blueprint: repository, entity: { identifier: ".body.id", properties: { url: ".body.url |" } } }],
    });
  }

  return {
    webhookUrl: webhook.url,
    webhookKey: webhook.webhookKey,
    integrationType: mapping.installationAppType,
    environmentIdentifiers: environments.map((e) => e.identifier),
  };
});
