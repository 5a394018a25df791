import { Harness, blueprintBody, problemPaths } from "./emulator-harness";
import { catalogPage, dashboardPage, entityPage } from "../../kinds/page/real-pages.test-data";

// The emulator's page validation over HTTP: pages shaped like Port's are accepted and kept whole;
// widgets are checked against Port's published widget schema (apispec.yaml /schemas/dashboardWidget).
let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  h.emulator.reset();
  expect((await h.post("/v1/blueprints", blueprintBody("service", { title: "Service" }))).status).toBe(201);
});

/** A dashboard whose one layout row shows `widget`. */
const dashboardOf = (...widgets: Record<string, unknown>[]) => ({
  identifier: "dev",
  type: "dashboard",
  title: "Dev",
  widgets: [{ id: "root", type: "dashboard-widget", layout: [{ height: 400, columns: widgets.map((w) => ({ id: w.id, size: 12 / widgets.length })) }], widgets }],
});
const query = { combinator: "and", rules: [] };

/** The problems of a 422, as `path: message`. */
const problemsOf = (body: { details?: { errors?: { path: string; message: string }[] } }) => (body.details?.errors ?? []).map((e) => `${e.path}: ${e.message}`);

describe("Page validation", () => {
  it("accepts a catalog page, an entity page and a dashboard shaped like Port's, and keeps every key", async () => {
    const created = await h.post("/v1/pages", { ...catalogPage, somethingNew: { kept: true } });
    expect(created.status).toBe(200);
    expect((await h.get("/v1/pages/services_catalog")).body.page).toMatchObject({ ...catalogPage, somethingNew: { kept: true } });

    const replaced = await h.put("/v1/pages/serviceEntity", entityPage);
    expect(replaced.status).toBe(200);
    expect(replaced.body.page).toMatchObject(entityPage);

    expect((await h.post("/v1/pages", dashboardPage)).status).toBe(200);
    expect((await h.get("/v1/pages/service_health")).body.page).toMatchObject(dashboardPage);
  });

  it("refuses a widget type Port's widget schema does not list, naming the allowed types", async () => {
    const res = await h.post("/v1/pages", dashboardOf({ id: "a", type: "some-future-widget" }));
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/widgets/0/widgets/0/type"]);
    expect(res.body.details.errors[0].allowedValues).toEqual(expect.arrayContaining(["bar-chart", "links-widget", "ai-agent", "entity-info", "runs-table"]));
  });

  it("refuses widgets without the keys their type requires, and those a chartType, calculationBy, func or urlType requires", async () => {
    const res = await h.post(
      "/v1/pages",
      dashboardOf(
        { id: "pie", type: "entities-pie-chart", title: "Pie", property: "property#language" },
        { id: "sum", type: "entities-number-chart", title: "Sum", unit: "none", calculationBy: "property", chartType: "aggregateByProperty" },
        { id: "line", type: "line-chart", title: "Line", blueprint: "service", chartType: "countEntities", func: "count" },
        { id: "frame", type: "iframe-widget", title: "Frame", url: "https://grafana.example.com", urlType: "protected", clientId: "port" },
      ),
    );
    expect(res.status).toBe(422);
    expect(problemsOf(res.body)).toEqual([
      "/widgets/0/widgets/0/dataset: is required",
      "/widgets/0/widgets/1/dataset: is required",
      "/widgets/0/widgets/1/property: is required",
      "/widgets/0/widgets/1/func: is required",
      "/widgets/0/widgets/2/measureTimeBy: is required",
      "/widgets/0/widgets/3/tokenUrl: is required",
      "/widgets/0/widgets/3/authorizationUrl: is required",
      "/widgets/0/widgets/3/scopes: is required",
    ]);
  });

  it("refuses layouts, groups and enumerated values not shaped as the widget schema says", async () => {
    const grouper = { id: "g", type: "grouper", displayMode: "accordion", groups: [{ widgets: [] }] };
    const line = {
      id: "l",
      type: "line-chart",
      blueprint: "service",
      chartType: "propertiesValueHistory",
      entity: "checkout",
      properties: ["properties.cost"],
      timeInterval: "week",
    };
    const page = dashboardOf(grouper, line);
    page.widgets[0].layout = [{ height: "tall", columns: [{ id: "g" }] }] as never;
    const res = await h.post("/v1/pages", page);
    expect(res.status).toBe(422);
    expect(problemsOf(res.body)).toEqual([
      "/widgets/0/layout/0/height: must be number (got string)",
      "/widgets/0/layout/0/columns/0/size: is required",
      '/widgets/0/widgets/0/displayMode: must be equal to one of the allowed values (got "accordion")',
      "/widgets/0/widgets/0/groups/0/title: is required",
      '/widgets/0/widgets/1/timeInterval: must be equal to one of the allowed values (got "week")',
    ]);
  });

  it("checks a widget patched by id like any other", async () => {
    expect((await h.post("/v1/pages", dashboardOf({ id: "pie", type: "entities-pie-chart", title: "Pie", property: "property#language", dataset: query }))).status).toBe(200);
    const refused = await h.patch("/v1/pages/dev/widgets/pie", { type: "pie-chart" });
    expect(refused.status).toBe(422);
    expect(problemPaths(refused.body)).toEqual(["/widgets/0/widgets/0/type"]);
    expect((await h.patch("/v1/pages/dev/widgets/pie", { type: "bar-chart" })).status).toBe(200);
  });
});
