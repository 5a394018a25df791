import * as fs from "fs";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "../../kinds/blueprint/client";
import { createFolder } from "../../kinds/folder/client";
import { createPage, replacePage } from "../../kinds/page/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { exportedStack, portSteps, writesOf } from "./exported-program";

// An org's folders and dashboards built by hand through the API, exported to a program and run as a
// new stack against the same org through the real CLI: it compiles, previews adoptions only, writes
// nothing on up, and previews no change after. Pages Port makes itself are left out unless changed.
jest.setTimeout(300_000);

const credentials = { clientId: "export-pages", clientSecret: "export-pages-secret" };

const tableOfServices = (id: string) => ({
  id,
  type: "table-entities-explorer",
  title: "Services",
  blueprint: "service",
  displayMode: "widget",
  dataset: { combinator: "and", rules: [{ property: "$blueprint", operator: "=", value: "service" }] },
  excludedFields: ["properties.tier"],
});

describe("Exporting an org's folders and dashboards", () => {
  let emulator: RunningEmulator;
  let exported: Awaited<ReturnType<typeof exportedStack>>;
  let code: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials] });
    const client = new PortClient({ baseUrl: emulator.url, ...credentials });
    // Port makes its catalog page "services" and entity page "serviceEntity" with it.
    await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: { tier: { type: "string", title: "Tier" } }, required: [] } });
    await createBlueprint(client, { identifier: "library", title: "Library", schema: { properties: {}, required: [] } }, { createCatalogPage: false });
    await createFolder(client, { identifier: "platform", title: "Platform" });
    await createFolder(client, { identifier: "reports", title: "Reports", parent: "platform", after: "overview" });
    await createPage(client, {
      identifier: "overview",
      type: "dashboard",
      title: "Overview",
      icon: "Apps",
      parent: "platform",
      pageFilters: [
        { identifier: "prod_only", title: "Production", query: { blueprint: "service", combinator: "and", rules: [{ property: "tier", operator: "=", value: "prod" }] } },
      ],
      widgets: [
        {
          id: "overviewLayout",
          type: "dashboard-widget",
          layout: [
            {
              height: 400,
              columns: [
                { id: "intro", size: 4 },
                { id: "serviceTable", size: 8 },
              ],
            },
            { height: 600, columns: [{ id: "tabs", size: 12 }] },
          ],
          widgets: [
            { id: "intro", type: "markdown", title: "About", markdown: "# Platform\nWhat runs where." },
            tableOfServices("serviceTable"),
            {
              id: "tabs",
              type: "grouper",
              title: "Details",
              displayMode: "tabs",
              groups: [
                { title: "Notes", widgets: [{ id: "notes", type: "markdown", title: "Notes", markdown: "On call: see the rota." }] },
                { title: "All services", widgets: [tableOfServices("allServices")] },
              ],
            },
          ],
        },
      ],
    });
    await createPage(client, {
      identifier: "weekly",
      type: "dashboard",
      title: "Weekly",
      parent: "reports",
      widgets: [
        {
          id: "weeklyLayout",
          type: "dashboard-widget",
          layout: [{ height: 400, columns: [{ id: "summary", size: 12 }] }],
          widgets: [{ id: "summary", type: "markdown", title: "Summary", markdown: "Nothing yet." }],
        },
      ],
    });
    // The home page and the entity page of "library", changed: adopted by the export. Those of "service", untouched: left out.
    await replacePage(client, "libraryEntity", {
      identifier: "libraryEntity",
      type: "entity",
      blueprint: "library",
      title: "Library",
      widgets: [
        { id: "libraryEntityRelatedEntities", type: "table-entities-explorer-by-direction", displayMode: "tabs", blueprint: "library" },
        { id: "readme", type: "markdown", title: "Readme", markdown: "Shared code." },
      ],
    });
    await replacePage(client, "$home", {
      identifier: "$home",
      type: "home",
      title: "Home",
      widgets: [
        {
          id: "homeDashboard",
          type: "dashboard-widget",
          layout: [{ height: 400, columns: [{ id: "homeWelcome", size: 12 }] }],
          widgets: [{ id: "homeWelcome", type: "markdown", title: "Welcome", markdown: "# Welcome to the platform" }],
        },
      ],
    });
    // Only the kinds under test (and the blueprints they refer to), so other kinds' exports do not decide this test.
    exported = await exportedStack(emulator, credentials, { name: "export-pages", kinds: new Set(["blueprints", "folders", "pages"]) });
    code = fs.readFileSync(path.join(exported.dir, "pages.ts"), "utf8");
  });

  afterAll(async () => {
    exported?.remove();
    await emulator?.close();
  });

  it("writes a program that compiles under tsc with its own tsconfig", () => {
    expect(exported.files().filter((file) => file.endsWith(".ts"))).toEqual(["blueprints.ts", "index.ts", "pages.ts"]);
    exported.typecheck();
  });

  it("places folders and dashboards by variable, widgets and filters name the blueprint by variable", () => {
    expect(code).toContain('const reports = new Folder("reports", { identifier: "reports", title: "Reports", parent: platform, after: "overview" }, options);');
    expect(code).toContain('page: { type: "dashboard", folder: platform }');
    expect(code).toContain('page: { type: "dashboard", folder: reports }');
    expect(code).toContain('page: { type: "home" }');
    expect(code).toContain('page: { type: "entity", blueprint: blueprints.library }');
    expect(code.match(/blueprint: blueprints\.service/g)).toHaveLength(3); // the two tables and the page filter
    expect(code).not.toMatch(/createdAt|updatedBy/);
    // Port's own pages, unchanged: the catalog page and the entity page of "service".
    expect(code).not.toMatch(/"services"|serviceEntity/);
  });

  it("previews every object as an adoption, writing nothing", async () => {
    emulator.resetStats();
    const steps = portSteps(await exported.stack.previewJson());
    expect(steps.every(([op, , adopt]) => op === "create" && adopt)).toBe(true);
    expect(steps.map(([, kind]) => kind).sort()).toEqual(["Blueprint", "Blueprint", "Folder", "Folder", "Page", "Page", "Page", "Page"]);
    expect(writesOf(emulator)).toEqual([]);
  });

  it("adopts them on up with no write to Port, then previews no change", async () => {
    emulator.resetStats();
    await exported.stack.ok(["up", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual([]);
    expect(portSteps(await exported.stack.previewJson())).toEqual([]);
  });
});
