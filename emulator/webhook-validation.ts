/**
 * Validates a webhook body as Port does on POST and PUT (port-api.md §15: additionalProperties
 * false, `title` and `enabled` required, mapping blueprints must exist). Written from the notes,
 * independent of schemas/, so it can disagree with them. Every problem is reported in one 422.
 */
import { checkBoolean, checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

export interface WebhookValidationContext {
  blueprintExists(identifier: string): boolean;
}

const WEBHOOK_KEYS = ["identifier", "title", "description", "icon", "enabled", "integrationType", "security", "mappings"];
const SECURITY_KEYS = ["secret", "signatureHeaderName", "signatureAlgorithm", "signaturePrefix", "requestIdentifierPath"];
const MAPPING_KEYS = ["blueprint", "filter", "itemsToParse", "operation", "entity"];
const ENTITY_KEYS = ["identifier", "title", "icon", "team", "properties", "relations"];
const OPERATION_TYPES = ["create", "delete"];

export function validateWebhook(body: Record<string, unknown>, ctx: WebhookValidationContext): void {
  const problems = new Problems();
  checkNoExtraKeys(problems, "/", body, WEBHOOK_KEYS);
  checkString(problems, "/identifier", body.identifier, { minLength: 1, maxLength: 30 });
  checkString(problems, "/title", body.title, { required: true, maxLength: 30 });
  checkString(problems, "/description", body.description, { maxLength: 200 });
  checkString(problems, "/icon", body.icon);
  checkBoolean(problems, "/enabled", body.enabled, true);
  checkString(problems, "/integrationType", body.integrationType, { allowed: ["custom", "template"] });
  validateSecurity(problems, body.security);
  if (body.mappings !== undefined) {
    if (!Array.isArray(body.mappings)) problems.add("/mappings", `must be array (got ${jsonType(body.mappings)})`);
    else body.mappings.forEach((mapping, i) => validateMapping(problems, pointer("/mappings", i), mapping, ctx));
  }
  problems.throwIfAny();
}

/** Every security field is nullable in Port's spec. */
function validateSecurity(problems: Problems, value: unknown): void {
  if (value === null) return;
  const security = checkObject(problems, "/security", value);
  if (!security) return;
  checkNoExtraKeys(problems, "/security", security, SECURITY_KEYS);
  for (const key of SECURITY_KEYS) {
    if (security[key] === null) continue;
    const allowed = key === "signatureAlgorithm" ? ["sha1", "sha256", "plain"] : undefined;
    checkString(problems, pointer("/security", key), security[key], { allowed });
  }
}

function validateMapping(problems: Problems, path: string, value: unknown, ctx: WebhookValidationContext): void {
  const mapping = checkObject(problems, path, value, true);
  if (!mapping) return;
  checkNoExtraKeys(problems, path, mapping, MAPPING_KEYS);
  if (checkString(problems, pointer(path, "blueprint"), mapping.blueprint, { required: true, minLength: 1 }) && !ctx.blueprintExists(mapping.blueprint as string)) {
    // A 422 naming the mapping (assumption; see emulator/README.md).
    problems.add(pointer(path, "blueprint"), `must be an existing blueprint (blueprint "${mapping.blueprint}" was not found)`);
  }
  checkString(problems, pointer(path, "filter"), mapping.filter);
  checkString(problems, pointer(path, "itemsToParse"), mapping.itemsToParse);
  validateOperation(problems, pointer(path, "operation"), mapping.operation);
  const entity = checkObject(problems, pointer(path, "entity"), mapping.entity, true);
  if (!entity) return;
  const entityPath = pointer(path, "entity");
  checkNoExtraKeys(problems, entityPath, entity, ENTITY_KEYS);
  // identifier and relation values may also be search queries (objects); everything else is JQ text.
  if (!isPlainObject(entity.identifier)) checkString(problems, pointer(entityPath, "identifier"), entity.identifier, { required: true, minLength: 1 });
  for (const key of ["title", "icon", "team"]) checkString(problems, pointer(entityPath, key), entity[key]);
  for (const key of ["properties", "relations"]) {
    const map = checkObject(problems, pointer(entityPath, key), entity[key]);
    for (const [name, jq] of Object.entries(map ?? {})) {
      if (key === "relations" && isPlainObject(jq)) continue;
      checkString(problems, pointer(pointer(entityPath, key), name), jq, { required: true });
    }
  }
}

function validateOperation(problems: Problems, path: string, value: unknown): void {
  if (value === undefined || typeof value === "string") {
    checkString(problems, path, value, { allowed: OPERATION_TYPES });
    return;
  }
  const operation = checkObject(problems, path, value);
  if (!operation) return;
  checkNoExtraKeys(problems, path, operation, ["type", "deleteDependents"]);
  checkString(problems, pointer(path, "type"), operation.type, { required: true, allowed: OPERATION_TYPES });
  checkBoolean(problems, pointer(path, "deleteDependents"), operation.deleteDependents);
}
