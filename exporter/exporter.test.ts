import { PortClient } from "../core/client/port-client";
import type { RunningEmulator } from "../emulator/server";
import { createAction } from "../kinds/action/client";
import { createBlueprint } from "../kinds/blueprint/client";
import { useProviderEmulator, credentials } from "../tests/support/provider-emulator";
import { ReadOnlyPortClient, planExport } from "./export-org";
import { code, printValue } from "./literal";
import { parseExportArgs } from "./main";
import { NamePool, camelCase } from "./names";
import { renderProject } from "./project";

describe("printValue", () => {
  it("writes keys bare where they can be, code as written, and breaks what does not fit a line", () => {
    expect(printValue({ title: "A", "a-b": 1, target: code("blueprints.service"), none: undefined })).toBe('{ title: "A", "a-b": 1, target: blueprints.service }');
    expect(printValue({ description: "x".repeat(120) })).toBe(`{\n  description: "${"x".repeat(120)}",\n}`);
    expect(printValue([])).toBe("[]");
  });
});

describe("names", () => {
  it("turns identifiers into variables, never twice the same nor a reserved word", () => {
    expect([camelCase("service_catalog"), camelCase("k8s-cluster"), camelCase("3scale")]).toEqual(["serviceCatalog", "k8sCluster", "_3scale"]);
    const pool = new NamePool();
    expect([pool.take("service"), pool.take("service"), pool.take("default")]).toEqual(["service", "service2", "defaultObject"]);
  });
});

describe("parseExportArgs", () => {
  it("reads the output directory, kinds, blueprints and entities", () => {
    const parsed = parseExportArgs(["--out", "dir", "--kinds", "blueprints,scorecards", "--blueprints=service", "--entities", "service", "--release"]);
    expect(parsed).toMatchObject({ out: "dir", kinds: new Set(["blueprints", "scorecards"]), blueprints: new Set(["service"]), entities: ["service"], release: true });
  });

  it("refuses an unknown kind, naming the kinds, and a missing --out", () => {
    expect(() => parseExportArgs(["--out", "d", "--kinds", "blueprint"])).toThrow(/Unknown kind blueprint in --kinds; the kinds are blueprints, /);
    expect(() => parseExportArgs([])).toThrow("Give the directory to write the program to: --out <dir>.");
  });
});

describe("exporting from an org", () => {
  let emulator: RunningEmulator;
  let client: PortClient;
  useProviderEmulator((e, c) => {
    emulator = e;
    client = c;
  });

  it("reads with GETs and searches only, and its client refuses any write", async () => {
    await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: {} } });
    emulator.resetStats();
    const readOnly = new ReadOnlyPortClient({ baseUrl: emulator.url, ...credentials });
    await planExport(readOnly, { name: "p", release: false, libraryVersion: "*", source: "org" });
    expect(emulator.stats().writes).toBe(0);
    await expect(readOnly.request("DELETE", "/v1/blueprints/service")).rejects.toThrow("The export only reads from Port; it refused DELETE /v1/blueprints/service.");
  });

  it("reads only what the kinds asked for need: blueprints alone are one list, without permissions, pages or people", async () => {
    await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: {} } });
    emulator.resetStats();
    await planExport(client, { name: "p", release: false, libraryVersion: "*", source: "org", kinds: new Set(["blueprints"]) });
    expect(Object.keys(emulator.stats().byRoute).filter((route) => !route.includes("access_token"))).toEqual(["GET /v1/blueprints"]);
  });

  it("leaves out an action whose webhook headers hold a literal credential, and says why", async () => {
    await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: {} } });
    await createAction(client, {
      identifier: "deploy",
      title: "Deploy",
      trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: "service", userInputs: { properties: {} } },
      invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com", headers: { Authorization: "Bearer plain-text" } },
    } as any);
    const plan = await planExport(client, { name: "p", release: false, libraryVersion: "*", source: "org" });
    expect(plan.declarations.filter((d) => d.component === "Action")).toEqual([]);
    expect(plan.leftOut).toEqual([expect.stringMatching(/^action "deploy": its webhook headers hold a literal credential/)]);
  });

  it("lists what the code names but does not declare in the Portal, for its check", async () => {
    await createBlueprint(client, { identifier: "team_info", title: "Team info", schema: { properties: {} } });
    await createBlueprint(client, {
      identifier: "service",
      title: "Service",
      schema: { properties: {} },
      relations: { info: { title: "Info", target: "team_info", required: false, many: false } },
    });
    const options = { name: "p", release: true, libraryVersion: "*", source: "org", blueprints: new Set(["service"]) };
    const index = renderProject(await planExport(client, options), options).get("index.ts")!;
    expect(index).toContain('const portal = new Portal({ existingBlueprints: ["team_info"] });');
    expect(index).toContain("const options: PortComponentOptions = { adopt: true, retainOnDelete: true };");
  });
});
