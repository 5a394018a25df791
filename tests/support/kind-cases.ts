import type { PortClient } from "../../core/client/port-client";
import type { ResourceLogic } from "../../core/providers/resource-logic";
import type { RunningEmulator } from "../../emulator/server";
import { createBlueprint } from "../../kinds/blueprint/client";
import { useProviderEmulator } from "./provider-emulator";
import { actionLogic } from "../../kinds/action/provider";
import { blueprintLogic } from "../../kinds/blueprint/provider";
import { entityLogic } from "../../kinds/entity/provider";
import { folderLogic } from "../../kinds/folder/provider";
import { pageLogic } from "../../kinds/page/provider";
import { scorecardLogic } from "../../kinds/scorecard/provider";
import { teamLogic } from "../../kinds/team/provider";
import { webhookLogic } from "../../kinds/webhook/provider";

/**
 * One object of each kind whose create is reconciled or adopted (tests/providers), on a blueprint
 * `service` with a string property `readme` that the test creates first.
 */
export interface KindCase {
  kind: string;
  logic: ResourceLogic;
  spec: Record<string, unknown>;
  /** The same object with one field another writer set differently, and that field's name. */
  changed: { spec: Record<string, unknown>; field: string };
  /** The route its create posts to, for the injected faults. */
  createPath: string;
  /** The method of its update's write (PUT unless said). */
  updateMethod?: string;
}

const action = {
  identifier: "deploy",
  title: "Deploy",
  trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: "service", userInputs: { properties: {}, required: [] } },
  invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com" },
};
const dashboard = {
  identifier: "dev",
  type: "dashboard",
  title: "Developers",
  widgets: [
    { id: "root", type: "dashboard-widget", layout: [{ height: 400, columns: [{ id: "md", size: 12 }] }], widgets: [{ id: "md", type: "markdown", title: "Hi", markdown: "hi" }] },
  ],
};

export const KIND_CASES: KindCase[] = [
  {
    kind: "Blueprint",
    logic: blueprintLogic,
    spec: { identifier: "api", title: "API" },
    changed: { spec: { identifier: "api", title: "Someone else's" }, field: "title" },
    createPath: "/v1/blueprints",
  },
  {
    kind: "Entity",
    logic: entityLogic,
    spec: { blueprint: "service", identifier: "checkout", title: "Checkout" },
    changed: { spec: { blueprint: "service", identifier: "checkout", title: "Other" }, field: "title" },
    createPath: "/v1/blueprints/service/entities",
    updateMethod: "POST", // Port's upsert
  },
  {
    kind: "Scorecard",
    logic: scorecardLogic,
    spec: {
      identifier: "readiness",
      title: "Readiness",
      blueprint: "service",
      rules: [{ identifier: "readme", title: "README", level: "Bronze", query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] } }],
    },
    changed: {
      spec: {
        identifier: "readiness",
        title: "Other",
        blueprint: "service",
        rules: [{ identifier: "readme", title: "README", level: "Bronze", query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] } }],
      },
      field: "title",
    },
    createPath: "/v1/blueprints/service/scorecards",
  },
  { kind: "Action", logic: actionLogic, spec: action, changed: { spec: { ...action, title: "Other" }, field: "title" }, createPath: "/v1/actions" },
  { kind: "Page", logic: pageLogic, spec: dashboard, changed: { spec: { ...dashboard, title: "Other" }, field: "title" }, createPath: "/v1/pages" },
  {
    kind: "Webhook",
    logic: webhookLogic,
    spec: { identifier: "github", title: "GitHub", mappings: [] },
    changed: { spec: { identifier: "github", title: "Other", mappings: [] }, field: "title" },
    createPath: "/v1/webhooks",
  },
  {
    kind: "Team",
    logic: teamLogic,
    spec: { name: "platform", description: "Platform" },
    changed: { spec: { name: "platform", description: "Other" }, field: "description" },
    createPath: "/v1/teams",
  },
  {
    kind: "Folder",
    logic: folderLogic,
    spec: { identifier: "engineering", title: "Engineering" },
    changed: { spec: { identifier: "engineering", title: "Other" }, field: "title" },
    createPath: "/v1/sidebars/catalog/folders",
    updateMethod: "PATCH",
  },
];

/** An emulator per test file with the blueprint the cases need, made afresh (stats reset) before each test. */
export function useCaseOrg(ready: (emulator: RunningEmulator, client: PortClient) => void): void {
  let client: PortClient;
  let emulator: RunningEmulator;
  useProviderEmulator((e, c) => {
    emulator = e;
    client = c;
    ready(e, c);
  });
  beforeEach(async () => {
    await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: { readme: { type: "string" } } } });
    emulator.resetStats();
  });
}

/** A spec through the kind's check, which must pass. */
export async function checked(logic: ResourceLogic, spec: Record<string, unknown>): Promise<Record<string, any>> {
  const result = await logic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}
