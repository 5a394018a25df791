import type { ExportPlan, ExportScope, KindExporter } from "../plan";
import { pickKeys } from "../plan";
import type { OrgSnapshot } from "../snapshot";

type Doc = Record<string, any>;

/** The action keys the Action component takes besides trigger and invocationMethod (kinds/action/schema.ts ActionSpec). */
const ACTION_KEYS = ["identifier", "title", "icon", "description", "publish", "requiredApproval", "approvalNotification", "allowAnyoneToViewRuns"] as const;
/** The automation keys the Automation component takes besides trigger and invocationMethod (kinds/automation/schema.ts AutomationSpec). */
const AUTOMATION_KEYS = ["identifier", "title", "icon", "description", "publish", "allowAnyoneToViewRuns"] as const;

/** Header names the WEBHOOK invocation refuses literal values for (as kinds/action/invocation-method-schema.ts does). */
const CREDENTIAL_HEADER = /authorization|token|secret|password|api[-_]?key/i;

const isAutomation = (doc: Doc) => doc.trigger?.type === "automation";

/** A blueprint as the args name it: its variable when exported, else its identifier. */
const blueprintRef = (plan: ExportPlan, identifier: unknown) => (typeof identifier === "string" ? (plan.ref(`blueprint:${identifier}`, "actions") ?? identifier) : identifier);

/**
 * Every `blueprint` key holding an identifier, however deep, as a reference: the components resolve
 * `blueprint` at any depth of the trigger (entity inputs, their items), so the variable is sent as its identifier.
 */
function withBlueprintRefs(value: unknown, plan: ExportPlan): unknown {
  if (Array.isArray(value)) return value.map((item) => withBlueprintRefs(item, plan));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === "blueprint" && typeof item === "string" ? blueprintRef(plan, item) : withBlueprintRefs(item, plan)]),
  );
}

/** The invocation method as args: UPSERT_ENTITY names its blueprint `blueprint`. */
function invocationArgs(method: Doc, plan: ExportPlan): Doc {
  if (method?.type !== "UPSERT_ENTITY" || method.blueprintIdentifier === undefined) return method;
  const { blueprintIdentifier, ...rest } = method;
  return { type: rest.type, blueprint: blueprintRef(plan, blueprintIdentifier), ...rest };
}

/**
 * A header Port holds with a literal credential: the component refuses it (it would sit in the code and
 * the state in clear text), and the export must not write it into the code either.
 */
const literalCredential = (method: Doc) =>
  method?.type === "WEBHOOK" &&
  Object.entries((method.headers ?? {}) as Record<string, unknown>).some(([name, v]) => CREDENTIAL_HEADER.test(name) && typeof v === "string" && !v.includes("{{"));

/** The blueprint an action or automation hangs off, for `--blueprints`: its trigger's, or for run events the watched action's. */
function blueprintOf(doc: Doc, org: OrgSnapshot): string | undefined {
  const trigger = doc.trigger ?? {};
  if (!isAutomation(doc)) return trigger.blueprintIdentifier;
  if (trigger.event?.blueprintIdentifier !== undefined) return trigger.event.blueprintIdentifier;
  const watched = org.actions.find((a) => a.identifier === trigger.event?.actionIdentifier);
  return watched?.trigger?.blueprintIdentifier as string | undefined;
}

const inScope = (doc: Doc, org: OrgSnapshot, scope: ExportScope) => {
  if (!scope.blueprints) return true;
  const blueprint = blueprintOf(doc, org);
  return blueprint !== undefined && scope.blueprints.has(blueprint);
};

function chosen(org: OrgSnapshot, plan: ExportPlan, scope: ExportScope, automations: boolean): Doc[] {
  const found = (org.actions as Doc[]).filter((doc) => isAutomation(doc) === automations && inScope(doc, org, scope));
  for (const doc of found.filter((d) => literalCredential(d.invocationMethod))) {
    plan.leftOut.push(
      `${automations ? "automation" : "action"} "${doc.identifier}": its webhook headers hold a literal credential, which the code must not hold; use a secret template ({{ .secrets.<name> }}) in Port, then export again`,
    );
  }
  return found.filter((d) => !literalCredential(d.invocationMethod));
}

/**
 * Self-service actions: Port's `/v1/actions` documents with a self-service trigger. The trigger's
 * blueprint becomes the `blueprint` arg (`type` is implied), entity inputs and UPSERT_ENTITY name
 * blueprints by variable. Actions whose WEBHOOK headers hold a literal credential are not exported:
 * the Action component refuses them, and the export writes no secret into the code.
 */
export const exportActions: KindExporter = (org, plan, scope) => {
  for (const action of chosen(org, plan, scope, false)) {
    const { type: _type, blueprintIdentifier, ...trigger } = action.trigger as Doc;
    const args: Doc = pickKeys(action, ["identifier"]);
    if (blueprintIdentifier !== undefined) args.blueprint = blueprintRef(plan, blueprintIdentifier);
    Object.assign(args, pickKeys(action, ACTION_KEYS), { trigger: withBlueprintRefs(trigger, plan), invocationMethod: invocationArgs(action.invocationMethod, plan) });
    plan.add({ area: "actions", component: "Action", key: `action:${action.identifier}`, name: String(action.identifier), args });
  }
};

/**
 * Automations: the `/v1/actions` documents with an automation trigger. Entity and timer events name
 * their blueprint by variable; run events name the watched action by variable when it is exported,
 * else by identifier (the exported Portal then lists it in `existingActions`).
 */
export const exportAutomations: KindExporter = (org, plan, scope) => {
  for (const automation of chosen(org, plan, scope, true)) {
    const { blueprintIdentifier, actionIdentifier, ...event } = (automation.trigger as Doc).event ?? {};
    if (blueprintIdentifier !== undefined) event.blueprint = blueprintRef(plan, blueprintIdentifier);
    if (actionIdentifier !== undefined) event.action = plan.ref(`action:${actionIdentifier}`, "actions") ?? actionIdentifier;
    const { condition } = automation.trigger as Doc;
    const args: Doc = {
      ...pickKeys(automation, AUTOMATION_KEYS),
      trigger: { event: { type: event.type, ...event }, ...(condition !== undefined ? { condition } : {}) },
      invocationMethod: invocationArgs(automation.invocationMethod, plan),
    };
    plan.add({ area: "actions", component: "Automation", key: `action:${automation.identifier}`, name: String(automation.identifier), args });
  }
};
