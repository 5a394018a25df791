import { PortClient } from "../../core/client/port-client";
import { createTeam } from "../../kinds/team/client";
import { getPage, getPagePermissions, listPages, type PortPageBody } from "../../kinds/page/client";
import { getSidebar } from "../../kinds/folder/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// The guide's persona dashboards, a home page customization and an entity page through the real
// Pulumi CLI: our language host, the dynamic providers in Pulumi's provider process, real HTTP to
// the emulator, and file-backed state.
jest.setTimeout(420_000);

const CLIENT_ID = "e2e-dashboards";
const CLIENT_SECRET = "e2e-dashboards-secret-91c4";

/** A page without the fields Port rewrites on every write. */
function content(page: PortPageBody | undefined): Record<string, unknown> | undefined {
  if (page === undefined) return undefined;
  const { updatedAt: _at, updatedBy: _by, ...rest } = page;
  return rest;
}

/** The ids of the widgets a page's root layout container holds. */
function rootWidgetIds(page: PortPageBody | undefined): string[] {
  const root = (page?.widgets as { widgets?: { id: string }[] }[] | undefined)?.[0];
  return (root?.widgets ?? []).map((widget) => widget.id);
}

describe("Dashboards end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;
  let homeBefore: Record<string, unknown> | undefined;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    await createTeam(client, { name: "security" }); // the security team exists in the org, managed outside this stack
    emulator.resetStats();
    stack = new PulumiStack("dashboards");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "base" }, { "port:clientSecret": CLIENT_SECRET });
    homeBefore = content(await getPage(client, "$home"));
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("previews the first run as creates only, before anything exists", async () => {
    const steps = changingSteps(await stack.previewJson());
    expect([...new Set(steps.map((step) => step.op))]).toEqual(["create"]);
    const pages = steps.filter((step) => step.urn.includes("port:Page::")).map((step) => step.urn.split("::").pop());
    expect(pages.sort()).toEqual(["developers", "home", "rnd-managers", "security", "service-page"]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("brings up the three persona dashboards in nested folders, the home page and an entity page", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const sidebar = await getSidebar(client);
    // Port's own catalog pages (one per blueprint, `blueprint-entities`) sit beside the stack's.
    const catalogPages = new Set<string>();
    for (const item of sidebar.items) if (item.sidebarType === "page" && (await getPage(client, item.identifier))?.type === "blueprint-entities") catalogPages.add(item.identifier);
    expect(catalogPages.size).toBeGreaterThan(0);
    expect(sidebar.items.filter((item) => !catalogPages.has(item.identifier)).map((item) => [item.sidebarType, item.identifier, item.parent ?? "", item.after ?? ""])).toEqual([
      ["folder", "engineering", "", ""],
      ["folder", "personas", "engineering", ""],
      ["page", "developers", "personas", ""],
      ["page", "rnd_managers", "personas", "developers"],
      ["page", "security", "personas", "rnd_managers"],
    ]);

    const developers = await getPage(client, "developers");
    expect(rootWidgetIds(developers)).toEqual(["myOpenIncidentCount", "myServicesByLanguage", "myServices", "myOpenIncidents"]);
    const myServices = (developers?.widgets as { widgets: { id: string; dataset: unknown }[] }[])[0].widgets.find((w) => w.id === "myServices");
    expect(myServices?.dataset).toEqual({ combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } }] });
    expect((await getPage(client, "rnd_managers"))?.pageFilters).toEqual([
      {
        identifier: "criticalServices",
        title: "Critical services only",
        query: { blueprint: "service", combinator: "and", rules: [{ property: "tier", operator: "=", value: "critical" }] },
      },
      {
        identifier: "myTeams",
        title: "My teams' services",
        query: { blueprint: "service", combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } }] },
      },
    ]);
    expect(await getPage(client, "security")).toMatchObject({ locked: true, title: "Security" });
    expect((await getPagePermissions(client, "security"))?.read).toEqual({ users: [], roles: ["Admin"], teams: ["security"] });

    const home = await getPage(client, "$home");
    expect(home).toMatchObject({ identifier: "$home", type: "home", title: "Home" });
    expect(rootWidgetIds(home)).toEqual(["welcome", "myEntities", "recentlyViewed", "recentlyUsedActions"]);
    expect(await getPage(client, "serviceEntity")).toMatchObject({ type: "entity", blueprint: "service", title: "Service overview" });
  });

  it("previews no changes and makes no write on a second preview", async () => {
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("previews no changes, and writes nothing to Port, when the widgets of layouts and the page filters are reordered", async () => {
    await stack.ok(["config", "set", "variant", "reordered"]);
    emulator.resetStats();
    expect(changingSteps(await stack.previewJson())).toEqual([]);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(emulator.stats().writes).toBe(0);
    // The program did reorder: the state now holds the new order, which Port was never sent.
    const exported = JSON.parse((await stack.ok(["stack", "export"])).stdout) as { deployment: { resources: { urn: string; inputs?: PortPageBody }[] } };
    const inputsOf = (name: string) => exported.deployment.resources.find((resource) => resource.urn.endsWith(`port:Page::${name}`))?.inputs;
    expect(rootWidgetIds(inputsOf("developers"))).toEqual(["myOpenIncidents", "myServices", "myServicesByLanguage", "myOpenIncidentCount"]);
    expect((inputsOf("rnd-managers")?.pageFilters as { identifier: string }[]).map((filter) => filter.identifier)).toEqual(["myTeams", "criticalServices"]);
    expect(rootWidgetIds(await getPage(client, "developers"))).toEqual(["myOpenIncidentCount", "myServicesByLanguage", "myServices", "myOpenIncidents"]);
  });

  it("removes the dashboards and folders on destroy and leaves the home page exactly as it was", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect((await listPages(client)).map((page) => page.identifier)).toEqual(["$home"]);
    expect((await getSidebar(client)).items).toEqual([]);
    expect(content(await getPage(client, "$home"))).toEqual(homeBefore);
    expect((await getPagePermissions(client, "$home"))?.read).toEqual({ users: [], roles: ["Admin", "Member"], teams: [] });
    expect(emulator.stats().byRoute["DELETE /v1/pages/:id"]).toBe(3);
  });

  it("never writes the client secret in clear text to the state or the output", () => {
    expect(stack.stateText()).not.toContain(CLIENT_SECRET);
    for (const run of stack.runs) expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
  });
});

describe("Dashboard input errors", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    stack = new PulumiStack("dashboards", "invalid");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "invalid" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("fails at preview naming the dashboard, the widget field and the fix, without calling Port", async () => {
    emulator.resetStats();
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain('Dashboard "bad": field widgets[0].layout[0].columns: sizes 6 + 4 sum to 10; the column sizes of a row must sum to 12. Widen the columns by 2.');
    expect(output).toContain('Dashboard "bad": field widgets[0].widgets[0].property: is required when calculationBy is "property"');
    expect(output).toContain('Dashboard "bad": field widgets[0].widgets[1].type: "pie-chart" is not a widget type');
    expect(output).toContain("nothing was applied");
    expect(emulator.stats().requests).toBe(0);
  });
});
