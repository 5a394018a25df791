import * as pulumi from "@pulumi/pulumi";
import { Blueprint, Dashboard, Folder, Portal, type DashboardArgs } from "@port-portal/pulumi";
import { developersDashboardArgs, homePageArgs, rndManagersDashboardArgs, securityDashboardArgs, vulnerabilityArgs } from "@port-portal/pulumi/guide";

// `variant` lets a test change the code between runs: "base"; "reordered" (the same dashboards with
// every list Port treats as unordered in reverse order); "invalid" (bad widgets that must fail
// before any call to Port).
const variant = new pulumi.Config().get("variant") ?? "base";
// The security team is managed outside this program (Port's UI, SSO): named as existing, so the check accepts it.
const portal = new Portal({ existingTeams: ["security"] });

export = portal.declare(() => {
  const service = new Blueprint("service", {
    identifier: "service",
    title: "Service",
    ownership: { type: "Direct" },
    schema: {
      properties: {
        language: { type: "string", title: "Language", enum: ["Go", "TypeScript"] },
        tier: { type: "string", title: "Tier", enum: ["critical", "standard"] },
      },
    },
  });
  const incident = new Blueprint("incident", {
    identifier: "incident",
    title: "Incident",
    schema: {
      properties: {
        severity: { type: "string", title: "Severity", enum: ["SEV1", "SEV2", "SEV3", "SEV4"] },
        status: { type: "string", title: "Status", enum: ["triggered", "acknowledged", "resolved"] },
        assignee: { type: "string", format: "user", title: "Assignee" },
      },
    },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  });
  const api = new Blueprint("api", {
    identifier: "api",
    title: "API",
    schema: { properties: { availability: { type: "number", title: "Availability (%)" }, spec: { type: "string", format: "url", title: "Spec" } } },
    relations: { service: { title: "Service", target: service, required: false, many: false } },
  });
  const deployment = new Blueprint("deployment", { identifier: "deployment", title: "Deployment", schema: { properties: {} } });
  const vulnerability = new Blueprint("vulnerability", vulnerabilityArgs(service));

  /** The same args with the widgets of every layout container and the page filters in reverse order. */
  function reversedUnordered(args: DashboardArgs): DashboardArgs {
    type Node = { type?: string; widgets?: Node[]; groups?: { widgets: Node[] }[] };
    const walk = (widget: Node): Node => ({
      ...widget,
      ...(widget.widgets ? { widgets: (widget.type === "dashboard-widget" ? [...widget.widgets].reverse() : widget.widgets).map(walk) } : {}),
      ...(widget.groups ? { groups: widget.groups.map((group) => ({ ...group, widgets: group.widgets.map(walk) })) } : {}),
    });
    const pageFilters = args.pageFilters as unknown[] | undefined;
    return { ...args, widgets: (args.widgets as Node[]).map(walk), ...(pageFilters ? { pageFilters: [...pageFilters].reverse() } : {}) } as DashboardArgs;
  }
  const shape = variant === "reordered" ? reversedUnordered : (args: DashboardArgs) => args;

  const engineering = new Folder("engineering", { identifier: "engineering", title: "Engineering" });
  const personas = new Folder("personas", { identifier: "personas", title: "Personas", parent: engineering });

  const developers = new Dashboard("developers", shape(developersDashboardArgs({ service, incident }, { folder: personas })));
  const rndManagers = new Dashboard("rnd-managers", shape(rndManagersDashboardArgs({ service, api, deployment }, { folder: personas, after: developers })));
  const security = new Dashboard("security", shape(securityDashboardArgs({ service, vulnerability }, { folder: personas, after: rndManagers }, ["security"])));
  const home = new Dashboard("home", shape(homePageArgs("# Welcome to the e2e portal")));
  const servicePage = new Dashboard("service-page", {
    page: { type: "entity", blueprint: service },
    title: "Service overview",
    widgets: [{ id: "about", type: "markdown", title: "About", markdown: "Owned by the platform team." }],
  });

  if (variant === "invalid") {
    new Dashboard("bad", {
      identifier: "bad",
      title: "Bad",
      page: { type: "dashboard" },
      widgets: [
        {
          id: "root",
          type: "dashboard-widget",
          layout: [
            {
              height: 400,
              columns: [
                { id: "cost", size: 6 },
                { id: "odd", size: 4 },
              ],
            },
          ],
          widgets: [
            { id: "cost", type: "entities-number-chart", title: "Cost", blueprint: service, calculationBy: "property", func: "sum", unit: "$" },
            { id: "odd", type: "pie-chart" as "markdown", title: "Odd", markdown: "" },
          ],
        },
      ],
    });
  }

  return {
    pages: [developers.identifier, rndManagers.identifier, security.identifier, home.identifier, servicePage.identifier],
  };
});
