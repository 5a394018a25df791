import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";
import { catalogPage } from "./real-pages.test-data";

// Dashboard, Folder and PagePermissions under Pulumi's own mocks: exact types, names, parents and inputs.
const registered = recordRegistrations();

type Guide = typeof import("../../guide/dashboards");
let components: Components;
let guide: Guide;

/** The inputs of the dynamic resource of `type` named `name`, without Pulumi's provider key. */
function inputsOf(type: string, name: string): Record<string, unknown> {
  const found = registered.find((r) => r.type === `pulumi-nodejs:dynamic/port:${type}` && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}; registered: ${registered.map((r) => `${r.type} ${r.name}`).join(", ")}`);
  const { __provider: _provider, ...inputs } = found.inputs;
  return inputs;
}

/** Problems the portal check reports for `declarations` (empty when it passes). */
function checkProblems(declarations: () => unknown, options?: ConstructorParameters<Components["Portal"]>[0]): Promise<string[]> {
  return problemsOf(components, declarations, options);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(async () => {
  components = await import("..");
  guide = await import("../../guide/dashboards");
});

beforeEach(() => {
  registered.length = 0;
});

function serviceBlueprint() {
  return new components.Blueprint("service", {
    identifier: "service",
    title: "Service",
    ownership: { type: "Direct" },
    schema: { properties: { language: { type: "string" }, tier: { type: "string" }, cost: { type: "number" } } },
  });
}

/** A dataset keeping every entity of the widget's blueprint. */
const ALL = { combinator: "and" as const, rules: [] };

const markdownRoot = (id: string) => ({
  id: "root",
  type: "dashboard-widget" as const,
  layout: [{ height: 400, columns: [{ id, size: 12 }] }],
  widgets: [{ id, type: "markdown" as const, title: id, markdown: "" }],
});

describe("Dashboard", () => {
  it("registers a portal:index:Dashboard with its port:Page child, placed in a Folder", async () => {
    const { Dashboard, Folder } = components;
    let folder!: InstanceType<Components["Folder"]>;
    let dashboard!: InstanceType<Components["Dashboard"]>;
    const problems = await checkProblems(() => {
      folder = new Folder("engineering", { identifier: "engineering", title: "Engineering" });
      dashboard = new Dashboard("dev", { identifier: "dev", title: "Dev", page: { type: "dashboard", folder, after: "overview" }, widgets: [markdownRoot("hello")] });
    });
    expect(await valueOf(dashboard.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Dashboard$pulumi-nodejs:dynamic/port:Page::dev");
    expect(await valueOf(folder.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Folder$pulumi-nodejs:dynamic/port:Folder::engineering");
    await settle();
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "portal:index:Dashboard dev",
      "portal:index:Folder engineering",
      "pulumi-nodejs:dynamic/port:Folder engineering",
      "pulumi-nodejs:dynamic/port:Page dev",
    ]);
    expect(inputsOf("Page", "dev")).toEqual({ identifier: "dev", type: "dashboard", title: "Dev", parent: "engineering", after: "overview", widgets: [markdownRoot("hello")] });
    expect(inputsOf("Folder", "engineering")).toEqual({ identifier: "engineering", title: "Engineering" });
    expect(problems).toEqual([]);
  });

  it("turns a Blueprint named by a widget or a page filter into its identifier", async () => {
    await declared(components, () => {
      const service = serviceBlueprint();
      new components.Dashboard("dev", {
        identifier: "dev",
        title: "Dev",
        page: { type: "dashboard" },
        pageFilters: [{ identifier: "go", query: { blueprint: service, combinator: "and", rules: [{ property: "language", operator: "=", value: "Go" }] } }],
        widgets: [{ id: "pie", type: "entities-pie-chart", title: "By language", blueprint: service, property: "property#language", dataset: ALL }],
      });
    });
    await settle();
    const inputs = inputsOf("Page", "dev");
    expect(inputs.widgets).toEqual([{ id: "pie", type: "entities-pie-chart", title: "By language", blueprint: "service", property: "property#language", dataset: ALL }]);
    expect((inputs.pageFilters as { query: { blueprint: string } }[])[0].query.blueprint).toBe("service");
  });

  it("adds a PagePermissions child for readPermissions", async () => {
    // The team must resolve: the whole portal is checked, and "security" is a team managed outside the stack.
    const dashboard = await declared(
      components,
      () => new components.Dashboard("sec", { identifier: "security", title: "Security", page: { type: "dashboard" }, readPermissions: { roles: ["Admin"], teams: ["security"] } }),
      { existingTeams: ["security"] },
    );
    expect(await valueOf(dashboard.permissions!.urn)).toBe("urn:pulumi:test::portal::portal:index:Dashboard$portal:index:PagePermissions::sec-permissions");
    expect(await valueOf(dashboard.permissions!.resource!.urn)).toBe(
      "urn:pulumi:test::portal::portal:index:PagePermissions$pulumi-nodejs:dynamic/port:PagePermissions::sec-permissions",
    );
    expect(inputsOf("PagePermissions", "sec-permissions")).toEqual({ page: "security", read: { roles: ["Admin"], teams: ["security"] } });
  });

  it("adopts the home page and a Blueprint's entity page under Port's identifiers", async () => {
    const { home, entity } = await declared(components, () => {
      const service = serviceBlueprint();
      return {
        home: new components.Dashboard("home", { page: { type: "home" }, widgets: [markdownRoot("hi")] }),
        entity: new components.Dashboard("service-page", { page: { type: "entity", blueprint: service }, title: "Service" }),
      };
    });
    expect(await valueOf(home.identifier)).toBe("$home");
    expect(entity.declaredIdentifier).toBe("serviceEntity");
    await settle();
    expect(inputsOf("Page", "home")).toEqual({ identifier: "$home", type: "home", widgets: [markdownRoot("hi")] });
    expect(inputsOf("Page", "service-page")).toEqual({ identifier: "serviceEntity", type: "entity", blueprint: "service", title: "Service" });
  });

  it("creates a catalog page of a Blueprint, placed in a Folder, with the keys Port keeps on pages", async () => {
    const problems = await checkProblems(() => {
      const service = serviceBlueprint();
      const folder = new components.Folder("catalog", { identifier: "catalog", title: "Catalog" });
      const { identifier: _identifier, type: _type, blueprint: _blueprint, ...content } = JSON.parse(JSON.stringify(catalogPage)) as typeof catalogPage;
      new components.Dashboard("services", { ...content, identifier: "services_catalog", page: { type: "blueprint-entities", blueprint: service, folder } });
    });
    await settle();
    expect(problems).toEqual([]);
    const { identifier: _identifier, ...rest } = catalogPage;
    expect(inputsOf("Page", "services")).toEqual({ identifier: "services_catalog", ...rest, parent: "catalog" });
  });

  it("registers nothing for invalid widgets and reports each problem with the component name", async () => {
    const problems = await checkProblems(() => {
      new components.Dashboard("dev", {
        identifier: "dev",
        title: "Dev",
        page: { type: "dashboard" },
        widgets: [
          {
            id: "root",
            type: "dashboard-widget",
            layout: [{ height: 400, columns: [{ id: "cost", size: 12 }] }],
            widgets: [{ id: "cost", type: "entities-number-chart", title: "Cost", blueprint: "service", calculationBy: "property", func: "sum", unit: "$" }],
          },
          { id: "odd", type: "pie-chart" as "markdown", title: "Odd", markdown: "" },
        ],
      });
    });
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(problems).toEqual([
      'Dashboard "dev": field widgets[0].widgets[0].property: is required when calculationBy is "property": the number property func aggregates, e.g. "cost". Set property.',
      expect.stringMatching(/^Dashboard "dev": field widgets\[1\]\.type: "pie-chart" is not a widget type; allowed: .* Did you mean "entities-pie-chart"\? Fix the type\.$/),
      'Dashboard "dev": field widgets[0].widgets[0].blueprint: blueprint "service" is not declared in this stack. Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
    ]);
  });

  it("fails for a chart property the Blueprint does not declare, naming the closest one", async () => {
    const problems = await checkProblems(() => {
      const service = serviceBlueprint();
      new components.Dashboard("dev", {
        identifier: "dev",
        title: "Dev",
        page: { type: "dashboard" },
        widgets: [
          { id: "pie", type: "entities-pie-chart", title: "P", blueprint: service, property: "property#langauge", dataset: ALL },
          { id: "sum", type: "entities-number-chart", title: "S", blueprint: service, calculationBy: "property", func: "sum", property: "costs", unit: "$" },
        ],
      });
    });
    expect(registered.filter((r) => r.type.endsWith("port:Page"))).toEqual([]);
    expect(problems).toEqual([
      'Dashboard "dev": field widgets[0].property: "langauge" is not a property of blueprint "service" (declared: language, tier, cost). Did you mean "language"? Fix the name, or declare it on the blueprint.',
      'Dashboard "dev": field widgets[1].property: "costs" is not a property of blueprint "service" (declared: language, tier, cost). Did you mean "cost"? Fix the name, or declare it on the blueprint.',
    ]);
  });

  it("checks a table's excluded fields (also written as properties.<key>) and hidden columns against its Blueprint", async () => {
    const problems = await checkProblems(() => {
      const service = serviceBlueprint();
      const table = {
        id: "t",
        type: "table-entities-explorer" as const,
        title: "T",
        blueprint: service,
        dataset: ALL,
        excludedFields: ["properties.language", "properties.tir"],
        blueprintConfig: { service: { propertiesSettings: { hidden: ["$identifier", "cots"] } }, other: { propertiesSettings: { hidden: ["elsewhere"] } } },
      };
      new components.Dashboard("dev", { identifier: "dev", title: "Dev", page: { type: "dashboard" }, widgets: [table] });
    });
    expect(problems).toEqual([
      expect.stringContaining('Dashboard "dev": field widgets[0].excludedFields[1]: "tir" is not a property or relation of blueprint "service"'),
      expect.stringContaining(
        'Dashboard "dev": field widgets[0].blueprintConfig.service.propertiesSettings.hidden[1]: "cots" is not a property or relation of blueprint "service"',
      ),
    ]);
  });

  it("refuses two Dashboards managing the same page", async () => {
    const problems = await checkProblems(() => {
      new components.Dashboard("home-a", { page: { type: "home" } });
      new components.Dashboard("home-b", { page: { type: "home" } });
    });
    expect(problems).toEqual(['Dashboard "home-b": field identifier: page "$home" is already managed by Dashboard "home-a". Manage each page from one Dashboard.']);
  });

  it("gives dashboards, folders and plain blueprint identifiers the stack's prefix and suffix, but not the home page", async () => {
    await declared(
      components,
      () => {
        // A plain blueprint identifier is the stack's own (and prefixed) when the stack declares it: the whole portal is checked.
        serviceBlueprint();
        const folder = new components.Folder("eng", { identifier: "engineering" });
        new components.Dashboard("dev", {
          identifier: "dev",
          title: "Dev",
          page: { type: "dashboard", folder },
          widgets: [
            {
              id: "t",
              type: "table-entities-explorer",
              title: "T",
              blueprint: "service",
              dataset: ALL,
              blueprintConfig: { service: { propertiesSettings: { shown: ["$title"] } } },
            },
          ],
        });
        new components.Dashboard("home", { page: { type: "home" } });
      },
      { identifierPrefix: "stg_", identifierSuffix: "_v1" },
    );
    await settle();
    expect(inputsOf("Folder", "eng").identifier).toBe("stg_engineering_v1");
    const page = inputsOf("Page", "dev");
    expect(page).toMatchObject({ identifier: "stg_dev_v1", parent: "stg_engineering_v1" });
    expect(page.widgets).toEqual([
      {
        id: "t",
        type: "table-entities-explorer",
        title: "T",
        blueprint: "stg_service_v1",
        dataset: ALL,
        blueprintConfig: { stg_service_v1: { propertiesSettings: { shown: ["$title"] } } },
      },
    ]);
    expect(inputsOf("Page", "home").identifier).toBe("$home");
  });
});

describe("Folder", () => {
  it("nests under parent Folders and refuses a fourth level", async () => {
    const { Folder } = components;
    let c!: InstanceType<Components["Folder"]>;
    let d!: InstanceType<Components["Folder"]>;
    const problems = await checkProblems(() => {
      const a = new Folder("a", { identifier: "a" });
      const b = new Folder("b", { identifier: "b", parent: a });
      c = new Folder("c", { identifier: "c", parent: b, after: a });
      d = new Folder("d", { identifier: "d", parent: c });
    });
    expect(c.depth).toBe(3);
    // Every component has its resource now; none is registered while the portal has a problem.
    expect(d.resource).toBeDefined();
    expect(problems).toEqual(['Folder "d": field parent: nests the folder 4 levels deep (a > b > c > d); Port\'s sidebar allows at most 3. Move it to a folder higher up.']);
    await settle();
    expect(
      registered
        .filter((r) => r.type === "pulumi-nodejs:dynamic/port:Folder")
        .map((r) => r.name)
        .sort(),
    ).toEqual([]);
  });
});

describe("guide dashboards", () => {
  function guideBlueprints() {
    const { Blueprint } = components;
    const service = serviceBlueprint();
    const incident = new Blueprint("incident", {
      identifier: "incident",
      title: "Incident",
      schema: { properties: { status: { type: "string" }, severity: { type: "string" }, assignee: { type: "string", format: "user" } } },
      relations: { service: { target: service, required: false, many: false } },
    });
    const api = new Blueprint("api", {
      identifier: "api",
      title: "API",
      schema: { properties: { availability: { type: "number" }, spec: { type: "string" } } },
      relations: { service: { target: service } },
    });
    const deployment = new Blueprint("deployment", { identifier: "deployment", title: "Deployment", schema: { properties: {} } });
    const vulnerability = new Blueprint("vulnerability", guide.vulnerabilityArgs(service));
    return { service, incident, api, deployment, vulnerability };
  }

  it("builds the three persona dashboards and the home page without a problem", async () => {
    // The security dashboard's reader team is managed outside the stack, as in stacks/portal.ts.
    const problems = await checkProblems(
      () => {
        const blueprints = guideBlueprints();
        const folder = new components.Folder("personas", { identifier: "personas" });
        const developers = guide.developersDashboard(blueprints, { folder });
        guide.rndManagersDashboard(blueprints, { folder, after: developers });
        guide.securityDashboard(blueprints, { folder }, ["security"]);
        guide.homePage();
      },
      { existingTeams: ["security"] },
    );
    expect(problems).toEqual([]);
    await settle();
    expect(
      registered
        .filter((r) => r.type === "pulumi-nodejs:dynamic/port:Page")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["developers-dashboard", "home-page", "rnd-managers-dashboard", "security-dashboard"]);
    expect(inputsOf("Page", "rnd-managers-dashboard")).toMatchObject({ identifier: "rnd_managers", parent: "personas", after: "developers" });
    expect(inputsOf("PagePermissions", "security-dashboard-permissions")).toEqual({ page: "security", read: { roles: ["Admin"], teams: ["security"] } });
  });

  it("filters the developers' widgets per viewer: my teams' services, incidents assigned to me", async () => {
    await declared(components, () => guide.developersDashboard(guideBlueprints()));
    await settle();
    const root = (inputsOf("Page", "developers-dashboard").widgets as { widgets: { id: string; dataset?: unknown }[] }[])[0];
    const datasets = Object.fromEntries(root.widgets.map((w) => [w.id, w.dataset]));
    expect(datasets.myServices).toEqual({ combinator: "and", rules: [{ property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } }] });
    expect(datasets.myOpenIncidents).toEqual({
      combinator: "and",
      rules: [
        { property: "assignee", operator: "=", value: { context: "user", property: "$identifier" } },
        { property: "status", operator: "in", value: ["triggered", "acknowledged"] },
      ],
    });
  });

  it("fails the preview when a persona's blueprint lacks a property its charts use", async () => {
    const { Blueprint } = components;
    const problems = await checkProblems(() => {
      const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: { tier: { type: "string" } } } });
      const incident = new Blueprint("incident", { identifier: "incident", title: "Incident", schema: { properties: {} } });
      guide.developersDashboard({ service, incident });
    });
    expect(problems).toEqual([
      'Dashboard "developers-dashboard": field widgets[0].widgets[1].property: "language" is not a property of blueprint "service" (declared: tier). Fix the name, or declare it on the blueprint.',
    ]);
  });
});
