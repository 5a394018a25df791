/**
 * `invocationMethod`: what Port does when an action or automation runs. String values anywhere
 * inside may be templates, `"{{ .inputs.name }}"`, with JQ over the run's context (`.inputs`,
 * `.entity`, `.trigger`, `.run`, `.event` for automations); every template is compiled at check time.
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, closedUnion, crossCheck, type CrossCheckProblem } from "../../core/schemas/closed";
import { BlueprintIdentifier } from "../../core/schemas/identifiers";
import { BooleanOrTemplate, withoutTemplates } from "../../core/schemas/jq-query";
import { describeKind, showValue } from "../../core/schemas/messages";

/** Any JSON value (payloads and bodies are free-form; their strings may be templates). */
const Json = z.json();
/** A JSON object whose values may be templates. */
const JsonObject = z.record(z.string(), Json);

/** A payload or body: a JSON object or array (apispec.yaml: POST /v1/actions invocationMethod `body`, `payload`). */
const Payload = z.union([JsonObject, z.array(Json)], {
  error: (issue) => `${showValue(issue.input)} is ${describeKind(issue.input)}; Port takes a JSON object or array here, whose strings may be templates. Wrap it in an object.`,
});

/** A `<placeholder>` left from an example or a template (`<YOUR_URL>`, `<YourGitlabToken>`). */
const PLACEHOLDER = /<[A-Za-z_][\w .-]*>/;

/**
 * A webhook endpoint: an absolute http(s) URL with `{{ }}` templates allowed anywhere. One that
 * begins with a template (`{{ .secrets.HOST }}/deploy`) gets its scheme and host when the action
 * runs. A `<placeholder>` left in it (outside the templates) cannot work.
 */
const WebhookUrl = z.string().superRefine((value, ctx) => {
  const placeholder = PLACEHOLDER.exec(withoutTemplates(value))?.[0];
  let problem: string | undefined;
  if (placeholder !== undefined) {
    problem = `still holds the placeholder ${placeholder}; replace it with the real value, or with a template reading a Port secret such as "{{ .secrets.HOST }}".`;
  } else if (!/^\s*\{\{/.test(value) && !isHttpUrl(withoutTemplates(value))) {
    problem = `is not an http(s) URL; use an absolute URL such as "https://example.com/hook", or begin with a template such as "{{ .secrets.HOST }}/hook".`;
  }
  if (problem !== undefined) ctx.addIssue({ code: "custom", input: value, message: `${showValue(value)} ${problem} Fix the url.` });
});

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Header names that carry credentials. */
const CREDENTIAL_HEADER = /authorization|token|secret|password|api[-_]?key/i;

/**
 * A credential header must be a template reading one of Port's organization secrets: a literal
 * value would be stored in clear text in the action definition and in Pulumi's state.
 */
function checkNoLiteralCredentials(input: unknown, report: (problem: CrossCheckProblem) => void): void {
  for (const [name, value] of Object.entries(asRecord(input) ?? {})) {
    if (!CREDENTIAL_HEADER.test(name) || typeof value !== "string" || value.includes("{{")) continue;
    report({
      path: [name],
      input: "(hidden)",
      message: `holds a literal credential, which would be stored in clear text in the action and in the stack's state. Store it as a Port organization secret and write e.g. "Bearer {{ .secrets["deploy-token"] }}".`,
    });
  }
}

/** Send a message to the Kafka topic Port provides to the organization. */
export const KafkaInvocation = closedObject("a KAFKA invocation", {
  /** `"KAFKA"`. */
  type: z.literal("KAFKA"),
  /** The message body. Omitted: Port's default payload (the whole run context). */
  payload: Payload.optional(),
});

/** Call an HTTP endpoint. */
export const WebhookInvocation = closedObject("a WEBHOOK invocation", {
  /** `"WEBHOOK"`. */
  type: z.literal("WEBHOOK"),
  /** The endpoint: an absolute http(s) URL, templates allowed; see {@link WebhookUrl}. */
  url: WebhookUrl,
  /** When true, Port's execution agent inside your network makes the call (the URL need not be public). Default false. */
  agent: BooleanOrTemplate.optional(),
  /** When true, the run ends with the HTTP response (status and body); otherwise your service reports it. Default false. */
  synchronized: BooleanOrTemplate.optional(),
  /** HTTP method. Default `POST`. */
  method: closedEnum(["POST", "PUT", "PATCH", "DELETE", "GET"], { noun: "an HTTP method", field: "method" }).optional(),
  /** Request headers; values may be templates. Credentials must come from Port's secrets: `Bearer {{ .secrets["token"] }}`. */
  headers: z.record(z.string().min(1), z.string()).check(crossCheck(checkNoLiteralCredentials)).optional(),
  /** Request body. Omitted: Port's default payload. */
  body: Payload.optional(),
});

/** Dispatch a GitHub Actions workflow (through Port's GitHub app). */
export const GithubInvocation = closedObject("a GITHUB invocation", {
  /** `"GITHUB"`. */
  type: z.literal("GITHUB"),
  /** The GitHub organization (or user) owning the repository. */
  org: z.string().min(1),
  /** The repository holding the workflow. */
  repo: z.string().min(1),
  /** The workflow file name, e.g. `"scaffold.yml"`. */
  workflow: z.string().min(1),
  /** The workflow's `workflow_dispatch` inputs; values may be templates. */
  workflowInputs: JsonObject.optional(),
  /** When true, Port marks the run SUCCESS or FAILURE when the workflow ends. Default true. */
  reportWorkflowStatus: BooleanOrTemplate.optional(),
});

/** Trigger a GitLab pipeline. */
export const GitlabInvocation = closedObject("a GITLAB invocation", {
  /** `"GITLAB"`. */
  type: z.literal("GITLAB"),
  /** The project (repository) name. */
  projectName: z.string().min(1),
  /** The group (or subgroup path) owning the project. */
  groupName: z.string().min(1),
  /** The branch or tag to run on. Default: the project's default branch. */
  defaultRef: z.string().min(1).optional(),
  /** Pipeline variables; values may be templates. */
  pipelineVariables: JsonObject.optional(),
});

/** Trigger an Azure DevOps pipeline through an incoming webhook. */
export const AzureDevopsInvocation = closedObject("an AZURE_DEVOPS invocation", {
  /** `"AZURE_DEVOPS"`. */
  type: z.literal("AZURE_DEVOPS"),
  /** The name of the incoming webhook service connection. */
  webhook: z.string().min(1),
  /** The Azure DevOps organization. */
  org: z.string().min(1),
  /** The body sent to the webhook. Omitted: Port's default payload. */
  payload: Payload.optional(),
});

/** How the entity is built from the run: every value may be a template. */
export const UpsertEntityMapping = closedObject("an entity mapping", {
  /** The entity identifier, e.g. `"{{ .inputs.name }}"`. Omitted: Port generates one. */
  identifier: z.string().min(1).optional(),
  /** The entity title. */
  title: z.string().optional(),
  /** The owning team(s): a team name, a list of names, or a template. */
  team: z.union([z.string(), z.array(z.string())]).optional(),
  /** An icon name. */
  icon: z.string().optional(),
  /** Property values, keyed by property identifier. */
  properties: JsonObject.optional(),
  /** Related entity identifiers, keyed by relation identifier. */
  relations: JsonObject.optional(),
});
export type UpsertEntityMapping = z.output<typeof UpsertEntityMapping>;

/** Create or update an entity in Port's catalog, with no backend at all. */
export const UpsertEntityInvocation = closedObject("an UPSERT_ENTITY invocation", {
  /** `"UPSERT_ENTITY"`. */
  type: z.literal("UPSERT_ENTITY"),
  /** The blueprint of the entity. */
  blueprintIdentifier: BlueprintIdentifier,
  /** How the entity is built. */
  mapping: UpsertEntityMapping,
});

/** Run an action of an installed Ocean integration (e.g. dispatch a GitHub workflow through the GitHub Ocean app). */
export const IntegrationActionInvocation = closedObject("an INTEGRATION_ACTION invocation", {
  /** `"INTEGRATION_ACTION"`. */
  type: z.literal("INTEGRATION_ACTION"),
  /** The installation id of the integration (Port: Data sources). */
  installationId: z.string().min(1),
  /** `"dispatch_workflow"`. */
  integrationActionType: closedEnum(["dispatch_workflow"], { noun: "an integration action type", field: "integrationActionType" }),
  /** What the integration needs, e.g. `{org, repo, workflow, workflowInputs, reportWorkflowStatus}`; values may be templates. */
  integrationActionExecutionProperties: JsonObject,
});

/** What runs the action, chosen by `type`. */
export const InvocationMethod = closedUnion(
  "type",
  [KafkaInvocation, WebhookInvocation, GithubInvocation, GitlabInvocation, AzureDevopsInvocation, UpsertEntityInvocation, IntegrationActionInvocation],
  { noun: "an invocation method type", field: "type" },
);
export type InvocationMethod = z.output<typeof InvocationMethod>;
export type InvocationMethodInput = z.input<typeof InvocationMethod>;
