import { blueprintBody, Harness, problemPaths } from "./emulator-harness";
import { ActionSpec } from "../../kinds/action/schema";
import { AutomationSpec } from "../../kinds/automation/schema";
import { parseValid, problemMessages } from "../support/problem-messages";

// POST /v1/actions against documents shaped like Port's own (Ocean integrations' actions, the
// docs' input examples), written for these tests: what Port accepts passes both our schemas and
// the emulator; what Port refuses is refused by both, our schema saying how to fix it.

type Body = Record<string, any>;

/** A made-up PEM public key, shaped as client-side encryption needs. */
const PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEexampleexampleexample\n-----END PUBLIC KEY-----";

const scaffold: Body = {
  identifier: "scaffold_service",
  title: "Scaffold a service",
  icon: "Microservice",
  trigger: {
    type: "self-service",
    operation: "CREATE",
    blueprintIdentifier: "svc",
    userInputs: {
      properties: {
        name: { type: "string", title: "Name", pattern: "^[a-z][a-z0-9-]+$", minLength: 3, maxLength: 40 },
        token: { type: "string", title: "Registry token", encryption: "aes256-gcm" },
        certificate: { type: "string", format: "multi-line", encryption: { algorithm: "client-side", key: PUBLIC_KEY } },
        credentials: { type: "object", encryption: { algorithm: "client-side", key: PUBLIC_KEY } },
        size: {
          type: "object",
          enum: [
            { cpu: 1, memory: "1Gi" },
            { cpu: 4, memory: "8Gi" },
          ],
        },
        limits: {
          type: "object",
          properties: { cpu: { type: "number" } },
          required: ["cpu"],
          patternProperties: { "^label_": { type: "string" } },
          additionalProperties: false,
        },
        regions: { type: "array", enum: [["eu-west-1"], ["eu-west-1", "us-east-1"]] },
        tags: { type: "array", uniqueItems: true, items: { type: "string", pattern: "^[a-z]+$", minLength: 2, maxLength: 20 } },
        ports: { type: "array", items: { type: "number", minimum: 1, exclusiveMaximum: 65536 } },
        replicas: { type: "number", exclusiveMinimum: 0, maximum: 10 },
        cluster: { type: "string", format: "entity", blueprint: "svc" },
      },
      required: ["name"],
      steps: [{ title: "Basics", order: ["name", "cluster"] }, { title: "Review" }],
    },
  },
  invocationMethod: {
    type: "WEBHOOK",
    url: "{{ .secrets.SCAFFOLDER_HOST }}/api/scaffold",
    agent: false,
    synchronized: true,
    method: "POST",
    headers: { RUN_ID: "{{ .run.id }}", Authorization: "Bearer {{ .secrets.SCAFFOLDER_TOKEN }}" },
    body: { name: "{{ .inputs.name }}", size: "{{ .inputs.size }}" },
  },
  requiredApproval: false,
};

const day2WithoutBlueprint: Body = {
  identifier: "rotate_keys",
  title: "Rotate keys",
  trigger: { type: "self-service", operation: "DAY-2", userInputs: { properties: {} } },
  invocationMethod: { type: "KAFKA", payload: { action: "rotate" } },
};

const deleteWithoutBlueprint: Body = {
  identifier: "decommission",
  title: "Decommission",
  trigger: {
    type: "self-service",
    operation: "DELETE",
    userInputs: { properties: { reason: { type: "string" } } },
    condition: { type: "SEARCH", combinator: "and", rules: [{ property: "$title", operator: "!=", value: "protected" }] },
  },
  invocationMethod: { type: "GITHUB", org: "acme", repo: "infra", workflow: "decommission.yml" },
};

const everyChange: Body = {
  identifier: "sync_every_change",
  title: "Sync every change",
  trigger: { type: "automation", event: { type: "ANY_ENTITY_CHANGE", blueprintIdentifier: "svc" }, condition: { type: "JQ", expressions: [], combinator: "and" } },
  invocationMethod: { type: "WEBHOOK", url: "https://hooks.example.com/sync", body: [{ entity: "{{ .event.context.entityIdentifier }}" }] },
  publish: true,
};

describe("Port emulator action validation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    expect((await h.post("/v1/blueprints", blueprintBody("svc"))).status).toBe(201);
  });
  afterAll(() => h.close());

  it.each([
    ["a CREATE action with JSON-schema keywords, enums of objects and arrays, secrets of both kinds and a URL that begins with a secret", scaffold],
    ["a DAY-2 action without blueprintIdentifier", day2WithoutBlueprint],
    ["a DELETE action without blueprintIdentifier, with a condition", deleteWithoutBlueprint],
  ])("accepts %s, as our schema does", async (_, action) => {
    expect(parseValid(ActionSpec, action)).toEqual(action);
    const res = await h.post("/v1/actions", action);
    expect(res.status).toBe(201);
    expect(res.body.action).toMatchObject(action);
  });

  it("accepts an automation whose condition has no expressions, as our schema does", async () => {
    expect(parseValid(AutomationSpec, everyChange)).toEqual(everyChange);
    const res = await h.post("/v1/actions", everyChange);
    expect(res.status).toBe(201);
    expect(res.body.action.trigger.condition).toEqual({ type: "JQ", expressions: [], combinator: "and" });
  });

  it("refuses a legacy v1 action; our schema says how to write it as a v2 action", async () => {
    const legacy = { identifier: "legacy", title: "Legacy", trigger: "CREATE", userInputs: { properties: {} }, invocationMethod: { type: "KAFKA" } };
    const res = await h.post("/v1/actions", legacy);
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/userInputs", "/trigger"]);
    expect(problemMessages(ActionSpec, legacy, "Action", "legacy")[0]).toContain(
      'field trigger: "CREATE" is a legacy v1 trigger (the body of POST /v1/blueprints/{blueprint}/actions, deprecated since November 2024), which POST /v1/actions refuses. Write it as a v2 action: trigger: {type: "self-service", operation: "CREATE"',
    );
  });

  it("refuses a condition on a CREATE action and a body that is not an object or array, as our schema does", async () => {
    const action = {
      ...scaffold,
      identifier: "bad_create",
      trigger: { ...scaffold.trigger, condition: { type: "SEARCH", combinator: "and", rules: [] } },
      invocationMethod: { type: "WEBHOOK", url: "https://example.com/hook", body: "{{ .inputs }}" },
    };
    const res = await h.post("/v1/actions", action);
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/trigger/condition", "/invocationMethod/body"]);
    expect(problemMessages(ActionSpec, action, "Action", "bad_create")).toEqual([
      'Action "bad_create": field invocationMethod.body: "{{ .inputs }}" is a string; Port takes a JSON object or array here, whose strings may be templates. Wrap it in an object.',
      'Action "bad_create": field trigger.condition: only applies to DAY-2 and DELETE actions (it selects the entities that show the action); a CREATE action has no entity yet. Remove condition or change the operation.',
    ]);
  });

  it("refuses an encryption Port does not know, and a client-side encryption without a key", async () => {
    const inputs = { a: { type: "string", encryption: "rsa" }, b: { type: "object", encryption: { algorithm: "client-side" } } };
    const action = { ...day2WithoutBlueprint, identifier: "bad_secret", trigger: { ...day2WithoutBlueprint.trigger, userInputs: { properties: inputs } } };
    const res = await h.post("/v1/actions", action);
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/trigger/userInputs/properties/a/encryption", "/trigger/userInputs/properties/b/encryption/key"]);
    expect(problemMessages(ActionSpec, action, "Action", "bad_secret")).toHaveLength(2);
  });

  it("stores a webhook URL with a placeholder left in it, which our schema refuses before any call", async () => {
    const action = { ...day2WithoutBlueprint, identifier: "placeholder", invocationMethod: { type: "WEBHOOK", url: "https://ci.example.com/projects/<YOUR_PROJECT>/trigger" } };
    expect((await h.post("/v1/actions", action)).status).toBe(201);
    expect(problemMessages(ActionSpec, action, "Action", "placeholder")).toEqual([
      'Action "placeholder": field invocationMethod.url: "https://ci.example.com/projects/<YOUR_PROJECT>/trigger" still holds the placeholder <YOUR_PROJECT>; replace it with the real value, or with a template reading a Port secret such as "{{ .secrets.HOST }}". Fix the url.',
    ]);
  });
});
