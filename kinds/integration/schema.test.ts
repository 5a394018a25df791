import { IntegrationMappingSpec, integrationJqFields } from "./schema";
import { jqStringLiteral } from "../../core/schemas/jq-expression";
import { jqProblems } from "../../core/schemas/jq";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const problems = (value: unknown) => problemMessages(IntegrationMappingSpec, value, "IntegrationMapping", "github-ocean");

const repositoryResource = {
  kind: "repository",
  selector: { query: "true" },
  port: { entity: { mappings: { identifier: ".name", title: ".name", blueprint: '"service"', properties: { url: ".html_url" } } } },
};
const minimal = { installationId: "github-ocean", config: { resources: [repositoryResource] } };

describe("IntegrationMappingSpec", () => {
  it("accepts a minimal mapping as written", () => {
    expect(parseValid(IntegrationMappingSpec, minimal)).toEqual(minimal);
  });

  it("accepts Port's flags, several mappings per resource, items to parse, and the integration's own keys", () => {
    const full = {
      installationId: "github-ocean",
      config: {
        deleteDependentEntities: true,
        createMissingRelatedEntities: false,
        enableMergeEntity: true,
        entityDeletionThreshold: 0.5,
        repositoryType: "all",
        resources: [
          {
            kind: "repository",
            selector: { query: ".archived == false", includedFiles: ["README.md"] },
            port: {
              itemsToParse: ".topics",
              entity: {
                mappings: [
                  { identifier: ".name", blueprint: '"service"', team: '"platform"', properties: { readme: '.__includedFiles["README.md"]' } },
                  { identifier: ".item", blueprint: '"topic"', relations: { service: ".name" } },
                ],
              },
            },
          },
        ],
      },
    };
    expect(parseValid(IntegrationMappingSpec, full)).toEqual(full);
  });

  it("requires the installation id, the resources and each resource's parts", () => {
    expect(problems({ config: { resources: [{ kind: "", selector: {}, port: { entity: { mappings: [] } } }] } })).toEqual([
      'IntegrationMapping "github-ocean": field installationId: is required but missing. Add a string.',
      'IntegrationMapping "github-ocean": field config.resources[0].kind: must not be empty. Set a value.',
      'IntegrationMapping "github-ocean": field config.resources[0].selector.query: is required but missing. Add a string.',
      'IntegrationMapping "github-ocean": field config.resources[0].port.entity.mappings: must not be empty. Add at least one item.',
    ]);
    expect(problems({ installationId: "x", config: {} })).toEqual(['IntegrationMapping "github-ocean": field config.resources: is required but missing. Add an array.']);
  });

  it("refuses an entity mapping without a blueprint and with a misspelt key", () => {
    const resource = { ...repositoryResource, port: { entity: { mappings: { identifier: ".name", propertes: {} } } } };
    expect(problems({ ...minimal, config: { resources: [resource] } })).toEqual([
      'IntegrationMapping "github-ocean": field config.resources[0].port.entity.mappings.blueprint: is required but missing. Add a string.',
      'IntegrationMapping "github-ocean": field config.resources[0].port.entity.mappings.propertes: "propertes" is not a key of an integration entity mapping; did you mean "properties"? Other keys are passed to the integration as they are. Rename it.',
    ]);
  });

  it("reports a key one typo away from Port's own keys, while passing other keys to the integration", () => {
    const config = { deleteDependentEntites: true, repositoryType: "all", resources: [{ ...repositoryResource, selector: { query: "true", qeury: "x" } }] };
    expect(problems({ ...minimal, config })).toEqual([
      'IntegrationMapping "github-ocean": field config.resources[0].selector.qeury: "qeury" is not a key of an integration selector; did you mean "query"? Other keys are passed to the integration as they are. Rename it.',
      'IntegrationMapping "github-ocean": field config.deleteDependentEntites: "deleteDependentEntites" is not a key of an integration config; did you mean "deleteDependentEntities"? Other keys are passed to the integration as they are. Rename it.',
    ]);
  });

  it("accepts a custom HTTP integration's mapping: its own selector keys (query_params, data_path, path_parameters) pass", () => {
    const custom = {
      installationId: "helpdesk-http",
      config: {
        deleteDependentEntities: true,
        createMissingRelatedEntities: true,
        enableMergeEntity: true,
        resources: [
          {
            kind: "/v2/agents",
            selector: { query: "true", method: "GET", query_params: { page_size: "50", active: "true" }, data_path: ".agents" },
            port: { entity: { mappings: { identifier: ".id | tostring", title: ".display_name", blueprint: '"helpdeskAgent"', properties: { email: ".email" } } } },
          },
          {
            kind: "/v2/agents/{agent_id}/tickets",
            selector: {
              query: '.status != "closed"',
              method: "GET",
              path_parameters: { agent_id: { endpoint: "/v2/agents", method: "GET", field: ".id", filter: "true" } },
              data_path: ".tickets",
            },
            port: {
              entity: {
                mappings: { identifier: ".id | tostring", title: ".subject", blueprint: '"helpdeskTicket"', relations: { assignee: ".assignee_id | tostring" } },
              },
            },
          },
        ],
      },
    };
    expect(parseValid(IntegrationMappingSpec, custom)).toEqual(custom);
  });

  it("accepts search queries for the identifier, the team and relations, an icon, and Ocean's items-to-parse options", () => {
    const searching = {
      installationId: "monitoring-ocean",
      config: {
        resources: [
          {
            kind: "service-definition",
            selector: { query: "true", exportEnvVariables: ["DEPLOY_REGION"] },
            port: {
              entity: {
                mappings: {
                  identifier: { combinator: '"and"', rules: [{ property: '"monitor_service_id"', operator: '"="', value: ".id" }] },
                  blueprint: '"service"',
                  icon: '"Datadog"',
                  team: { combinator: '"and"', rules: [{ property: '"handle"', operator: '"="', value: ".team" }] },
                  properties: { tier: ".tier" },
                  relations: {
                    owners: {
                      combinator: '"or"',
                      rules: [
                        { property: '"email"', operator: '"in"', value: "[.contacts[].email]" },
                        { combinator: '"and"', rules: [{ property: '"login"', operator: '"="', value: ".owner" }] },
                      ],
                    },
                    system: ".system",
                  },
                },
              },
            },
          },
          {
            kind: "monitor",
            selector: { query: ".tags | length > 0" },
            port: {
              itemsToParse: ".tags",
              itemsToParseName: "tag",
              itemsToParseTopLevelTransform: false,
              entity: { mappings: [{ identifier: ".tag", blueprint: '"monitorTag"', title: ".tag" }] },
            },
          },
        ],
      },
    };
    expect(parseValid(IntegrationMappingSpec, searching)).toEqual(searching);
  });

  it("refuses a malformed search query, a misspelt rule key, and a value that is neither JQ nor a search query, naming each", () => {
    const mapping = {
      identifier: { combinator: '"and"', rule: [] },
      blueprint: '"service"',
      team: ["platform"],
      relations: { owner: { combinator: '"and"', rules: [{ property: '"email"', operater: '"="', value: ".email" }] } },
    };
    const at = 'IntegrationMapping "github-ocean": field config.resources[0].port.entity.mappings';
    expect(problems({ ...minimal, config: { resources: [{ ...repositoryResource, port: { entity: { mappings: mapping } } }] } })).toEqual([
      `${at}.identifier.rules: is required but missing. Add an array.`,
      `${at}.identifier: "rule" is not a key of a search query; allowed: combinator, rules. Did you mean "rules"? Rename or remove it.`,
      `${at}.team: ["platform"] is an array; write a JQ expression such as ".name", or a search query {combinator, rules}. Fix the value.`,
      `${at}.relations.owner.rules[0].operator: is required but missing. Add a string.`,
      `${at}.relations.owner.rules[0].operater: "operater" is not a key of a search query rule; did you mean "operator"? Other keys are passed to the integration as they are. Rename it.`,
    ]);
  });

  it("reports a selector key one edit away from query (swapped, missing or doubled letter), and no other", () => {
    for (const key of ["qurey", "quer", "queery", "Query"]) {
      const config = { resources: [{ ...repositoryResource, selector: { query: "true", [key]: "x" } }] };
      expect(problems({ ...minimal, config })).toHaveLength(1);
    }
    for (const key of ["query_params", "queries", "q"]) {
      const config = { resources: [{ ...repositoryResource, selector: { query: "true", [key]: "x" } }] };
      expect([key, problems({ ...minimal, config })]).toEqual([key, []]);
    }
  });

  it("refuses items-to-parse options of the wrong type", () => {
    const port = { ...repositoryResource.port, itemsToParse: ".topics", itemsToParseName: "", itemsToParseTopLevelTransform: "no" };
    const at = 'IntegrationMapping "github-ocean": field config.resources[0].port';
    expect(problems({ ...minimal, config: { resources: [{ ...repositoryResource, port }] } })).toEqual([
      `${at}.itemsToParseName: must not be empty. Set a value.`,
      `${at}.itemsToParseTopLevelTransform: "no" is a string, expected a boolean. Fix the value.`,
    ]);
  });

  it("refuses a deletion threshold outside 0 to 1", () => {
    expect(problems({ ...minimal, config: { ...minimal.config, entityDeletionThreshold: 50 } })).toEqual([
      'IntegrationMapping "github-ocean": field config.entityDeletionThreshold: 50 is greater than the maximum 1. Use 1 or less.',
    ]);
  });
});

describe("Integration mapping JQ fields", () => {
  it("lists every JQ value with its field, for one mapping and for a list of them", () => {
    const spec = parseValid(IntegrationMappingSpec, {
      installationId: "x",
      config: {
        resources: [
          repositoryResource,
          {
            kind: "pull-request",
            selector: { query: '.state == "open"' },
            port: { itemsToParse: ".labels", entity: { mappings: [{ identifier: ".id", blueprint: '"pr"', relations: { repo: ".repo" } }] } },
          },
        ],
      },
    });
    expect(integrationJqFields(spec).map((f) => f.field)).toEqual([
      "config.resources[0].selector.query",
      "config.resources[0].port.entity.mappings.identifier",
      "config.resources[0].port.entity.mappings.title",
      "config.resources[0].port.entity.mappings.blueprint",
      "config.resources[0].port.entity.mappings.properties.url",
      "config.resources[1].selector.query",
      "config.resources[1].port.itemsToParse",
      "config.resources[1].port.entity.mappings[0].identifier",
      "config.resources[1].port.entity.mappings[0].blueprint",
      "config.resources[1].port.entity.mappings[0].relations.repo",
    ]);
  });

  it("lists the JQ of search queries, nested ones included, and of the icon", () => {
    const mapping = {
      identifier: { combinator: '"and"', rules: [{ property: '"svc_id"', operator: '"="', value: ".id" }] },
      blueprint: '"service"',
      icon: '"Bug"',
      relations: { owners: { combinator: '"or"', rules: [{ combinator: '"and"', rules: [{ property: '"login"', operator: '"="', value: ".owner" }] }] } },
    };
    const spec = parseValid(IntegrationMappingSpec, { ...minimal, config: { resources: [{ ...repositoryResource, port: { entity: { mappings: mapping } } }] } });
    const at = "config.resources[0].port.entity.mappings";
    expect(integrationJqFields(spec).filter((f) => f.field.startsWith(at))).toEqual([
      { field: `${at}.identifier.combinator`, expression: '"and"' },
      { field: `${at}.identifier.rules[0].property`, expression: '"svc_id"' },
      { field: `${at}.identifier.rules[0].operator`, expression: '"="' },
      { field: `${at}.identifier.rules[0].value`, expression: ".id" },
      { field: `${at}.icon`, expression: '"Bug"' },
      { field: `${at}.blueprint`, expression: '"service"' },
      { field: `${at}.relations.owners.combinator`, expression: '"or"' },
      { field: `${at}.relations.owners.rules[0].combinator`, expression: '"and"' },
      { field: `${at}.relations.owners.rules[0].rules[0].property`, expression: '"login"' },
      { field: `${at}.relations.owners.rules[0].rules[0].operator`, expression: '"="' },
      { field: `${at}.relations.owners.rules[0].rules[0].value`, expression: ".owner" },
    ]);
  });

  it("names the field of a selector query that does not compile", async () => {
    const spec = parseValid(IntegrationMappingSpec, { ...minimal, config: { resources: [{ ...repositoryResource, selector: { query: ".archived ==" } }] } });
    const found = await jqProblems("IntegrationMapping", "github-ocean", integrationJqFields(spec));
    expect(found.map((p) => p.field)).toEqual(["config.resources[0].selector.query"]);
    expect(found[0].message).toMatch(
      /^IntegrationMapping "github-ocean": field config\.resources\[0\]\.selector\.query: JQ "\.archived ==" does not compile: .*\. Fix the expression\.$/,
    );
  });
});

describe("jqStringLiteral", () => {
  it("reads a JQ string constant and nothing else", () => {
    expect(jqStringLiteral('"service"')).toBe("service");
    expect(jqStringLiteral(' "a\\"b" ')).toBe('a"b');
    expect(jqStringLiteral(".kind")).toBeUndefined();
    expect(jqStringLiteral('"a" + "b"')).toBeUndefined();
  });
});
