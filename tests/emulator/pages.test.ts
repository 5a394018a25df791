import { Harness, blueprintBody, problemPaths } from "./emulator-harness";

// Port's page rules over HTTP (port-api.md §10): the home page, entity pages, dashboards, widgets by id, permissions.
let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.reset();
});

const root = (widgets: Record<string, unknown>[], sizes = widgets.map(() => 12 / widgets.length)) => ({
  id: "root",
  type: "dashboard-widget",
  layout: [{ height: 400, columns: widgets.map((w, i) => ({ id: w.id, size: sizes[i] })) }],
  widgets,
});
const dashboard = (identifier: string, extra: Record<string, unknown> = {}) => ({ identifier, type: "dashboard", title: `Dashboard ${identifier}`, ...extra });

describe("Pages", () => {
  describe("the home page", () => {
    it("exists from the start and again after a reset", async () => {
      const res = await h.get("/v1/pages/$home");
      expect(res.status).toBe(200);
      expect(res.body.page).toMatchObject({ identifier: "$home", type: "home", title: "Home" });
      expect(res.body.page.widgets[0].type).toBe("dashboard-widget");
      await h.put("/v1/pages/$home", { identifier: "$home", type: "home", title: "Changed" });
      h.emulator.reset();
      expect((await h.get("/v1/pages/$home")).body.page.title).toBe("Home");
    });

    it("cannot be created or deleted, only replaced", async () => {
      const created = await h.post("/v1/pages", { identifier: "$home2", type: "home", title: "Another home" });
      expect(created.status).toBe(422);
      expect(problemPaths(created.body)).toEqual(["/type"]);
      const deleted = await h.delete("/v1/pages/$home");
      expect(deleted.status).toBe(422);
      expect(deleted.body).toMatchObject({ ok: false, error: "page_not_deletable" });
      const replaced = await h.put("/v1/pages/$home", { title: "Our home", widgets: [] });
      expect(replaced.status).toBe(200);
      expect(replaced.body.page).toMatchObject({ identifier: "$home", type: "home", title: "Our home", widgets: [], createdBy: "port" });
      expect(replaced.body.page.icon).toBeUndefined();
    });
  });

  describe("entity pages", () => {
    it("come with their blueprint, follow its rename and go with it", async () => {
      await h.post("/v1/blueprints", blueprintBody("service", { title: "Service", icon: "Microservice" }));
      const page = (await h.get("/v1/pages/serviceEntity")).body.page;
      expect(page).toMatchObject({ identifier: "serviceEntity", type: "entity", blueprint: "service", title: "Service", icon: "Microservice" });
      expect((await h.get("/v1/pages/serviceEntity/permissions")).status).toBe(200);

      await h.put("/v1/blueprints/service", blueprintBody("svc"));
      expect((await h.get("/v1/pages/serviceEntity")).status).toBe(404);
      expect((await h.get("/v1/pages/svcEntity")).body.page).toMatchObject({ identifier: "svcEntity", blueprint: "svc" });

      await h.delete("/v1/blueprints/svc");
      expect((await h.get("/v1/pages/svcEntity")).status).toBe(404);
      expect((await h.get("/v1/pages/svcEntity/permissions")).status).toBe(404);
    });

    it("cannot be created or deleted through /v1/pages, only updated", async () => {
      await h.post("/v1/blueprints", blueprintBody("service"));
      const created = await h.post("/v1/pages", { identifier: "apiEntity", type: "entity", blueprint: "service" });
      expect(created.status).toBe(422);
      expect(created.body.message).toContain("entity pages are created with their blueprint");
      expect((await h.delete("/v1/pages/serviceEntity")).body.error).toBe("page_not_deletable");
      const updated = await h.put("/v1/pages/serviceEntity", { title: "Service page", blueprint: "other" });
      expect(updated.body.page).toMatchObject({ identifier: "serviceEntity", type: "entity", blueprint: "service", title: "Service page" });
    });
  });

  describe("catalog pages", () => {
    it("come with a new blueprint unless create_catalog_page=false, as a blueprint-entities page <blueprint>s", async () => {
      await h.post("/v1/blueprints", blueprintBody("service", { title: "Service", icon: "Microservice" }));
      await h.post("/v1/blueprints?create_catalog_page=true", blueprintBody("api"));
      await h.post("/v1/blueprints?create_catalog_page=false", blueprintBody("job"));
      const page = (await h.get("/v1/pages/services")).body.page;
      expect(page).toMatchObject({ identifier: "services", type: "blueprint-entities", blueprint: "service", title: "Services", icon: "Microservice" });
      expect(page.widgets).toEqual([expect.objectContaining({ type: "table-entities-explorer", blueprint: "service" })]);
      expect((await h.get("/v1/pages/services/permissions")).status).toBe(200);
      expect((await h.get("/v1/pages/apis")).status).toBe(200);
      expect((await h.get("/v1/pages/jobs")).status).toBe(404);
    });

    it("leave a page that already has the identifier as it is", async () => {
      await h.post("/v1/pages", dashboard("services", { title: "Our services" }));
      await h.post("/v1/blueprints", blueprintBody("service"));
      expect((await h.get("/v1/pages/services")).body.page).toMatchObject({ type: "dashboard", title: "Our services" });
    });

    it("keep their identifier on a rename, naming the new blueprint, and go with the blueprint, as every page tied to it", async () => {
      await h.post("/v1/blueprints", blueprintBody("service"));
      expect((await h.post("/v1/pages", { identifier: "critical_services", type: "blueprint-entities", blueprint: "service", widgets: [] })).status).toBe(200);
      await h.put("/v1/blueprints/service", blueprintBody("svc"));
      const page = (await h.get("/v1/pages/services")).body.page;
      expect(page.blueprint).toBe("svc");
      expect(page.widgets[0].blueprint).toBe("svc");
      expect((await h.get("/v1/pages/critical_services")).body.page.blueprint).toBe("svc");

      await h.delete("/v1/blueprints/svc");
      expect((await h.get("/v1/pages/services")).status).toBe(404);
      expect((await h.get("/v1/pages/critical_services")).status).toBe(404);
      expect((await h.get("/v1/pages/services/permissions")).status).toBe(404);
    });

    it("can be deleted through /v1/pages", async () => {
      await h.post("/v1/blueprints", blueprintBody("service"));
      expect((await h.delete("/v1/pages/services")).body).toEqual({ ok: true });
      expect((await h.get("/v1/pages/services")).status).toBe(404);
    });
  });

  describe("dashboards", () => {
    it("answers a create with {ok, identifier} and gives widgets without an id one", async () => {
      const created = await h.post("/v1/pages", dashboard("dev", { widgets: [{ type: "markdown", title: "Hi", markdown: "hi" }] }));
      expect(created.status).toBe(200);
      expect(created.body).toEqual({ ok: true, identifier: "dev" });
      const page = (await h.get("/v1/pages/dev")).body.page;
      expect(page).toMatchObject({ identifier: "dev", type: "dashboard", title: "Dashboard dev" });
      expect(typeof page.widgets[0].id).toBe("string");
      expect(page.createdAt).toEqual(page.updatedAt);
      expect((await h.post("/v1/pages", dashboard("dev"))).status).toBe(409);
    });

    it("keeps widget keys Port's widget schema does not list: layout and chart rules are the components' to check", async () => {
      const odd = root(
        [
          { id: "a", type: "entities-number-chart", func: "sum", unit: "none", someFutureKey: 1 },
          { id: "b", type: "markdown", title: "B", markdown: "" },
        ],
        [5, 5],
      );
      const res = await h.post("/v1/pages", dashboard("dev", { widgets: [odd], somethingNew: true }));
      expect(res.status).toBe(200);
      expect((await h.get("/v1/pages/dev")).body.page.widgets).toEqual([odd]);
    });

    it("refuses a body whose frame is wrong, naming each problem", async () => {
      const res = await h.post("/v1/pages", { identifier: "dev", type: "board", locked: "yes", widgets: [{ id: "a" }, "text"], pageFilters: {} });
      expect(res.status).toBe(422);
      expect(problemPaths(res.body)).toEqual(["/type", "/locked", "/widgets/0/type", "/widgets/1", "/pageFilters"]);
    });

    it("replaces the whole page on PUT, merges on PATCH, and refuses a rename or a new type", async () => {
      await h.post("/v1/pages", dashboard("dev", { icon: "Code", widgets: [root([{ id: "m", type: "markdown", title: "M", markdown: "" }])] }));
      const replaced = await h.put("/v1/pages/dev", { title: "Dev" });
      expect(replaced.body.page.icon).toBeUndefined();
      expect(replaced.body.page.widgets).toBeUndefined();
      const patched = await h.patch("/v1/pages/dev", { locked: true });
      expect(patched.body.page).toMatchObject({ identifier: "dev", type: "dashboard", title: "Dev", locked: true });
      const renamed = await h.put("/v1/pages/dev", { identifier: "ops", type: "home", title: "Ops" });
      expect(renamed.status).toBe(422);
      expect(problemPaths(renamed.body)).toEqual(["/identifier", "/type"]);
    });

    it("lists pages, in short form when compact, in full when compact is false or absent (its default)", async () => {
      await h.post("/v1/pages", dashboard("dev", { parent: "engineering", widgets: [] }));
      const all = (await h.get("/v1/pages?compact=false")).body.pages;
      expect(all.map((p: { identifier: string }) => p.identifier)).toEqual(["$home", "dev"]);
      expect(all[1].widgets).toEqual([]);
      expect((await h.get("/v1/pages")).body.pages).toEqual(all);
      const compact = (await h.get("/v1/pages?compact=true")).body.pages;
      expect(compact[1]).toEqual({ identifier: "dev", type: "dashboard", title: "Dashboard dev", parent: "engineering" });
      expect(problemPaths((await h.get("/v1/pages?compact=yes")).body)).toEqual(["/querystring/compact"]);
    });

    it("deletes a dashboard and its permissions", async () => {
      await h.post("/v1/pages", dashboard("dev"));
      expect((await h.delete("/v1/pages/dev")).body).toEqual({ ok: true });
      expect((await h.get("/v1/pages/dev")).status).toBe(404);
      expect((await h.get("/v1/pages/dev/permissions")).body.error).toBe("not_found");
      expect((await h.delete("/v1/pages/dev")).body).toMatchObject({ error: "not_found", details: { resource: "Page", withValue: "dev" } });
    });
  });

  describe("widgets by id", () => {
    it("patches and deletes a widget nested in a container", async () => {
      const grouper = { id: "g", type: "grouper", displayMode: "tabs", groups: [{ title: "T", widgets: [root([{ id: "m", type: "markdown", title: "M", markdown: "old" }])] }] };
      await h.post("/v1/pages", dashboard("dev", { widgets: [grouper] }));
      const patched = await h.patch("/v1/pages/dev/widgets/m", { markdown: "new", id: "ignored" });
      expect(patched.body).toEqual({ ok: true, identifier: "dev" });
      const page = (await h.get("/v1/pages/dev")).body.page;
      expect(page.widgets[0].groups[0].widgets[0].widgets[0]).toEqual({ id: "m", type: "markdown", title: "M", markdown: "new" });
      expect((await h.delete("/v1/pages/dev/widgets/m")).body).toEqual({ ok: true });
      expect((await h.get("/v1/pages/dev")).body.page.widgets[0].groups[0].widgets[0].widgets).toEqual([]);
      expect((await h.patch("/v1/pages/dev/widgets/m", {})).body).toMatchObject({ error: "not_found", details: { resource: "Widget", byField: "id", withValue: "m" } });
    });
  });

  describe("permissions", () => {
    it("start as Port's default and PATCH replaces only the lists it names", async () => {
      await h.post("/v1/pages", dashboard("dev"));
      expect((await h.get("/v1/pages/dev/permissions")).body).toEqual({
        ok: true,
        permissions: { read: { users: [], roles: ["Admin", "Member"], teams: [] }, update: { users: [], roles: ["Admin"], teams: [] } },
      });
      expect((await h.post("/v1/teams", { name: "security" })).status).toBe(200);
      const patched = await h.patch("/v1/pages/dev/permissions", { read: { roles: ["Admin"], teams: ["security"] } });
      expect(patched.body.permissions).toEqual({ read: { users: [], roles: ["Admin"], teams: ["security"] }, update: { users: [], roles: ["Admin"], teams: [] } });
    });

    it("exist for the home page and refuse a malformed body", async () => {
      expect((await h.get("/v1/pages/$home/permissions")).status).toBe(200);
      const res = await h.patch("/v1/pages/$home/permissions", { read: { roles: "Admin", users: [1] }, delete: {} });
      expect(res.status).toBe(422);
      expect(problemPaths(res.body)).toEqual(["/delete", "/read/users/0", "/read/roles"]);
    });

    it("answer not_found for a page that does not exist", async () => {
      const res = await h.patch("/v1/pages/nope/permissions", { read: { roles: [] } });
      expect(res.status).toBe(404);
      expect(res.body.details).toEqual({ resource: "Page", byField: "identifier", withValue: "nope" });
    });
  });
});

describe("Page permissions and the organization's people", () => {
  it("refuses a team, role or user the organization does not have, naming each", async () => {
    const { startEmulator } = await import("../../emulator/server");
    const emulator = await startEmulator({ port: 0 });
    try {
      const token = (await (
        await fetch(`${emulator.url}/v1/auth/access_token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ clientId: "emulator-client-id", clientSecret: "emulator-client-secret" }),
        })
      ).json()) as { accessToken: string };
      const response = await fetch(`${emulator.url}/v1/pages/$home/permissions`, {
        method: "PATCH",
        headers: { "content-type": "application/json", authorization: `Bearer ${token.accessToken}` },
        body: JSON.stringify({ read: { teams: ["ghosts"], roles: ["Wizard"], users: ["nobody@example.com"] } }),
      });
      const body = (await response.json()) as { message: string };
      expect(response.status).toBe(422);
      expect(body.message).toContain('/read/teams/0 team "ghosts" does not exist');
      expect(body.message).toContain('/read/roles/0 role "Wizard" does not exist');
      expect(body.message).toContain('/read/users/0 user "nobody@example.com" is not a user of the organization (invite them first)');
    } finally {
      await emulator.close();
    }
  });
});
