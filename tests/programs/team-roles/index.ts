import * as pulumi from "@pulumi/pulumi";
import { Action, Blueprint, Dashboard, TeamRoles, Portal, type TeamRolesArgs } from "@port-portal/pulumi";
import { SERVICE_OWNERSHIP, teamRolesArgs } from "@port-portal/pulumi/guide";

// `variant` lets a test change the code between runs: "base"; "reordered" (every users, teams,
// roles and members list reversed); "fewer-users" (one developer removed); "invalid" (a team and
// a role that nothing declares, which must fail the preview before any call to Port).
const variant = new pulumi.Config().get("variant") ?? "base";
const portal = new Portal();

export = portal.declare(() => {
  const service = new Blueprint("service", {
    identifier: "e2e_service",
    title: "Service",
    ownership: SERVICE_OWNERSHIP,
    schema: { properties: { language: { type: "string", title: "Language" } } },
  });

  const deploy = new Action("deploy", {
    identifier: "e2e_deploy",
    title: "Deploy",
    blueprint: service,
    trigger: { operation: "DAY-2", userInputs: { properties: { version: { type: "string", title: "Version" } } } },
    invocationMethod: { type: "WEBHOOK", url: "https://deployer.example.com/deploy" },
  });

  const operations = new Dashboard("operations", {
    page: { type: "dashboard" },
    identifier: "e2e_operations",
    title: "Operations",
    widgets: [{ id: "intro", type: "markdown", title: "About", markdown: "Who owns what, and how to deploy." }],
  });

  const people = {
    admins: ["lead@example.com"],
    platformEngineers: ["pat@example.com"],
    developers: variant === "fewer-users" ? ["dev1@example.com"] : ["dev1@example.com", "dev2@example.com"],
  };
  let args = teamRolesArgs({ service, serviceAction: deploy, dashboard: operations }, people);

  if (variant === "reordered") args = reversedLists(args) as TeamRolesArgs;
  if (variant === "invalid") {
    args.users!["pat@example.com"] = { roles: ["Member", "api-moderator"] };
    args.blueprintPermissions![0] = { blueprint: service, entities: { read: { teams: ["platfrom"], roles: ["Admin"] } } };
  }

  const access = new TeamRoles("access", args);

  /** The same plan with every users, teams, roles and members list in reverse order (components left as they are). */
  function reversedLists(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversedLists);
    if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, ["users", "teams", "roles", "members"].includes(key) && Array.isArray(item) ? [...item].reverse() : reversedLists(item)]),
    );
  }

  return {
    summary: access.access,
    users: Object.keys(access.users),
  };
});
