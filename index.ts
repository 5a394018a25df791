import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, parseConfigValue } from "./stacks/config";
import { buildPortal } from "./stacks/portal";

// Read the stack's config, declare the portal, export what CI and reviewers look at.
const config = new pulumi.Config();
const stackConfig = loadStackConfig((key) => parseConfigValue(config.get(key)), pulumi.getStack());
const portal = buildPortal(stackConfig, { githubWebhookSecret: config.getSecret("githubWebhookSecret") });

export const environment = stackConfig.environment;
export const blueprints = Object.values(portal.blueprints).map((b) => b.identifier);
