import { PortClient } from "../../core/client/port-client";
import { createBlueprint, deleteBlueprint } from "../blueprint/client";
import { getPage, patchPage, replacePage } from "./client";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { pageLogic } from "./provider";
import { catalogPage, dashboardPage } from "./real-pages.test-data";

// The page provider's logic against the emulator over real HTTP: dashboards are created and
// deleted; the home page and entity pages are adopted and restored.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

const markdown = (id: string, text = id) => ({ id, type: "markdown", title: id, markdown: text });
const root = (widgets: Record<string, unknown>[], sizes = widgets.map(() => 12 / widgets.length)) => ({
  id: "root",
  type: "dashboard-widget",
  layout: [{ height: 400, columns: widgets.map((w, i) => ({ id: w.id, size: sizes[i] })) }],
  widgets,
});
const filter = (identifier: string) => ({ identifier, query: { blueprint: "service", combinator: "and", rules: [{ property: "tier", operator: "=", value: identifier }] } });
const table = (excludedFields: string[]) => ({
  id: "t",
  type: "table-entities-explorer",
  title: "T",
  blueprint: "service",
  dataset: { combinator: "and", rules: [] },
  excludedFields,
});

const devSpec = {
  identifier: "dev",
  type: "dashboard",
  title: "Developers",
  widgets: [root([markdown("a"), markdown("b"), table(["readme", "onCall"])])],
  pageFilters: [filter("critical"), filter("standard")],
};

async function checked(spec: Record<string, unknown>) {
  const result = await pageLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

/** A page as Port holds it, without the fields Port rewrites on every write. */
async function contentOf(identifier: string) {
  const { updatedAt: _at, updatedBy: _by, ...rest } = (await getPage(client, identifier))!;
  return rest;
}

const DELETE_PAGE = "DELETE /v1/pages/:id";

describe("Page provider", () => {
  describe("dashboards", () => {
    it("creates the dashboard and reads it back, with the keys the code manages", async () => {
      const { id, outs } = await pageLogic.create(client, await checked(devSpec));
      expect(id).toBe("dev");
      expect(outs).toMatchObject({ identifier: "dev", type: "dashboard", title: "Developers", managedKeys: ["identifier", "pageFilters", "title", "type", "widgets"] });
      expect(outs.original).toBeUndefined();
      expect((await getPage(client, "dev"))?.widgets).toEqual(devSpec.widgets);
    });

    it("finds no change when widgets of a layout, page filters or excluded fields are reordered", async () => {
      const { outs } = await pageLogic.create(client, await checked(devSpec));
      const reordered = {
        ...devSpec,
        widgets: [{ ...root([markdown("a"), markdown("b"), table(["readme", "onCall"])]), widgets: [table(["onCall", "readme"]), markdown("b"), markdown("a")] }],
        pageFilters: [filter("standard"), filter("critical")],
      };
      expect(await pageLogic.diff("dev", outs, await checked(reordered))).toEqual({ changes: false });
    });

    it("finds a change when the layout's columns are reordered: their order is the page's geometry", async () => {
      const { outs } = await pageLogic.create(client, await checked(devSpec));
      const swapped = { ...devSpec, widgets: [root([markdown("b"), markdown("a"), table(["readme", "onCall"])])] };
      expect(await pageLogic.diff("dev", outs, await checked(swapped))).toEqual({ changes: true });
    });

    it("replaces the page for a new identifier or type", async () => {
      const { outs } = await pageLogic.create(client, await checked(devSpec));
      expect(await pageLogic.diff("dev", outs, await checked({ ...devSpec, identifier: "ops" }))).toEqual({ changes: true, replaces: ["identifier"] });
    });

    it("updates what the code changed, keeps what Port's UI added, and drops what the code stopped managing", async () => {
      const { outs } = await pageLogic.create(client, await checked({ ...devSpec, icon: "Code" }));
      await patchPage(client, "dev", { locked: true });
      const { props } = await pageLogic.read(client, "dev", outs);
      const next = await checked({ ...devSpec, title: "Devs" });
      expect(await pageLogic.diff("dev", props!, next)).toEqual({ changes: true });
      await pageLogic.update(client, "dev", props!, next);
      const page = await getPage(client, "dev");
      expect(page).toMatchObject({ title: "Devs", locked: true });
      expect(page?.icon).toBeUndefined();
    });

    it("reads what Port holds, so refresh sees drift, and treats a deleted dashboard as gone", async () => {
      const { outs } = await pageLogic.create(client, await checked(devSpec));
      await replacePage(client, "dev", { ...(await getPage(client, "dev"))!, title: "Edited in Port" });
      expect((await pageLogic.read(client, "dev", outs)).props?.title).toBe("Edited in Port");
      await pageLogic.delete(client, "dev", outs);
      expect(await getPage(client, "dev")).toBeUndefined();
      expect(await pageLogic.read(client, "dev", outs)).toEqual({});
      await expect(pageLogic.delete(client, "dev", outs)).resolves.toBeUndefined();
    });

    it("retries after injected 429 and 500 answers", async () => {
      emulator.setFaults({ failNext: { count: 1, status: 429, method: "POST" } });
      await pageLogic.create(client, await checked(devSpec));
      emulator.setFaults({ failNext: { count: 2, status: 500, method: "PUT" } });
      const { props } = await pageLogic.read(client, "dev", {});
      await pageLogic.update(client, "dev", props!, await checked({ ...devSpec, title: "After faults" }));
      expect((await getPage(client, "dev"))?.title).toBe("After faults");
    });
  });

  describe("pages shaped like Port's", () => {
    beforeEach(async () => {
      await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: {} } });
    });

    it("creates a catalog page with the keys Port keeps on pages, sending keys it does not type as they are", async () => {
      const spec = { ...structuredClone(catalogPage), drillDown: { enabled: true } };
      const { outs } = await pageLogic.create(client, await checked(spec));
      expect(await contentOf("services_catalog")).toMatchObject(spec);
      expect(await pageLogic.diff("services_catalog", outs, await checked(spec))).toEqual({ changes: false });
    });

    it("finds no change when Port adds its meta fields to widgets and keys the code never set to the page", async () => {
      const { outs } = await pageLogic.create(client, await checked(dashboardPage));
      const held = (await getPage(client, "service_health"))!;
      const stamp = { createdAt: "2026-01-01T00:00:00.000Z", createdBy: "port", updatedAt: "2026-01-01T00:00:00.000Z", updatedBy: "port" };
      const stamped = (held.widgets as Record<string, unknown>[]).map((widget) => ({
        ...widget,
        ...stamp,
        widgets: (widget.widgets as Record<string, unknown>[]).map((child) => ({ ...child, ...stamp })),
      }));
      await replacePage(client, "service_health", { ...held, widgets: stamped, newPageSetting: "set in Port" });
      const { props } = await pageLogic.read(client, "service_health", outs);
      expect(await pageLogic.diff("service_health", props!, await checked(dashboardPage))).toEqual({ changes: false });
      await pageLogic.update(client, "service_health", props!, await checked({ ...dashboardPage, title: "Health" }));
      expect(await getPage(client, "service_health")).toMatchObject({ title: "Health", newPageSetting: "set in Port", showInSidebar: true, section: "software_catalog" });
    });
  });

  describe("the home page", () => {
    const homeSpec = { identifier: "$home", type: "home", widgets: [root([markdown("welcome", "# Hello"), { id: "mine", type: "my-entities", title: "Mine" }])] };

    it("is adopted on create: Port's page is remembered, ours is applied, keys the code leaves out are kept", async () => {
      const before = await contentOf("$home");
      const { id, outs } = await pageLogic.create(client, await checked(homeSpec));
      expect(id).toBe("$home");
      const { createdAt: _c, createdBy: _b, ...original } = before;
      expect(outs.original).toEqual(original);
      const after = await getPage(client, "$home");
      expect(after).toMatchObject({ identifier: "$home", type: "home", title: "Home", icon: "Home", widgets: homeSpec.widgets });
      expect(emulator.stats().byRoute["POST /v1/pages"]).toBeUndefined();
    });

    it("is restored exactly on delete, never deleted", async () => {
      const before = await contentOf("$home");
      const { outs } = await pageLogic.create(client, await checked(homeSpec));
      const { props } = await pageLogic.read(client, "$home", outs);
      expect(props?.original).toEqual(outs.original);
      await pageLogic.update(client, "$home", props!, await checked({ ...homeSpec, title: "Our portal" }));
      const { props: updated } = await pageLogic.read(client, "$home", outs);
      expect(updated?.original).toEqual(outs.original);
      await pageLogic.delete(client, "$home", updated!);
      expect(await contentOf("$home")).toEqual(before);
      expect(emulator.stats().byRoute[DELETE_PAGE]).toBeUndefined();
    });

    it("is not a diff from the memory of its original: only the spec counts", async () => {
      const { outs } = await pageLogic.create(client, await checked(homeSpec));
      expect(await pageLogic.diff("$home", outs, await checked(homeSpec))).toEqual({ changes: false });
    });
  });

  describe("entity pages", () => {
    const entitySpec = { identifier: "serviceEntity", type: "entity", blueprint: "service", title: "Service page", widgets: [markdown("about")] };

    beforeEach(async () => {
      await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: {} } });
    });

    it("are adopted on create and put back as Port made them on delete", async () => {
      const before = await contentOf("serviceEntity");
      const { outs } = await pageLogic.create(client, await checked(entitySpec));
      expect(await getPage(client, "serviceEntity")).toMatchObject({ title: "Service page", widgets: entitySpec.widgets, blueprint: "service" });
      await pageLogic.delete(client, "serviceEntity", outs);
      expect(await contentOf("serviceEntity")).toEqual(before);
      expect(emulator.stats().byRoute[DELETE_PAGE]).toBeUndefined();
    });

    it("are done on delete when their blueprint took them away already", async () => {
      const { outs } = await pageLogic.create(client, await checked(entitySpec));
      await deleteBlueprint(client, "service");
      await expect(pageLogic.delete(client, "serviceEntity", outs)).resolves.toBeUndefined();
    });

    it("cannot be adopted before Port made them, with a message saying why", async () => {
      const error = await pageLogic.create(client, await checked({ ...entitySpec, identifier: "apiEntity", blueprint: "api" })).catch((e: Error) => e);
      expect((error as Error).message).toBe(
        'Dashboard "apiEntity": page "apiEntity" does not exist in Port. It cannot be created, only adopted: Port makes it with blueprint "api". Create the blueprint first, or check the identifier.',
      );
    });
  });

  it("fails check for bad widgets with the field and the fix, without any request", async () => {
    const result = await pageLogic.check({}, { ...devSpec, widgets: [root([markdown("a"), markdown("b")], [6, 4])] });
    expect(result.failures).toEqual([
      {
        property: "widgets",
        reason: 'Dashboard "dev": field widgets[0].layout[0].columns: sizes 6 + 4 sum to 10; the column sizes of a row must sum to 12. Widen the columns by 2.',
      },
    ]);
    expect(emulator.stats().requests).toBe(0);
  });
});
