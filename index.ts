import * as pulumi from "@pulumi/pulumi";
import { orgLookupFromStack } from "@port-portal/pulumi";
import { loadStackConfig, parseConfigValue } from "./stacks/config";
import { buildPortal } from "./stacks/portal";

// Read the stack's config, declare and check the portal, export what CI and reviewers look at.
export = (async () => {
  const config = new pulumi.Config();
  const stackConfig = loadStackConfig((key) => parseConfigValue(config.get(key)), pulumi.getStack());
  const secrets = { githubWebhookSecret: config.getSecret("githubWebhookSecret") };
  const portal = await buildPortal(stackConfig, secrets, orgLookupFromStack());
  return {
    environment: stackConfig.environment,
    blueprints: Object.values(portal.blueprints).map((b) => b.identifier),
  };
})();
