import * as fs from "fs";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint, replaceBlueprint } from "../../kinds/blueprint/client";
import { createScorecard } from "../../kinds/scorecard/client";
import { createEntity } from "../../kinds/entity/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { exportedStack, portSteps, writesOf } from "./exported-program";

// An org built by hand through the API (not by this project), with entities of one blueprint asked
// for, exported to a program and run as a
// new stack against the same org through the real CLI: it compiles, previews adoptions only,
// writes nothing on up, previews no change after, and an edit to the code previews exactly it.
jest.setTimeout(300_000);

const credentials = { clientId: "export", clientSecret: "export-secret" };

describe("Exporting an org's data model and scorecards", () => {
  let emulator: RunningEmulator;
  let exported: Awaited<ReturnType<typeof exportedStack>>;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials] });
    const client = new PortClient({ baseUrl: emulator.url, ...credentials });
    // A cycle (cluster <-> region), a relation to Port's _team, mirror, calculation and aggregation properties.
    await createBlueprint(client, { identifier: "region", title: "Region", schema: { properties: { code: { type: "string", title: "Code" } }, required: [] } });
    await createBlueprint(client, {
      identifier: "cluster",
      title: "Cluster",
      icon: "Cluster",
      schema: { properties: { nodes: { type: "number", title: "Nodes" } }, required: [] },
      relations: { region: { title: "Region", target: "region", required: false, many: false }, owner: { title: "Owner", target: "_team", required: false, many: false } },
      mirrorProperties: { regionCode: { title: "Region code", path: "region.code" } },
      calculationProperties: { large: { title: "Large", type: "boolean", calculation: ".properties.nodes > 10" } },
    });
    await replaceBlueprint(client, "region", {
      identifier: "region",
      title: "Region",
      schema: { properties: { code: { type: "string", title: "Code" } }, required: [] },
      relations: { primaryCluster: { title: "Primary cluster", target: "cluster", required: false, many: false } },
      aggregationProperties: {
        clusters: { title: "Clusters", target: "cluster", calculationSpec: { calculationBy: "entities", func: "count" } },
      },
    } as any);
    await createScorecard(client, "cluster", {
      identifier: "sizing",
      title: "Sizing",
      rules: [
        { identifier: "has_nodes", title: "Has nodes", level: "Bronze", query: { combinator: "and", conditions: [{ property: "nodes", operator: "isNotEmpty" }] } },
        { identifier: "many_nodes", title: "Many nodes", level: "Silver", query: { combinator: "and", conditions: [{ property: "nodes", operator: ">", value: 3 }] } },
      ],
    } as any);
    await createEntity(client, "region", { identifier: "eu", title: "Europe", properties: { code: "eu" } });
    await createEntity(client, "cluster", { identifier: "eu-1", title: "EU 1", properties: { nodes: 5 }, relations: { region: "eu" } });
    exported = await exportedStack(emulator, credentials, { name: "export-data-model", kinds: new Set(["blueprints", "scorecards", "entities"]), entities: ["cluster"] });
  });

  afterAll(async () => {
    exported?.remove();
    await emulator?.close();
  });

  it("writes a program that compiles under tsc with its own tsconfig", () => {
    expect(exported.files()).toEqual(["Pulumi.yaml", "blueprints.ts", "entities.ts", "index.ts", "package.json", "scorecards.ts", "tsconfig.json"]);
    exported.typecheck();
  });

  it("refers to blueprints by variable, and closes the cycle by identifier", () => {
    const code = fs.readFileSync(path.join(exported.dir, "blueprints.ts"), "utf8");
    expect(code).toContain('const region = new Blueprint("region"');
    expect(code).toContain('region: { title: "Region", target: region, required: false, many: false }');
    expect(code).toContain('primaryCluster: { title: "Primary cluster", target: "cluster", required: false, many: false }');
    expect(code).toContain('owner: { title: "Owner", target: "_team", required: false, many: false }');
    expect(fs.readFileSync(path.join(exported.dir, "scorecards.ts"), "utf8")).toContain("blueprint: blueprints.cluster,");
    // Only the entities of the blueprint asked for.
    expect(fs.readFileSync(path.join(exported.dir, "entities.ts"), "utf8")).toContain('new Entity("cluster-eu-1", {\n    blueprint: blueprints.cluster,');
    expect(fs.readFileSync(path.join(exported.dir, "entities.ts"), "utf8")).not.toContain('new Entity("region-eu"');
  });

  it("previews every object as an adoption, writing nothing", async () => {
    emulator.resetStats();
    const steps = portSteps(await exported.stack.previewJson());
    expect(steps.every(([op, , adopt]) => op === "create" && adopt)).toBe(true);
    expect(steps.map(([, kind]) => kind).sort()).toEqual(["Blueprint", "Blueprint", "BlueprintRelations", "Entity", "Scorecard"]);
    expect(writesOf(emulator)).toEqual([]);
  });

  it("adopts them on up with no write to Port, then previews no change", async () => {
    emulator.resetStats();
    await exported.stack.ok(["up", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual([]);
    expect(portSteps(await exported.stack.previewJson())).toEqual([]);
  });

  it("previews exactly the one scorecard rule edited in the exported code", async () => {
    const file = path.join(exported.dir, "scorecards.ts");
    const code = fs.readFileSync(file, "utf8");
    const edited = code.replace(/(title: "Many nodes",\s*level: )"Silver"/, '$1"Gold"');
    expect(edited).not.toBe(code);
    fs.writeFileSync(file, edited);
    const digest = await exported.stack.previewJson();
    expect(portSteps(digest)).toEqual([["update", "Scorecard", false]]);
  });
});
