import * as pulumi from "@pulumi/pulumi";
import { Action, Blueprint, Portal } from "@port-portal/pulumi";
import { incidentArgs, reportIncident, requestCloudResource, scaffoldService, scaffoldServiceArgs } from "@port-portal/pulumi/guide";
import { incidentOnDegradedHealth, notifyServiceChanges } from "@port-portal/pulumi/guide";

// `variant` lets a test change the code between runs: "base", or "invalid-jq" (a template whose
// JQ does not compile, which must fail the preview before any call to Port).
const variant = new pulumi.Config().get("variant") ?? "base";
const portal = new Portal();

export = portal.declare(() => {
  const environment = new Blueprint("environment", {
    identifier: "environment",
    title: "Environment",
    schema: { properties: { type: { type: "string", title: "Type", enum: ["development", "staging", "production"] } } },
  });

  const service = new Blueprint("service", {
    identifier: "service",
    title: "Service",
    schema: {
      properties: {
        tier: { type: "string", title: "Tier", enum: ["critical", "standard", "experimental"] },
        health: { type: "string", title: "Health", enum: ["Healthy", "Degraded", "Down"] },
      },
    },
  });

  const incident = new Blueprint("incident", incidentArgs(service));

  if (variant === "invalid-jq") {
    const args = scaffoldServiceArgs(service, { org: "acme", repo: "platform-templates" });
    new Action("broken", {
      ...args,
      identifier: "broken_scaffold",
      invocationMethod: { type: "GITHUB", org: "acme", repo: "platform-templates", workflow: "scaffold.yml", workflowInputs: { name: "{{ .inputs.name | }}" } },
    });
  }

  const actions = [
    scaffoldService(service, { org: "acme", repo: "platform-templates" }),
    requestCloudResource({ service, environment }, "https://provisioner.example.com/requests", "https://hooks.slack.com/services/T000/B000/approvals"),
    reportIncident({ service, incident }),
  ];
  const automations = [notifyServiceChanges(service, "https://hooks.slack.com/services/T000/B000/platform"), incidentOnDegradedHealth({ service, incident })];

  return {
    actionIdentifiers: actions.map((a) => a.identifier),
    automationIdentifiers: automations.map((a) => a.identifier),
  };
});
