import * as pulumi from "@pulumi/pulumi";
import { Action, Blueprint, Portal, Scorecard, Webhook } from "@port-portal/pulumi";

// Objects an org already holds, taken over with `adopt`. Config: `release` (true: retainOnDelete,
// so destroy leaves them in Port) and `variant`: "base", or "missing" (also adopts a webhook the
// org does not hold, which must fail without changing Port).
const config = new pulumi.Config();
const variant = config.get("variant") ?? "base";
const adoption = { adopt: true, retainOnDelete: config.getBoolean("release") ?? false };
const portal = new Portal();

export = portal.declare(() => {
  const service = new Blueprint("service", { identifier: "adopted_service", title: "Service", schema: { properties: { readme: { type: "string", title: "README" } } } }, adoption);
  new Scorecard(
    "readiness",
    {
      blueprint: service,
      identifier: "readiness",
      title: "Readiness",
      rules: [{ identifier: "has_readme", title: "Has a README", level: "Bronze", query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] } }],
    },
    adoption,
  );
  new Action(
    "deploy",
    {
      identifier: "adopted_deploy",
      title: "Deploy",
      blueprint: service,
      trigger: { operation: "DAY-2", userInputs: { properties: {} } },
      invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com" },
    },
    adoption,
  );
  new Webhook("alerts", { identifier: "adopted_alerts", title: "Alerts", mappings: [] }, adoption);
  if (variant === "missing") new Webhook("ghost", { identifier: "ghost", title: "Ghost", mappings: [] }, adoption);
  return {};
});
