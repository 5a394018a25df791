import type * as pulumi from "@pulumi/pulumi";
import { Components, declared, problemsOf, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// Action and Automation under Pulumi's own mocks: exact types, names, parents and inputs, no engine.
const registered = recordRegistrations();

let components: Components;

function inputsOf(type: string, name: string): Record<string, unknown> {
  const found = registered.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}; registered: ${registered.map((r) => `${r.type}/${r.name}`).join(", ")}`);
  const { __provider, ...spec } = found.inputs;
  return spec;
}

/** The problems the portal check reports for `declarations` (empty when it passes). */
function checkProblems(declarations: () => void, options?: ConstructorParameters<Components["Portal"]>[0]): Promise<string[]> {
  return problemsOf(components, declarations, options);
}

const kafka = { type: "KAFKA" } as const;

beforeAll(async () => {
  components = await import("..");
});

beforeEach(() => {
  registered.length = 0;
});

describe("Action", () => {
  it("registers a portal:index:Action component with one dynamic port:Action child", async () => {
    const { Action } = components;
    const action = await declared(components, () => new Action("scaffold", { identifier: "scaffold", trigger: { operation: "CREATE" }, invocationMethod: kafka }));
    expect(await valueOf(action.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Action$pulumi-nodejs:dynamic/port:Action::scaffold");
    expect(registered.map((r) => [r.type, r.name])).toEqual([
      ["portal:index:Action", "scaffold"],
      ["pulumi-nodejs:dynamic/port:Action", "scaffold"],
    ]);
    expect(await valueOf(action.identifier)).toBe("scaffold");
  });

  it("sends Port's document: Blueprint objects become identifiers, the trigger gets its type", async () => {
    const { Action, Blueprint } = components;
    let action!: InstanceType<Components["Action"]>;
    const problems = await checkProblems(() => {
      const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
      const environment = new Blueprint("environment", { identifier: "environment", title: "Environment", schema: { properties: {} } });
      action = new Action("deploy", {
        identifier: "deploy",
        blueprint: service,
        trigger: {
          operation: "DAY-2",
          userInputs: {
            properties: {
              env: {
                type: "string",
                format: "entity",
                blueprint: environment,
                dataset: { combinator: "and", rules: [{ operator: "relatedTo", blueprint: service, value: { jqQuery: ".entity.identifier" } }] },
              },
              targets: { type: "array", items: { type: "string", format: "entity", blueprint: "environment" } },
            },
          },
        },
        invocationMethod: { type: "UPSERT_ENTITY", blueprint: environment, mapping: { identifier: "{{ .inputs.env.identifier }}" } },
        requiredApproval: true,
      });
    });
    await valueOf(action.identifier);
    expect(inputsOf("pulumi-nodejs:dynamic/port:Action", "deploy")).toEqual({
      identifier: "deploy",
      trigger: {
        type: "self-service",
        operation: "DAY-2",
        blueprintIdentifier: "service",
        userInputs: {
          properties: {
            env: {
              type: "string",
              format: "entity",
              blueprint: "environment",
              dataset: { combinator: "and", rules: [{ operator: "relatedTo", blueprint: "service", value: { jqQuery: ".entity.identifier" } }] },
            },
            targets: { type: "array", items: { type: "string", format: "entity", blueprint: "environment" } },
          },
        },
      },
      invocationMethod: { type: "UPSERT_ENTITY", blueprintIdentifier: "environment", mapping: { identifier: "{{ .inputs.env.identifier }}" } },
      requiredApproval: true,
    });
    expect(problems).toEqual([]);
  });

  it("serializes the shared provider as a one-line require of the package's provider module", async () => {
    const { Action } = components;
    const action = await declared(components, () => new Action("scaffold", { identifier: "scaffold", trigger: { operation: "CREATE" }, invocationMethod: kafka }));
    await valueOf(action.resource.urn);
    const provider: string = registered.find((r) => r.type.endsWith("port:Action"))!.inputs.__provider;
    expect(provider).toContain(`require("@port-portal/pulumi/providers/action")`);
    expect(provider.length).toBeLessThan(600);
  });

  it("registers nothing for invalid args and reports every problem with the component and the field as written", async () => {
    const { Action } = components;
    const problems = await checkProblems(() => {
      new Action("bad", {
        identifier: "deploy service",
        trigger: { operation: "DAY-2", userInputs: { properties: { env: { type: "string", format: "entty" as "url" } }, required: ["envv"] } },
        invocationMethod: { type: "WEBHOOK", url: "not a url" },
      });
    });
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(problems).toEqual([
      'Action "bad": field identifier: must match Port\'s action identifier pattern (letters, digits and @ _ . + : = -, no spaces or slashes); "deploy service" contains a space: use "deploy_service".',
      'Action "bad": field invocationMethod.url: "not a url" is not an http(s) URL; use an absolute URL such as "https://example.com/hook", or begin with a template such as "{{ .secrets.HOST }}/hook". Fix the url.',
      'Action "bad": field trigger.userInputs.properties.env.format: "entty" is not a string input format; allowed: date-time, url, email, ipv4, ipv6, yaml, markdown, multi-line, proto, entity, user, team. Did you mean "entity"? Fix the format.',
      'Action "bad": field trigger.userInputs.required[0]: "envv" is not a declared input (declared: env). Did you mean "env"? Fix the name or declare it.',
    ]);
  });

  it("checks blueprints named by identifier against the stack, with the field as written", async () => {
    const { Action, Blueprint } = components;
    const problems = await checkProblems(() => {
      new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
      new Action("deploy", {
        identifier: "deploy",
        blueprint: "servce",
        trigger: { operation: "DAY-2", userInputs: { properties: { env: { type: "string", format: "entity", blueprint: "environment" } } } },
        invocationMethod: { type: "UPSERT_ENTITY", blueprint: "_team", mapping: {} },
      });
    });
    expect(problems).toEqual([
      'Action "deploy": field blueprint: blueprint "servce" is not declared in this stack. Did you mean "service"? Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
      'Action "deploy": field trigger.userInputs.properties.env.blueprint: blueprint "environment" is not declared in this stack. Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
    ]);
  });

  it("gives the stack's prefix to its identifier and to blueprints declared in the stack", async () => {
    const { Action, Blueprint } = components;
    let action!: InstanceType<Components["Action"]>;
    const problems = await checkProblems(
      () => {
        new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
        action = new Action("deploy-prefixed", {
          identifier: "deploy",
          blueprint: "service",
          trigger: { operation: "DAY-2", userInputs: { properties: { other: { type: "string", format: "entity", blueprint: "shared" } } } },
          invocationMethod: kafka,
        });
      },
      { identifierPrefix: "dev-", existingBlueprints: ["shared"] },
    );
    expect(await valueOf(action.identifier)).toBe("dev-deploy");
    const spec = inputsOf("pulumi-nodejs:dynamic/port:Action", "deploy-prefixed") as { trigger: Record<string, any> };
    expect(spec.trigger.blueprintIdentifier).toBe("dev-service");
    expect(spec.trigger.userInputs.properties.other.blueprint).toBe("shared");
    expect(problems).toEqual([]);
  });
});

describe("Automation", () => {
  it("registers a portal:index:Automation component whose child is a port:Action, with Port's automation document", async () => {
    const { Action, Automation, Blueprint } = components;
    let onService!: InstanceType<Components["Automation"]>;
    let onRun!: InstanceType<Components["Automation"]>;
    const problems = await checkProblems(() => {
      const service = new Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } });
      const deploy = new Action("deploy", { identifier: "deploy", trigger: { operation: "CREATE" }, invocationMethod: kafka });
      onService = new Automation("on-service", {
        identifier: "on_service",
        trigger: { event: { type: "ENTITY_UPDATED", blueprint: service }, condition: { type: "JQ", expressions: [".diff.after != null"] } },
        invocationMethod: { type: "WEBHOOK", url: "https://hooks.example.com/x" },
        publish: true,
      });
      onRun = new Automation("on-run", { identifier: "on_run", trigger: { event: { type: "RUN_UPDATED", action: deploy } }, invocationMethod: kafka });
    });
    expect(await valueOf(onService.resource!.urn)).toBe("urn:pulumi:test::portal::portal:index:Automation$pulumi-nodejs:dynamic/port:Action::on-service");
    await valueOf(onRun.identifier);
    expect(inputsOf("pulumi-nodejs:dynamic/port:Action", "on-service")).toEqual({
      identifier: "on_service",
      trigger: { type: "automation", event: { type: "ENTITY_UPDATED", blueprintIdentifier: "service" }, condition: { type: "JQ", expressions: [".diff.after != null"] } },
      invocationMethod: { type: "WEBHOOK", url: "https://hooks.example.com/x" },
      publish: true,
    });
    expect(inputsOf("pulumi-nodejs:dynamic/port:Action", "on-run")).toEqual({
      identifier: "on_run",
      trigger: { type: "automation", event: { type: "RUN_UPDATED", actionIdentifier: "deploy" } },
      invocationMethod: kafka,
    });
    expect(problems).toEqual([]);
  });

  it("shares one namespace with actions", async () => {
    const { Action, Automation } = components;
    const problems = await checkProblems(() => {
      new Action("deploy", { identifier: "deploy", trigger: { operation: "CREATE" }, invocationMethod: kafka });
      new Automation("deploy-automation", { identifier: "deploy", trigger: { event: { type: "ENTITY_CREATED", blueprint: "_team" } }, invocationMethod: kafka });
    });
    expect(problems).toEqual([
      'Automation "deploy-automation": field identifier: "deploy" is already declared by Action "deploy"; actions and automations share one namespace in Port. Give each its own identifier.',
    ]);
  });

  it("checks an action named by identifier, unless it is listed as existing", async () => {
    const { Action, Automation } = components;
    let created: { resource: { urn: pulumi.Output<string> } }[] = [];
    const declarations = () => {
      created = [
        new Action("deploy", { identifier: "deploy", trigger: { operation: "CREATE" }, invocationMethod: kafka }),
        new Automation("on-run", { identifier: "on_run", trigger: { event: { type: "ANY_RUN_CHANGE", action: "deplyo" } }, invocationMethod: kafka }),
      ];
    };
    expect(await checkProblems(declarations)).toEqual([
      'Automation "on-run": field trigger.event.action: action "deplyo" is not declared in this stack. Did you mean "deploy"? Pass the Action object, fix the identifier, or, if it is managed outside this stack, name it with Action.existing(...) or list it in existingActions.',
    ]);
    expect(await checkProblems(declarations, { existingActions: ["deplyo"] })).toEqual([]);
    // The passing portal registers its resources now: let it finish before the next test.
    await Promise.all(created.map((c) => valueOf(c.resource.urn)));
  });

  it("names the event's fields as written when they are wrong", async () => {
    const { Automation } = components;
    const problems = await checkProblems(() => {
      new Automation("timer", {
        identifier: "timer",
        trigger: { event: { type: "TIMER_PROPERTY_EXPIRED", blueprint: "my service" } as never, condition: { type: "JQ", expressions: [] } },
        invocationMethod: kafka,
      });
    });
    expect(registered.filter((r) => r.custom)).toEqual([]);
    expect(problems).toEqual([
      'Automation "timer": field trigger.event.blueprint: must match Port\'s blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters); "my service" contains a space: use "my_service".',
      'Automation "timer": field trigger.event.propertyIdentifier: is required but missing. Add a string.',
      'Automation "timer": field trigger.event.blueprint: blueprint "my service" is not declared in this stack. Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.',
    ]);
  });
});
