import { FolderSpec } from "../folder/schema";
import { PagePermissionsSpec } from "../page-permissions/schema";
import { PageSpec, entityPageIdentifier } from "./schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const pageProblems = (page: unknown) => problemMessages(PageSpec, page, "Dashboard", "dev");
const markdown = (id: string) => ({ id, type: "markdown", title: id, markdown: "" });

describe("PageSpec", () => {
  it("parses a dashboard placed in a folder after a sibling, with page filters, unchanged", () => {
    const page = {
      identifier: "rnd_managers",
      type: "dashboard",
      title: "R&D managers",
      icon: "Dashboard",
      description: "Service and API health",
      locked: true,
      parent: "engineering",
      after: "developers",
      pageFilters: [
        { identifier: "critical", title: "Critical", query: { blueprint: "service", combinator: "and", rules: [{ property: "tier", operator: "=", value: "critical" }] } },
      ],
      widgets: [{ id: "root", type: "dashboard-widget", layout: [{ height: 400, columns: [{ id: "m", size: 12 }] }], widgets: [markdown("m")] }],
    };
    expect(parseValid(PageSpec, page)).toEqual(page);
  });

  it("parses the home page and an entity page without a title (Port's is kept)", () => {
    expect(parseValid(PageSpec, { identifier: "$home", type: "home" })).toEqual({ identifier: "$home", type: "home" });
    const entityPage = { identifier: entityPageIdentifier("service"), type: "entity", blueprint: "service", widgets: [markdown("m")] };
    expect(parseValid(PageSpec, entityPage)).toEqual({ ...entityPage, identifier: "serviceEntity" });
  });

  it("fails for a page type Port does not have", () => {
    expect(pageProblems({ identifier: "dev", type: "catalog", title: "Dev" })).toEqual([
      'Dashboard "dev": field type: "catalog" is not a page type; allowed: dashboard, blueprint-entities, home, entity. Fix the type.',
    ]);
  });

  it("fails for an entity page not named after its blueprint", () => {
    expect(pageProblems({ identifier: "svcEntity", type: "entity", blueprint: "service" })).toEqual([
      'Dashboard "dev": field identifier: "svcEntity" is not the entity page of blueprint "service"; Port names entity pages "<blueprint>Entity". Use "serviceEntity".',
    ]);
  });

  it("fails for a home page under another identifier", () => {
    expect(pageProblems({ identifier: "home", type: "home" })).toEqual([
      'Dashboard "dev": field identifier: "home" is not the home page; the home page\'s identifier is "$home". Fix the identifier.',
    ]);
  });

  it("fails for a dashboard identifier with spaces", () => {
    expect(pageProblems({ identifier: "my dash", type: "dashboard" })).toEqual([
      'Dashboard "dev": field identifier: must be letters, digits and @ _ . + : = - (no spaces or slashes) for a page identifier; "my dash" is not allowed: use "my_dash".',
    ]);
  });

  it("fails for a widget id used twice anywhere in the page", () => {
    const page = {
      identifier: "dev",
      type: "dashboard",
      title: "Dev",
      widgets: [markdown("x"), { id: "g", type: "grouper", displayMode: "tabs", groups: [{ title: "T", widgets: [markdown("x")] }] }],
    };
    expect(pageProblems(page)).toEqual([
      'Dashboard "dev": field widgets[1].groups[0].widgets[0].id: "x" is also the id of widgets[0]; widget ids are unique within a page. Rename one of them.',
    ]);
  });

  it("fails for a personal widget outside the home page", () => {
    expect(pageProblems({ identifier: "dev", type: "dashboard", title: "Dev", widgets: [{ id: "m", type: "my-entities", title: "Mine" }] })).toEqual([
      'Dashboard "dev": field widgets[0].type: "my-entities" is a personal widget, which Port shows on the home page only (this is a dashboard page). Move it to the home page, or remove it.',
    ]);
  });

  it("fails for two page filters with one identifier; a filter without a blueprint applies to every blueprint", () => {
    const filters = [
      { identifier: "f", query: { blueprint: "service", combinator: "and", rules: [] } },
      { identifier: "f", query: { combinator: "and", rules: [] } },
    ];
    expect(pageProblems({ identifier: "dev", type: "dashboard", title: "Dev", pageFilters: filters })).toEqual([
      'Dashboard "dev": field pageFilters[1].identifier: "f" is used by two page filters. Give each filter its own identifier.',
    ]);
  });

  it("accepts dynamic page filters that resolve per viewer", () => {
    const filter = {
      identifier: "mine",
      query: { blueprint: "service", combinator: "or", rules: [{ property: "$team", operator: "containsAny", value: { context: "userTeams", property: "$identifier" } }] },
    };
    expect(parseValid(PageSpec, { identifier: "dev", type: "dashboard", title: "Dev", pageFilters: [filter] }).pageFilters).toEqual([filter]);
  });
});

describe("FolderSpec", () => {
  it("parses a nested folder placed after a sibling", () => {
    const folder = { identifier: "personas", title: "Personas", parent: "engineering", after: "platform" };
    expect(parseValid(FolderSpec, folder)).toEqual(folder);
  });

  it("fails for an identifier with a space and a misspelt key", () => {
    expect(problemMessages(FolderSpec, { identifier: "my folder", titel: "x" }, "Folder", "f")).toEqual([
      'Folder "f": field identifier: must be letters, digits and @ _ . + : = - (no spaces or slashes) for a folder identifier; "my folder" is not allowed: use "my_folder".',
      'Folder "f": "titel" is not a key of a folder; allowed: identifier, title, parent, after. Did you mean "title"? Rename or remove it.',
    ]);
  });
});

describe("PagePermissionsSpec", () => {
  it("fills the lists a permission leaves out with none, so a declared permission is managed whole", () => {
    expect(parseValid(PagePermissionsSpec, { page: "security", read: { roles: ["Admin"], teams: ["security"] } })).toEqual({
      page: "security",
      read: { users: [], roles: ["Admin"], teams: ["security"] },
    });
  });

  it("types users as emails, roles as Port roles and teams as team names", () => {
    // The wording of these checks belongs to the user and team schemas; here only that they apply.
    expect(problemMessages(PagePermissionsSpec, { page: "dev", read: { roles: ["admin"], users: ["nope"], teams: ["a/b"] } }, "PagePermissions", "p")).toEqual([
      expect.stringMatching(/^PagePermissions "p": field read\.users\[0\]: "nope" is not an email/),
      expect.stringMatching(/^PagePermissions "p": field read\.roles\[0\]: "admin" is not a Port role.*Did you mean "Admin"\?/),
      expect.stringMatching(/^PagePermissions "p": field read\.teams\[0\]: .*"a\/b" contains "\/"/),
    ]);
  });
});
