import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// The IntegrationMapping component under Pulumi's own mocks: exact types, names, parents and inputs.
const registered = recordRegistrations((args) =>
  args.type.endsWith("port:Integration") ? { ...args.inputs, installationAppType: "github-ocean", originalConfig: { resources: [] } } : args.inputs,
);

let components: Components;

beforeAll(async () => {
  components = await import("..");
});

beforeEach(() => {
  registered.length = 0;
});

/** The problems the portal check reports for `declarations` ([] when it passes). */
const problemsOfCheck = (declarations: () => void) => problemsOf(components, declarations);

function serviceBlueprint() {
  return new components.Blueprint("service", {
    identifier: "service",
    title: "Service",
    schema: { properties: { repository: { type: "string", format: "url" } } },
  });
}

describe("IntegrationMapping", () => {
  it("registers a portal:index:IntegrationMapping component with one dynamic port:Integration child", async () => {
    const mapping = await declared(components, () => new components.IntegrationMapping("github", { installationId: "github-ocean", config: { resources: [] } }));
    expect(await valueOf(mapping.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:IntegrationMapping$pulumi-nodejs:dynamic/port:Integration::github");
    expect(registered.map((r) => [r.type, r.name])).toEqual([
      ["portal:index:IntegrationMapping", "github"],
      ["pulumi-nodejs:dynamic/port:Integration", "github"],
    ]);
    expect(await valueOf(mapping.installationAppType)).toBe("github-ocean");
  });

  it("writes a Blueprint as the JQ constant of its identifier and passes the integration's own keys through", async () => {
    // declared() rejects with the problems when the portal check fails.
    const mapping = await declared(components, () => {
      const service = serviceBlueprint();
      return new components.IntegrationMapping("github", {
        installationId: "github-ocean",
        config: {
          deleteDependentEntities: true,
          repositoryType: "all",
          resources: [
            {
              kind: "repository",
              selector: { query: "true", includedFiles: ["README.md"] },
              port: {
                entity: {
                  mappings: [
                    { identifier: ".name", blueprint: service, properties: { repository: ".html_url" } },
                    { identifier: ".name", blueprint: '"_team"' },
                    { identifier: ".name", blueprint: ".kind" },
                  ],
                },
              },
            },
          ],
        },
      });
    });
    await valueOf(mapping.installationId);
    const { __provider, ...inputs } = registered.find((r) => r.type.endsWith("port:Integration"))!.inputs;
    expect(inputs).toEqual({
      installationId: "github-ocean",
      config: {
        deleteDependentEntities: true,
        repositoryType: "all",
        resources: [
          {
            kind: "repository",
            selector: { query: "true", includedFiles: ["README.md"] },
            port: {
              entity: {
                mappings: [
                  { identifier: ".name", blueprint: '"service"', properties: { repository: ".html_url" } },
                  { identifier: ".name", blueprint: '"_team"' },
                  { identifier: ".name", blueprint: ".kind" },
                ],
              },
            },
          },
        ],
      },
    });
  });

  it("registers nothing for invalid args and reports every problem with the component and the field", async () => {
    const problems = await problemsOfCheck(() => {
      const service = serviceBlueprint();
      new components.IntegrationMapping("bad", {
        installationId: "github-ocean",
        config: {
          entityDeletionThreshold: 2,
          resources: [
            {
              kind: "repository",
              selector: { query: "true" },
              port: { entity: { mappings: { identifier: ".name", blueprint: service, properties: { repositry: ".html_url" }, relations: { team: ".t" } } } },
            },
            { kind: "pull-request", selector: { query: "true" }, port: { entity: { mappings: [{ identifier: ".id", blueprint: '"pull_request"' }] } } },
          ],
        },
      });
      new components.IntegrationMapping("again", { installationId: "github-ocean", config: { resources: [] } });
    });
    expect(registered.filter((r) => r.name === "bad" && r.custom)).toEqual([]);
    expect(problems).toEqual([
      'IntegrationMapping "bad": field config.entityDeletionThreshold: 2 is greater than the maximum 1. Use 1 or less.',
      'IntegrationMapping "bad": field config.resources[0].port.entity.mappings.properties.repositry: "repositry" is not a property of blueprint "service" (properties: repository). Did you mean "repository"? Use a declared property or declare it on the blueprint.',
      'IntegrationMapping "bad": field config.resources[0].port.entity.mappings.relations.team: "team" is not a relation of blueprint "service" (it declares no relations). Use a declared relation or declare it on the blueprint.',
      'IntegrationMapping "again": field installationId: the mapping of installation "github-ocean" is already managed by IntegrationMapping "bad". Declare one mapping per installation, with all its resources.',
      'IntegrationMapping "bad": field config.resources[1].port.entity.mappings[0].blueprint: blueprint "pull_request" is not declared in this stack. Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
    ]);
  });
});
