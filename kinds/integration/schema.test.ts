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
      'IntegrationMapping "github-ocean": field config.resources[0].port.entity.mappings: "propertes" is not a key of an integration entity mapping; allowed: identifier, title, blueprint, team, properties, relations. Did you mean "properties"? Rename or remove it.',
    ]);
  });

  it("reports a key one typo away from Port's own keys, while passing other keys to the integration", () => {
    const config = { deleteDependentEntites: true, repositoryType: "all", resources: [{ ...repositoryResource, selector: { query: "true", qeury: "x" } }] };
    expect(problems({ ...minimal, config })).toEqual([
      'IntegrationMapping "github-ocean": field config.resources[0].selector.qeury: is not a key of an integration selector; did you mean "query"? Keys other than query are passed to the integration as they are. Rename it.',
      'IntegrationMapping "github-ocean": field config.deleteDependentEntites: is not a key of an integration config; did you mean "deleteDependentEntities"? Keys other than deleteDependentEntities, createMissingRelatedEntities, enableMergeEntity, entityDeletionThreshold, resources are passed to the integration as they are. Rename it.',
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

  it("names the field of a selector query that does not compile", async () => {
    const spec = parseValid(IntegrationMappingSpec, { ...minimal, config: { resources: [{ ...repositoryResource, selector: { query: ".archived ==" } }] } });
    const found = await jqProblems("IntegrationMapping", "github-ocean", integrationJqFields(spec));
    expect(found.map((p) => p.field)).toEqual(["config.resources[0].selector.query"]);
    expect(found[0].message).toMatch(
      /^IntegrationMapping "github-ocean": field config\.resources\[0\]\.selector\.query: JQ "\.archived ==" does not compile: syntax error.*\. Fix the expression\.$/,
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
