import { PortClient } from "../../core/client/port-client";
import { orgBlueprints } from "../support/org-blueprints";
import { getBlueprint } from "../../kinds/blueprint/client";
import { getScorecard, replaceScorecard, type PortScorecardBody } from "../../kinds/scorecard/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changedInputKeys, changingSteps, type PreviewDigest } from "./pulumi-stack";

// The guide's scorecards through the real Pulumi CLI: our language host, the dynamic providers
// in Pulumi's provider process, real HTTP to the emulator, and file-backed state.
jest.setTimeout(300_000);

const CLIENT_ID = "e2e-scorecards";
const CLIENT_SECRET = "e2e-scorecards-secret-5d1e";

const EXPECTED = ["e2e_api/api_health", "e2e_incident/incident_handling", "e2e_service/production_readiness", "e2e_service/service_health"];

async function allScorecards(client: PortClient): Promise<PortScorecardBody[]> {
  return (await client.request("GET", "/v1/scorecards")).scorecards as PortScorecardBody[];
}

/** The properties and relations a scorecard's conditions read (meta-properties excluded). */
function fieldsRead(scorecard: PortScorecardBody): { properties: string[]; relations: string[] } {
  type Condition = { property?: string; relation?: string };
  const queries = [scorecard.filter, ...(scorecard.rules as { query: unknown }[]).map((rule) => rule.query)].filter(Boolean) as { conditions: Condition[] }[];
  const conditions = queries.flatMap((query) => query.conditions);
  return {
    properties: [...new Set(conditions.map((c) => c.property).filter((p): p is string => p !== undefined && !p.startsWith("$")))],
    relations: [...new Set(conditions.map((c) => c.relation).filter((r): r is string => r !== undefined))],
  };
}

describe("Scorecard end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    stack = new PulumiStack("scorecards");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "base" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("brings the guide's four scorecards up on their blueprints", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const scorecards = await allScorecards(client);
    expect(scorecards.map((s) => `${s.blueprint}/${s.identifier}`).sort()).toEqual(EXPECTED);
    const health = await getScorecard(client, "e2e_service", "service_health");
    expect((health?.levels as { title: string }[]).map((l) => l.title)).toEqual(["Unhealthy", "Degraded", "Healthy"]);
    expect(health?.filter).toEqual({ combinator: "and", conditions: [{ property: "tier", operator: "!=", value: "experimental" }] });
    const readiness = await getScorecard(client, "e2e_service", "production_readiness");
    expect((readiness?.levels as { title: string }[]).map((l) => l.title)).toEqual(["Basic", "Bronze", "Silver", "Gold"]);
    expect((readiness?.rules as { identifier: string; level: string }[]).map((r) => `${r.level}:${r.identifier}`)).toEqual([
      "Bronze:has_readme",
      "Bronze:has_owning_team",
      "Silver:has_on_call",
      "Silver:repository_over_https",
      "Gold:supported_language",
      "Gold:not_experimental",
    ]);
  });

  it("reads only properties and relations that its blueprint declares", async () => {
    for (const scorecard of await allScorecards(client)) {
      const blueprint = (await getBlueprint(client, String(scorecard.blueprint)))!;
      const { properties, relations } = fieldsRead(scorecard);
      expect([scorecard.identifier, properties.filter((p) => !(p in (blueprint.schema as { properties: object }).properties))]).toEqual([scorecard.identifier, []]);
      expect([scorecard.identifier, relations.filter((r) => !(r in (blueprint.relations as object)))]).toEqual([scorecard.identifier, []]);
    }
  });

  it("previews no changes and makes no write request on a second preview", async () => {
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("previews no changes when rules and conditions are reordered in code", async () => {
    await stack.ok(["config", "set", "variant", "reordered"]);
    // --show-sames: the digest then lists the unchanged steps too, with the inputs the code gave.
    const digest = JSON.parse((await stack.ok(["preview", "--json", "--diff", "--show-sames"])).stdout) as PreviewDigest;
    expect(changingSteps(digest)).toEqual([]);
    // The engine did see the reordered code: the new inputs list the rules last-first.
    const readiness = digest.steps.find((s) => s.urn.endsWith("port:Scorecard::production-readiness"))!;
    const ruleIds = (readiness.newState?.inputs?.rules as { identifier: string }[]).map((r) => r.identifier);
    expect(ruleIds[0]).toBe("not_experimental");
  });

  it("updates exactly the one scorecard whose title changed in code", async () => {
    await stack.ok(["config", "set", "variant", "changed"]);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "api-health"]]);
    expect(changedInputKeys(steps[0])).toEqual(["title"]);
    emulator.resetStats();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(emulator.stats().byRoute["PUT /v1/blueprints/:bp/scorecards/:id"]).toBe(1);
    expect((await getScorecard(client, "e2e_api", "api_health"))?.title).toBe("API health (SLOs)");
  });

  it("reports a change made directly through the API on refresh, and proposes to restore it", async () => {
    const current = (await getScorecard(client, "e2e_incident", "incident_handling"))!;
    await replaceScorecard(client, "e2e_incident", "incident_handling", { ...current, title: "Incidents (edited in Port)" });
    const refresh = await stack.ok(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/~ pulumi-nodejs:dynamic\/port:Scorecard: \(update\)\s+\[id=e2e_incident\/incident_handling\]/);
    expect(refresh.stdout).toMatch(/~ title\s*: "Incidents" => "Incidents \(edited in Port\)"/);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "incidents"]]);
  });

  it("removes the scorecards and their blueprints on destroy", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await allScorecards(client)).toEqual([]);
    expect(await orgBlueprints(client)).toEqual([]);
  });

  it("never writes the client secret in clear text to the state or the output", () => {
    expect(stack.stateText()).not.toContain(CLIENT_SECRET);
    for (const run of stack.runs) expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
  });
});

describe("Scorecard input errors", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    stack = new PulumiStack("scorecards", "invalid");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "invalid" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("fails at preview naming the scorecard, the field and the fix, without calling Port", async () => {
    emulator.resetStats();
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain(
      'Scorecard "bad": field rules[0].level: "Basic" is the first level, which every entity reaches; a rule cannot require it. Use one of Bronze, Silver, Gold.',
    );
    expect(output).toContain('Scorecard "bad": field rules[0].query.conditions[0].value: "Go" is not a list; in and containsAny need an array such as ["Go"].');
    expect(output).toContain('Scorecard "bad": field blueprint: blueprint "e2e_servce" is not declared in this stack. Did you mean "e2e_service"?');
    expect(output).toContain("nothing was applied");
    expect(emulator.stats().requests).toBe(0);
  });
});
