import { summarizePreview } from "../../review/preview-summary";
import type { PreviewDigest, PreviewStep } from "../../review/preview-digest";

const urn = (kind: string, name: string) => `urn:pulumi:dev::port-portal::portal:index:${kind}$pulumi-nodejs:dynamic/port:${kind}::${name}`;
const provider = { __provider: 'exports.handler = __f0; const provider = require("@port-portal/pulumi/providers/x");' };

function step(op: string, kind: string, name: string, before?: object, after?: object): PreviewStep {
  return {
    op,
    urn: urn(kind, name),
    ...(before ? { oldState: { inputs: { ...provider, ...before } } } : {}),
    ...(after ? { newState: { inputs: { ...provider, ...after } } } : {}),
  };
}

const scorecard = (readmeLevel: string) => ({
  identifier: "production_readiness",
  blueprint: "service",
  title: "Production readiness",
  rules: [
    { identifier: "has_readme", title: "Has a README", level: readmeLevel, query: { combinator: "and", conditions: [{ property: "readme", operator: "isNotEmpty" }] } },
    { identifier: "has_owner", title: "Has an owner", level: "Bronze", query: { combinator: "and", conditions: [{ property: "$team", operator: "isNotEmpty" }] } },
  ],
});

describe("summarizePreview", () => {
  it("counts and lists the creates of adopted components as adoptions, after the additions", () => {
    const digest: PreviewDigest = {
      steps: [
        step("create", "Blueprint", "service", undefined, { identifier: "service", title: "Service", schema: { properties: {} }, __adopt: true }),
        step("create", "Blueprint", "api", undefined, { identifier: "api", title: "API", schema: { properties: {} } }),
      ],
    };
    expect(summarizePreview("dev", digest)).toBe(
      [
        "### dev: 1 to add, 0 to change, 0 to replace, 0 to delete, 1 to adopt",
        "",
        "**Changes**",
        "",
        "- adds blueprint `api` (API)",
        "- adopts blueprint `service` (Service)",
        "",
      ].join("\n"),
    );
  });

  it("names the field of drift a refreshing preview found: same code, a title Port holds differently", () => {
    const code = { identifier: "service", title: "Service", schema: { properties: {} } };
    const drifted: PreviewStep = {
      op: "update",
      urn: urn("Blueprint", "service"),
      oldState: { inputs: { ...provider, ...code }, outputs: { ...code, title: "Renamed in UI", managedKeys: { top: ["identifier"] }, createdAt: "2026-11-30" } },
      newState: { inputs: { ...provider, ...code } },
    };
    expect(summarizePreview("dev", { steps: [drifted] })).toContain('- blueprint `service`: changes title from "Renamed in UI" to "Service"');
  });

  it("writes an added blueprint, a changed scorecard rule, a replaced action and a deleted dashboard, destructive first", () => {
    const digest: PreviewDigest = {
      steps: [
        { op: "same", urn: "urn:pulumi:dev::port-portal::pulumi:pulumi:Stack::port-portal-dev" },
        step("create", "Blueprint", "incident", undefined, {
          identifier: "incident",
          title: "Incident",
          schema: { properties: {} },
          relations: { service: { target: "service", required: false, many: false } },
        }),
        step("update", "Scorecard", "production-readiness", scorecard("Bronze"), scorecard("Silver")),
        step("create-replacement", "Action", "report", { identifier: "report_incident" }, { identifier: "report_incident_v2" }),
        step("replace", "Action", "report", { identifier: "report_incident", title: "Report" }, { identifier: "report_incident_v2", title: "Report" }),
        step("delete-replaced", "Action", "report", { identifier: "report_incident" }),
        step("delete", "Page", "security", { identifier: "security", type: "dashboard", title: "Security" }),
      ],
    };
    expect(summarizePreview("dev", digest)).toBe(
      [
        "### dev: 1 to add, 1 to change, 1 to replace, 1 to delete",
        "",
        "**Destructive**",
        "",
        "- deletes dashboard `security`",
        "- replaces action `report_incident` with `report_incident_v2`",
        "",
        "**Changes**",
        "",
        "- scorecard Production readiness: rule has_readme moves to Silver",
        "- adds blueprint `incident` (Incident)",
        "",
      ].join("\n"),
    );
  });

  it("describes a blueprint update property by property and relation by relation", () => {
    const before = { identifier: "service", title: "Service", schema: { properties: { old: { type: "string" } } } };
    const after = {
      identifier: "service",
      title: "Service",
      schema: { properties: { language: { type: "string" } } },
      relations: { team: { target: "_team", required: false, many: false } },
    };
    expect(summarizePreview("staging", { steps: [step("update", "Blueprint", "service", before, after)] })).toBe(
      [
        "### staging: 0 to add, 1 to change, 0 to replace, 0 to delete",
        "",
        "**Changes**",
        "",
        "- blueprint `service`: adds property language (string)",
        "- blueprint `service`: removes property old",
        "- blueprint `service`: adds relation service -> _team (team)",
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing in Port changes", () => {
    expect(summarizePreview("prod", { steps: [{ op: "same", urn: urn("Blueprint", "service") }] })).toBe(
      "### prod: 0 to add, 0 to change, 0 to replace, 0 to delete\n\nNo changes to Port.\n",
    );
  });

  it("quotes the old and new values of labels, in documents and in a property's fields", () => {
    const before = { identifier: "service", title: "Service", schema: { properties: { tier: { type: "string", title: "Tier", enum: ["a"] } } } };
    const after = { identifier: "service", title: "Services", icon: "Service", schema: { properties: { tier: { type: "string", title: "Service tier", enum: ["a", "b"] } } } };
    expect(summarizePreview("dev", { steps: [step("update", "Blueprint", "service", before, after)] })).toContain(
      [
        '- blueprint `service`: changes property tier: enum, title from "Tier" to "Service tier"',
        '- blueprint `service`: changes icon from (unset) to "Service"',
        '- blueprint `service`: changes title from "Service" to "Services"',
      ].join("\n"),
    );
  });

  it("quotes no value but a label's, so a secret in an input cannot reach the comment", () => {
    const before = { identifier: "github", title: "GitHub", security: { secret: "[secret]" }, mappings: [] };
    const after = { identifier: "github", title: "GitHub", security: { secret: "plain-leak-7f3a" }, mappings: [] };
    const text = summarizePreview("dev", { steps: [step("update", "Webhook", "github", before, after)] });
    expect(text).toContain("- webhook `github`: changes security");
    expect(text).not.toContain("plain-leak-7f3a");
  });
});
