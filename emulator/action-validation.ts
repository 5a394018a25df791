/**
 * Validates a whole action or automation document as Port does on POST and PUT /v1/actions
 * (apispec.yaml: POST /v1/actions; port-api.md §6, §8): `additionalProperties: false` on the
 * document, the trigger, the invocation method and the form (not on the inputs themselves), the
 * trigger by type, a self-service action's blueprint (optional for every operation) and an entity
 * event's blueprint must exist, the action watched by a run event must exist. Every problem is
 * collected and reported in one 422.
 */
import { validateUserInputs } from "./action-input-validation";
import { checkBoolean, checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { validateInvocationMethod } from "./invocation-validation";
import { META_FIELDS } from "./port-vocabulary";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

/** Action and automation identifiers (SPEC): letters, digits and @ _ . + : = -, not "." or "..". */
export const ACTION_IDENTIFIER = /^(?!\.{1,2}$)[\p{L}0-9@_.+:=-]+$/u;

/** Fields Port writes itself; accepted in bodies (clients echo them back) but never taken from them. */
export const ACTION_SERVER_FIELDS = ["id", ...META_FIELDS];

const ACTION_KEYS = [
  "identifier",
  "title",
  "icon",
  "description",
  "trigger",
  "invocationMethod",
  "requiredApproval",
  "approvalNotification",
  "publish",
  "allowAnyoneToViewRuns",
  ...ACTION_SERVER_FIELDS,
];
const SELF_SERVICE_KEYS = ["type", "operation", "blueprintIdentifier", "userInputs", "actionCardButtonText", "executeActionButtonText", "condition"];
const ENTITY_EVENTS = ["ENTITY_CREATED", "ENTITY_UPDATED", "ENTITY_DELETED", "ANY_ENTITY_CHANGE"];
const RUN_EVENTS = ["RUN_CREATED", "RUN_UPDATED", "ANY_RUN_CHANGE"];

export interface ActionValidationContext {
  blueprintExists(identifier: string): boolean;
  /** The property identifiers of a blueprint (for timer events), or undefined when it does not exist. */
  blueprintProperties(identifier: string): string[] | undefined;
  actionExists(identifier: string): boolean;
}

/** Throws a 422 ApiError listing every problem. */
export function validateAction(body: unknown, ctx: ActionValidationContext): void {
  const problems = new Problems();
  if (!isPlainObject(body)) {
    problems.add("/", `must be object (got ${jsonType(body)})`);
    return problems.throwIfAny();
  }
  checkNoExtraKeys(problems, "/", body, ACTION_KEYS);
  checkString(problems, "/identifier", body.identifier, { required: true, minLength: 1, pattern: ACTION_IDENTIFIER });
  for (const key of ["title", "icon", "description"]) checkString(problems, `/${key}`, body[key]);
  checkBoolean(problems, "/publish", body.publish);
  checkBoolean(problems, "/allowAnyoneToViewRuns", body.allowAnyoneToViewRuns);
  validateApproval(problems, body.requiredApproval, body.approvalNotification);
  validateTrigger(problems, body.trigger, ctx);
  validateInvocationMethod(problems, body.invocationMethod, ctx.blueprintExists);
  problems.throwIfAny();
}

function validateApproval(problems: Problems, required: unknown, notification: unknown): void {
  if (required !== undefined && typeof required !== "boolean") {
    const policy = checkObject(problems, "/requiredApproval", required);
    if (policy) {
      checkNoExtraKeys(problems, "/requiredApproval", policy, ["type"]);
      checkString(problems, "/requiredApproval/type", policy.type, { required: true, allowed: ["ANY", "ALL"] });
    }
  }
  const notify = checkObject(problems, "/approvalNotification", notification);
  if (!notify) return;
  if (!checkString(problems, "/approvalNotification/type", notify.type, { required: true, allowed: ["email", "webhook"] })) return;
  if (notify.type === "email") {
    checkNoExtraKeys(problems, "/approvalNotification", notify, ["type"]);
    return;
  }
  checkNoExtraKeys(problems, "/approvalNotification", notify, ["type", "url", "format"]);
  checkString(problems, "/approvalNotification/url", notify.url, { required: true, minLength: 1 });
  checkString(problems, "/approvalNotification/format", notify.format, { allowed: ["json", "slack"] });
}

function validateTrigger(problems: Problems, value: unknown, ctx: ActionValidationContext): void {
  // A string trigger ("CREATE") is the legacy v1 shape of POST /v1/blueprints/{id}/actions, deprecated (apispec.yaml); POST /v1/actions takes an object.
  const trigger = checkObject(problems, "/trigger", value, true);
  if (!trigger) return;
  if (!checkString(problems, "/trigger/type", trigger.type, { required: true, allowed: ["self-service", "automation"] })) return;
  if (trigger.type === "self-service") validateSelfService(problems, trigger, ctx);
  else validateAutomationTrigger(problems, trigger, ctx);
}

function checkBlueprint(problems: Problems, path: string, value: unknown, ctx: ActionValidationContext, required: boolean): void {
  if (!checkString(problems, path, value, { required, minLength: 1 })) return;
  if (!ctx.blueprintExists(value as string)) problems.add(path, `names blueprint "${String(value)}", which does not exist`);
}

function validateSelfService(problems: Problems, trigger: Record<string, unknown>, ctx: ActionValidationContext): void {
  checkNoExtraKeys(problems, "/trigger", trigger, SELF_SERVICE_KEYS);
  checkString(problems, "/trigger/operation", trigger.operation, { required: true, allowed: ["CREATE", "DAY-2", "DELETE"] });
  // apispec.yaml: POST /v1/actions: blueprintIdentifier is optional in the CREATE and in the DAY-2/DELETE trigger.
  checkBlueprint(problems, "/trigger/blueprintIdentifier", trigger.blueprintIdentifier, ctx, false);
  for (const key of ["actionCardButtonText", "executeActionButtonText"]) {
    checkString(problems, pointer("/trigger", key), trigger[key], { minLength: 1, maxLength: 15, pattern: /^\S(.*\S)?$/ });
  }
  validateUserInputs(problems, "/trigger/userInputs", trigger.userInputs, ctx);
  const condition = checkObject(problems, "/trigger/condition", trigger.condition);
  if (!condition) return;
  // apispec.yaml: the CREATE trigger has no condition key (additionalProperties: false).
  if (trigger.operation === "CREATE") problems.add("/trigger/condition", "is only allowed for DAY-2 and DELETE operations");
  checkNoExtraKeys(problems, "/trigger/condition", condition, ["type", "combinator", "rules"]);
  checkString(problems, "/trigger/condition/type", condition.type, { required: true, allowed: ["SEARCH"] });
  checkString(problems, "/trigger/condition/combinator", condition.combinator, { required: true, allowed: ["and", "or"] });
  if (!Array.isArray(condition.rules)) problems.add("/trigger/condition/rules", `must be array (got ${jsonType(condition.rules)})`);
}

function validateAutomationTrigger(problems: Problems, trigger: Record<string, unknown>, ctx: ActionValidationContext): void {
  checkNoExtraKeys(problems, "/trigger", trigger, ["type", "event", "condition"]);
  const event = checkObject(problems, "/trigger/event", trigger.event, true);
  if (event) validateEvent(problems, event, ctx);
  const condition = checkObject(problems, "/trigger/condition", trigger.condition);
  if (!condition) return;
  checkNoExtraKeys(problems, "/trigger/condition", condition, ["type", "expressions", "combinator"]);
  checkString(problems, "/trigger/condition/type", condition.type, { required: true, allowed: ["JQ"] });
  checkString(problems, "/trigger/condition/combinator", condition.combinator, { allowed: ["and", "or"] });
  // apispec.yaml: expressions is a required array of strings with no minimum: an empty list filters nothing.
  if (!Array.isArray(condition.expressions)) {
    problems.add("/trigger/condition/expressions", condition.expressions === undefined ? "is required" : `must be array (got ${jsonType(condition.expressions)})`);
    return;
  }
  condition.expressions.forEach((expression, i) => checkString(problems, pointer("/trigger/condition/expressions", i), expression));
}

function validateEvent(problems: Problems, event: Record<string, unknown>, ctx: ActionValidationContext): void {
  const types = [...ENTITY_EVENTS, "TIMER_PROPERTY_EXPIRED", ...RUN_EVENTS];
  if (!checkString(problems, "/trigger/event/type", event.type, { required: true, allowed: types })) return;
  const type = event.type as string;
  if (RUN_EVENTS.includes(type)) {
    checkNoExtraKeys(problems, "/trigger/event", event, ["type", "actionIdentifier"]);
    if (checkString(problems, "/trigger/event/actionIdentifier", event.actionIdentifier, { required: true, minLength: 1 }) && !ctx.actionExists(event.actionIdentifier as string)) {
      problems.add("/trigger/event/actionIdentifier", `names action "${String(event.actionIdentifier)}", which does not exist`);
    }
    return;
  }
  const timer = type === "TIMER_PROPERTY_EXPIRED";
  checkNoExtraKeys(problems, "/trigger/event", event, timer ? ["type", "blueprintIdentifier", "propertyIdentifier"] : ["type", "blueprintIdentifier"]);
  checkBlueprint(problems, "/trigger/event/blueprintIdentifier", event.blueprintIdentifier, ctx, true);
  if (!timer || !checkString(problems, "/trigger/event/propertyIdentifier", event.propertyIdentifier, { required: true, minLength: 1 })) return;
  const properties = typeof event.blueprintIdentifier === "string" ? ctx.blueprintProperties(event.blueprintIdentifier) : undefined;
  if (properties && !properties.includes(event.propertyIdentifier as string)) {
    problems.add("/trigger/event/propertyIdentifier", `names property "${String(event.propertyIdentifier)}", which blueprint "${String(event.blueprintIdentifier)}" does not have`);
  }
}
