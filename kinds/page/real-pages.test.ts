import { PageSpec } from "./schema";
import { catalogPage, dashboardPage, entityPage } from "./real-pages.test-data";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const pageProblems = (page: unknown) => problemMessages(PageSpec, page, "Dashboard", "dev");
const clone = <T>(value: T): T => structuredClone(value);

describe("PageSpec with pages shaped like Port's", () => {
  it("accepts a blueprint-entities catalog page with the keys Port keeps on pages and hidden table columns, unchanged", () => {
    expect(parseValid(PageSpec, catalogPage)).toEqual(catalogPage);
  });

  it("accepts an entity page with the entity-page widgets, unchanged", () => {
    expect(parseValid(PageSpec, entityPage)).toEqual(entityPage);
  });

  it("accepts a dashboard with the newer widgets and the older shapes ($blueprint rules, a number chart's dataset as a rule list), unchanged", () => {
    expect(parseValid(PageSpec, dashboardPage)).toEqual(dashboardPage);
  });

  it("keeps keys it does not type, on the page and in widgets", () => {
    const page = clone(dashboardPage) as Record<string, any>;
    page.newPageSetting = { anything: [1, 2] };
    page.widgets[0].widgets[2].drillDown = true;
    expect(parseValid(PageSpec, page)).toEqual(page);
  });

  it("reports a key one edit away from a known one, on the page and in a widget", () => {
    const page = clone(catalogPage) as Record<string, any>;
    page.showInSidbar = true;
    page.widgets[0].blueprintConfig.service.propertiesSettings.hiden = ["readme"];
    expect(pageProblems(page)).toEqual([
      'Dashboard "dev": field widgets[0].blueprintConfig.service.propertiesSettings.hiden: "hiden" is not a key of table properties settings; did you mean "hidden"? Other keys are kept as they are. Rename it.',
      'Dashboard "dev": field showInSidbar: "showInSidbar" is not a key of a catalog page; did you mean "showInSidebar"? Other keys are kept as they are. Rename it.',
    ]);
  });

  it("refuses a catalog page without its blueprint", () => {
    const { blueprint: _blueprint, ...page } = clone(catalogPage);
    expect(pageProblems(page)).toEqual(['Dashboard "dev": field blueprint: is required but missing. Add a string.']);
  });

  it("refuses values Port's widget schema refuses: an unknown widget type, a line chart interval, a related-entities tab key", () => {
    const page = clone(entityPage) as Record<string, any>;
    page.widgets[2].type = "graph-entity-explorer";
    page.widgets[0].widgets[1].timeInterval = "week";
    page.widgets[1].blueprintConfig = { deployment: { title: "Deployments" } };
    expect(pageProblems(page)).toEqual([
      'Dashboard "dev": field widgets[0].widgets[1].timeInterval: "week" is not a line chart time interval; allowed: hour, day, isoWeek, month, quarter. Fix the timeInterval.',
      expect.stringContaining('Dashboard "dev": field widgets[1].blueprintConfig.deployment: "deployment" is not a related-entities tab key;'),
      expect.stringMatching(
        /^Dashboard "dev": field widgets\[2\]\.type: "graph-entity-explorer" is not a widget type; allowed: .*, graph-entities-explorer, .*\. Did you mean "graph-entities-explorer"\? Fix the type\.$/,
      ),
    ]);
  });

  it("refuses keys Port's widget schema requires when they are missing: a pie chart's dataset, an AI agent's agentIdentifier", () => {
    const page = clone(dashboardPage) as Record<string, any>;
    delete page.widgets[0].widgets[2].dataset;
    delete page.widgets[0].widgets[6].agentIdentifier;
    expect(pageProblems(page)).toEqual([
      'Dashboard "dev": field widgets[0].widgets[2].dataset: is required but missing. Add an object.',
      'Dashboard "dev": field widgets[0].widgets[6].agentIdentifier: is required but missing. Add a string.',
    ]);
  });
});
