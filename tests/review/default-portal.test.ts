import * as fs from "fs";
import * as path from "path";
import { declaredPortal } from "../../review/declared-portal";
import { catalogMarkdown } from "../../review/portal-docs";
import { roadmap } from "../../review/roadmap";
import { stackFileConfig } from "../../review/stack-file";
import { PortalPlan } from "../../stacks/plan-schema";
import { defaultPlan, defaultPlanInput } from "../../stacks/plan";

// The default portal (the dev stack's) under Pulumi's mocks: the plan's coverage and the docs.
jest.setTimeout(60_000);
const root = path.resolve(__dirname, "../..");

async function declare(overrides: (config: ReturnType<typeof stackFileConfig>["config"]) => void = () => undefined) {
  const { config, secrets } = stackFileConfig(root, "dev");
  overrides(config);
  return declaredPortal(async () => (await import("../../stacks/portal")).buildPortal(config, secrets));
}

describe("The default portal", () => {
  it("builds every use case, story, KPI and integration of the plan", async () => {
    const rows = roadmap(defaultPlan, await declare());
    expect(rows.filter((r) => !r.built)).toEqual([]);
    expect(rows).toHaveLength(defaultPlan.useCases.length + defaultPlan.userStories.length + 4 + defaultPlan.integrations.length);
  });

  it("reports the stories an action implements as missing once the actions are switched off", async () => {
    const rows = roadmap(defaultPlan, await declare((config) => (config.features.actions = false)));
    const missing = rows.filter((r) => !r.built).map((r) => [r.section, r.id, r.missing.map((m) => m.identifier)]);
    expect(missing).toEqual([
      ["use case", "sdlc", ["scaffold_service", "request_cloud_resource"]],
      ["user story", "scaffold-service", ["scaffold_service"]],
      ["user story", "request-resource", ["request_cloud_resource"]],
      ["use case", "incident-management", ["report_incident"]],
      ["user story", "report-incident", ["report_incident"]],
      ["KPI", "kpi-time-to-service", ["scaffold_service"]],
    ]);
  });

  it("has committed docs that match the code (run `npm run docs` after changing the portal)", async () => {
    const committed = fs.readFileSync(path.join(root, "docs", "portal.md"), "utf8");
    expect(catalogMarkdown(await declare())).toBe(committed);
  });
});

describe("The plan schema", () => {
  it("refuses a story for an audience the plan does not have, naming it and the fix", () => {
    const broken = { ...defaultPlanInput, userStories: [{ ...defaultPlanInput.userStories[0], audience: "designers" }] };
    const result = PortalPlan.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["userStories.0.audience", '"designers" is not an audience of the plan (developers, rnd-managers, security). Add the audience or fix the story.'],
    ]);
  });
});
