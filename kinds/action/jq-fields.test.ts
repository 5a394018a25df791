import { actionJqFields } from "./jq-fields";
import { jqProblems } from "../../core/schemas/jq";

// Which strings of an action are JQ, and the messages when one does not compile.
const action = {
  identifier: "deploy",
  trigger: {
    type: "self-service",
    operation: "DAY-2",
    blueprintIdentifier: "service",
    userInputs: {
      properties: {
        env: { type: "string", default: { jqQuery: ".entity.properties.env" }, visible: { jqQuery: ".form.advanced" } },
        cluster: {
          type: "string",
          format: "entity",
          blueprint: "cluster",
          dataset: { combinator: "and", rules: [{ property: "region", operator: "=", value: { jqQuery: ".form.region" } }] },
        },
        note: { type: "string", description: "Literal {{ braces }} in a description are not JQ." },
      },
      required: { jqQuery: '["env"]' },
    },
  },
  invocationMethod: {
    type: "WEBHOOK",
    url: "https://deploy.example.com/{{ .inputs.env }}",
    headers: { "X-Run": "{{ .run.id }}" },
    body: { items: ["{{ .inputs.a }} and {{ .inputs.b }}", 3], plain: "no template" },
  },
};

describe("actionJqFields", () => {
  it("lists every {jqQuery} of the form and every template segment of the invocation method, with its field", () => {
    expect(actionJqFields(action)).toEqual([
      { field: "trigger.userInputs.properties.env.default.jqQuery", expression: ".entity.properties.env" },
      { field: "trigger.userInputs.properties.env.visible.jqQuery", expression: ".form.advanced" },
      { field: "trigger.userInputs.properties.cluster.dataset.rules[0].value.jqQuery", expression: ".form.region" },
      { field: "trigger.userInputs.required.jqQuery", expression: '["env"]' },
      { field: "invocationMethod.url", expression: ".inputs.env" },
      { field: "invocationMethod.headers.X-Run", expression: ".run.id" },
      { field: "invocationMethod.body.items[0]", expression: ".inputs.a" },
      { field: "invocationMethod.body.items[0]", expression: ".inputs.b" },
    ]);
  });

  it("lists an automation's condition expressions and UPSERT_ENTITY mapping templates", () => {
    const automation = {
      identifier: "incident",
      trigger: {
        type: "automation",
        event: { type: "ENTITY_UPDATED", blueprintIdentifier: "service" },
        condition: { type: "JQ", expressions: ['.diff.after.properties.health == "Degraded"'] },
      },
      invocationMethod: {
        type: "UPSERT_ENTITY",
        blueprintIdentifier: "incident",
        mapping: { identifier: "{{ .event.context.entityIdentifier }}", properties: { severity: "SEV2" } },
      },
    };
    expect(actionJqFields(automation)).toEqual([
      { field: "trigger.condition.expressions[0]", expression: '.diff.after.properties.health == "Degraded"' },
      { field: "invocationMethod.mapping.identifier", expression: ".event.context.entityIdentifier" },
    ]);
  });

  it("leads to a message naming the field when a template or condition does not compile", async () => {
    const broken = {
      ...action,
      trigger: { type: "automation", event: { type: "ENTITY_CREATED", blueprintIdentifier: "service" }, condition: { type: "JQ", expressions: [".diff.after | ("] } },
      invocationMethod: { type: "GITHUB", org: "acme", repo: "infra", workflow: "x.yml", workflowInputs: { version: "{{ .inputs.version | }}" } },
    };
    const problems = await jqProblems("Automation", "incident", actionJqFields(broken));
    expect(problems.map((p) => p.field)).toEqual(["trigger.condition.expressions[0]", "invocationMethod.workflowInputs.version"]);
    expect(problems[0].message).toMatch(
      /^Automation "incident": field trigger\.condition\.expressions\[0\]: JQ "\.diff\.after \| \(" does not compile: .*\. Fix the expression\.$/,
    );
    expect(problems[1].message).toMatch(
      /^Automation "incident": field invocationMethod\.workflowInputs\.version: JQ "\.inputs\.version \|" does not compile: .*\. Fix the expression\.$/,
    );
  });
});
