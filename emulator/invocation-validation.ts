/**
 * Port's checks of `invocationMethod` (apispec.yaml: POST /v1/actions; port-api.md §6): one closed
 * key set per `type`, the required keys of each, payloads and bodies that are objects or arrays,
 * and an UPSERT_ENTITY target blueprint that exists. A webhook `url` is any string to the spec
 * (it may begin with a template such as `{{ .secrets.HOST }}`).
 */
import { checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

interface MethodRule {
  required: string[];
  optional: string[];
}

/** Keys per invocation type, besides `type`. */
const METHODS: Record<string, MethodRule> = {
  KAFKA: { required: [], optional: ["payload"] },
  WEBHOOK: { required: ["url"], optional: ["agent", "synchronized", "method", "headers", "body"] },
  GITHUB: { required: ["org", "repo", "workflow"], optional: ["workflowInputs", "reportWorkflowStatus"] },
  GITLAB: { required: ["projectName", "groupName"], optional: ["defaultRef", "pipelineVariables"] },
  AZURE_DEVOPS: { required: ["webhook", "org"], optional: ["payload"] },
  UPSERT_ENTITY: { required: ["blueprintIdentifier", "mapping"], optional: [] },
  INTEGRATION_ACTION: { required: ["installationId", "integrationActionType", "integrationActionExecutionProperties"], optional: [] },
};

/** Keys whose value is a string (the rest are free JSON or checked below). */
const STRING_KEYS = ["url", "org", "repo", "workflow", "projectName", "groupName", "defaultRef", "webhook", "blueprintIdentifier", "installationId"];

const MAPPING_KEYS = ["identifier", "title", "team", "icon", "properties", "relations"];

/** A boolean, or a string computing it with a `{{ }}` template (agent, synchronized, reportWorkflowStatus). */
function checkFlag(problems: Problems, path: string, value: unknown): void {
  if (value === undefined || typeof value === "boolean") return;
  if (typeof value === "string" && /^\s*\{\{[\s\S]*\}\}\s*$/.test(value)) return;
  problems.add(path, `must be boolean or a {{ }} template (got ${jsonType(value)})`);
}

export function validateInvocationMethod(problems: Problems, value: unknown, blueprintExists: (identifier: string) => boolean): void {
  const path = "/invocationMethod";
  const method = checkObject(problems, path, value, true);
  if (!method) return;
  if (!checkString(problems, pointer(path, "type"), method.type, { required: true, allowed: Object.keys(METHODS) })) return;
  const rule = METHODS[method.type as string];
  checkNoExtraKeys(problems, path, method, ["type", ...rule.required, ...rule.optional]);
  for (const key of rule.required) if (method[key] === undefined) problems.add(pointer(path, key), "is required");
  for (const key of STRING_KEYS) if (method[key] !== undefined) checkString(problems, pointer(path, key), method[key], { minLength: 1 });
  for (const key of ["agent", "synchronized", "reportWorkflowStatus"]) checkFlag(problems, pointer(path, key), method[key]);
  checkString(problems, pointer(path, "method"), method.method, { allowed: ["POST", "PUT", "PATCH", "DELETE", "GET"] });
  for (const key of ["headers", "workflowInputs", "pipelineVariables", "integrationActionExecutionProperties"]) {
    if (method[key] !== undefined) checkObject(problems, pointer(path, key), method[key]);
  }
  // apispec.yaml: `payload` (KAFKA, AZURE_DEVOPS) and `body` (WEBHOOK) are oneOf array / object.
  for (const key of ["payload", "body"]) {
    if (method[key] !== undefined && !Array.isArray(method[key]) && !isPlainObject(method[key])) {
      problems.add(pointer(path, key), `must be object or array (got ${jsonType(method[key])})`);
    }
  }
  const headers = method.headers;
  if (headers !== null && typeof headers === "object") {
    for (const [name, header] of Object.entries(headers)) checkString(problems, pointer(pointer(path, "headers"), name), header);
  }
  if (method.type === "INTEGRATION_ACTION") {
    checkString(problems, pointer(path, "integrationActionType"), method.integrationActionType, { allowed: ["dispatch_workflow"] });
  }
  if (method.type === "UPSERT_ENTITY") {
    if (typeof method.blueprintIdentifier === "string" && method.blueprintIdentifier !== "" && !blueprintExists(method.blueprintIdentifier)) {
      problems.add(pointer(path, "blueprintIdentifier"), `names blueprint "${method.blueprintIdentifier}", which does not exist`);
    }
    const mapping = checkObject(problems, pointer(path, "mapping"), method.mapping);
    if (mapping) {
      checkNoExtraKeys(problems, pointer(path, "mapping"), mapping, MAPPING_KEYS);
      for (const key of ["properties", "relations"]) if (mapping[key] !== undefined) checkObject(problems, pointer(pointer(path, "mapping"), key), mapping[key]);
    }
  }
}
