import { InvocationMethod, type InvocationMethodInput } from "./invocation-method-schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const methodProblems = (method: unknown) => problemMessages(InvocationMethod, method, "Action", "deploy");

describe("InvocationMethod", () => {
  describe("parses every variant unchanged", () => {
    const methods: Record<string, InvocationMethodInput> = {
      "KAFKA with payload": { type: "KAFKA", payload: { service: "{{ .entity.identifier }}" } },
      "KAFKA without payload": { type: "KAFKA" },
      WEBHOOK: {
        type: "WEBHOOK",
        url: "https://deploy.example.com/{{ .inputs.env }}",
        agent: false,
        synchronized: "{{ .inputs.wait }}",
        method: "PUT",
        headers: { Authorization: 'Bearer {{ .secrets["deploy-token"] }}' },
        body: { version: "{{ .inputs.version }}", dryRun: false, tags: ["a", 1, null] },
      },
      "WEBHOOK with a templated URL": { type: "WEBHOOK", url: "{{ .inputs.target }}" },
      "WEBHOOK whose URL begins with a secret": { type: "WEBHOOK", url: "{{ .secrets.DEPLOY_HOST }}/api/v1/deploy?env={{ .inputs.env }}", body: [{ op: "deploy" }] },
      "WEBHOOK comparing in a template": { type: "WEBHOOK", url: 'https://ci.example.com/{{ if .inputs.count < 3 then "small" else "large" end }}' },
      GITHUB: { type: "GITHUB", org: "acme", repo: "infra", workflow: "deploy.yml", workflowInputs: { env: "{{ .inputs.env }}" }, reportWorkflowStatus: true },
      GITLAB: { type: "GITLAB", projectName: "service", groupName: "acme/platform", defaultRef: "main", pipelineVariables: { ENV: "{{ .inputs.env }}" } },
      AZURE_DEVOPS: { type: "AZURE_DEVOPS", webhook: "port-trigger", org: "acme", payload: { run: "{{ .run.id }}" } },
      UPSERT_ENTITY: {
        type: "UPSERT_ENTITY",
        blueprintIdentifier: "incident",
        mapping: {
          identifier: "{{ .run.id }}",
          title: "{{ .inputs.title }}",
          team: ["sre"],
          icon: "Alert",
          properties: { severity: "SEV2" },
          relations: { service: "{{ .entity.identifier }}" },
        },
      },
      INTEGRATION_ACTION: {
        type: "INTEGRATION_ACTION",
        installationId: "github-ocean",
        integrationActionType: "dispatch_workflow",
        integrationActionExecutionProperties: { org: "acme", repo: "infra", workflow: "deploy.yml", workflowInputs: { env: "{{ .inputs.env }}" } },
      },
    };
    it.each(Object.entries(methods))("%s", (_, method) => {
      expect(parseValid(InvocationMethod, method)).toEqual(method);
    });
  });

  it("fails on an unknown type with every allowed type and the closest one", () => {
    expect(methodProblems({ type: "WEBHUK", url: "https://x" })).toEqual([
      'Action "deploy": field type: "WEBHUK" is not an invocation method type; allowed: KAFKA, WEBHOOK, GITHUB, GITLAB, AZURE_DEVOPS, UPSERT_ENTITY, INTEGRATION_ACTION. Did you mean "WEBHOOK"? Fix the type.',
    ]);
  });

  it("checks a webhook's URL, flags, method and headers", () => {
    expect(methodProblems({ type: "WEBHOOK", url: "deploy.example.com/x", method: "FETCH", synchronized: "sometimes", headers: { Authorization: 5 } })).toEqual([
      'Action "deploy": field url: "deploy.example.com/x" is not an http(s) URL; use an absolute URL such as "https://example.com/hook", or begin with a template such as "{{ .secrets.HOST }}/hook". Fix the url.',
      'Action "deploy": field synchronized: "sometimes" is neither true, false nor a JQ template such as "{{ .inputs.wait }}". Fix the value.',
      'Action "deploy": field method: "FETCH" is not an HTTP method; allowed: POST, PUT, PATCH, DELETE, GET. Fix the method.',
      'Action "deploy": field headers.Authorization: 5 is a number, expected a string. Fix the value.',
    ]);
  });

  it("refuses a placeholder left in a webhook URL, naming it", () => {
    expect(methodProblems({ type: "WEBHOOK", url: "https://gitlab.example.com/api/v4/projects/<YourProjectId>/trigger/pipeline" })).toEqual([
      'Action "deploy": field url: "https://gitlab.example.com/api/v4/projects/<YourProjectId>… still holds the placeholder <YourProjectId>; replace it with the real value, or with a template reading a Port secret such as "{{ .secrets.HOST }}". Fix the url.',
    ]);
    expect(methodProblems({ type: "WEBHOOK", url: "<YOUR_URL>" })).toEqual([
      'Action "deploy": field url: "<YOUR_URL>" still holds the placeholder <YOUR_URL>; replace it with the real value, or with a template reading a Port secret such as "{{ .secrets.HOST }}". Fix the url.',
    ]);
  });

  it("refuses a body or payload that is not a JSON object or array", () => {
    expect(methodProblems({ type: "WEBHOOK", url: "https://example.com/hook", body: "{{ .inputs }}" })).toEqual([
      'Action "deploy": field body: "{{ .inputs }}" is a string; Port takes a JSON object or array here, whose strings may be templates. Wrap it in an object.',
    ]);
  });

  it("refuses a literal credential in a webhook header, without repeating it", () => {
    const problems = methodProblems({ type: "WEBHOOK", url: "https://x", headers: { Authorization: "Bearer abc123", "X-Api-Key": "k-42", Accept: "application/json" } });
    expect(problems).toEqual([
      'Action "deploy": field headers.Authorization: holds a literal credential, which would be stored in clear text in the action and in the stack\'s state. Store it as a Port organization secret and write e.g. "Bearer {{ .secrets["deploy-token"] }}".',
      'Action "deploy": field headers.X-Api-Key: holds a literal credential, which would be stored in clear text in the action and in the stack\'s state. Store it as a Port organization secret and write e.g. "Bearer {{ .secrets["deploy-token"] }}".',
    ]);
    expect(problems.join("\n")).not.toContain("abc123");
  });

  it("requires the keys of each variant", () => {
    expect(methodProblems({ type: "GITHUB", org: "acme", workflow: "x.yml" })).toEqual(['Action "deploy": field repo: is required but missing. Add a string.']);
    expect(methodProblems({ type: "GITLAB", projectName: "p" })).toEqual(['Action "deploy": field groupName: is required but missing. Add a string.']);
    expect(methodProblems({ type: "AZURE_DEVOPS", webhook: "w" })).toEqual(['Action "deploy": field org: is required but missing. Add a string.']);
  });

  it("refuses keys of another variant", () => {
    expect(methodProblems({ type: "KAFKA", url: "https://x" })).toEqual([
      'Action "deploy": "url" is not a key of a KAFKA invocation; allowed: type, payload. Rename or remove it.',
    ]);
  });

  it("checks an upsert's blueprint and mapping keys", () => {
    expect(methodProblems({ type: "UPSERT_ENTITY", blueprintIdentifier: "my bp", mapping: { identifer: "x" } })).toEqual([
      'Action "deploy": field blueprintIdentifier: must match Port\'s blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters); "my bp" contains a space: use "my_bp".',
      'Action "deploy": field mapping: "identifer" is not a key of an entity mapping; allowed: identifier, title, team, icon, properties, relations. Did you mean "identifier"? Rename or remove it.',
    ]);
  });

  it("allows only dispatch_workflow as an integration action", () => {
    expect(methodProblems({ type: "INTEGRATION_ACTION", installationId: "i", integrationActionType: "run", integrationActionExecutionProperties: {} })).toEqual([
      'Action "deploy": field integrationActionType: "run" is not an integration action type; allowed: dispatch_workflow. Fix the integrationActionType.',
    ]);
  });
});
