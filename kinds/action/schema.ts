/**
 * A self-service action exactly as Port's `/v1/actions` JSON has it (the body of
 * `POST /v1/actions`): who sees it and where (the trigger: operation, blueprint, form), what runs
 * it (the invocation method), and whether someone must approve each run.
 * Automations share the document and the route; they differ in the trigger (automation.ts).
 */
import { z } from "zod";
import { asRecord, closedEnum, closedObject, closedUnion, crossCheck } from "../../core/schemas/closed";
import { ActionUserInputs } from "./inputs-schema";
import { EntityQueryCombinator, EntityQueryRules } from "../../core/schemas/entity-query";
import { ActionIdentifier, BlueprintIdentifier } from "../../core/schemas/identifiers";
import { InvocationMethod } from "./invocation-method-schema";
import { showValue } from "../../core/schemas/messages";

/** Keys every action and automation has, besides `trigger`. */
export const actionDocumentKeys = {
  /** Unique id of the action or automation (they share one namespace); see {@link ActionIdentifier}. Changing it replaces the object. */
  identifier: ActionIdentifier,
  /** Display name. Omitted: Port shows the identifier. */
  title: z.string().min(1).optional(),
  /** An icon name from Port's icon list (e.g. `"Github"`). */
  icon: z.string().optional(),
  /** Free text shown on the action card or in the automations list. */
  description: z.string().optional(),
  /** What runs it; see {@link InvocationMethod}. */
  invocationMethod: InvocationMethod,
  /** Whether it is active (shown to users, or listening for events). Omitted: Port's default (published). */
  publish: z.boolean().optional(),
};

/** Button text: 1–15 characters, no spaces at either end. */
const ButtonText = z.string().superRefine((text, ctx) => {
  const length = [...text].length;
  const problem = length === 0 ? "is empty" : length > 15 ? `is ${length} characters long (at most 15)` : text !== text.trim() ? "starts or ends with a space" : undefined;
  if (problem === undefined) return;
  ctx.addIssue({ code: "custom", input: text, message: `${showValue(text)} ${problem}; button texts are 1–15 characters with no spaces at either end. Shorten or trim it.` });
});

/** Which entities show a DAY-2 or DELETE action: an entity query over the entity the action would run on. */
export const SelfServiceCondition = closedObject("a self-service condition", {
  /** `"SEARCH"`. */
  type: z.literal("SEARCH"),
  /** `and`: every rule must match; `or`: any. */
  combinator: EntityQueryCombinator,
  /** Rules of Port's entity query language (see entity-query.ts). */
  rules: EntityQueryRules,
});
export type SelfServiceCondition = z.output<typeof SelfServiceCondition>;

/** The operations: `CREATE` makes a new entity, `DAY-2` acts on an existing one, `DELETE` removes one. */
export const SELF_SERVICE_OPERATIONS = ["CREATE", "DAY-2", "DELETE"] as const;

/** A self-service trigger: the action is run by a user, from the UI or the API. */
export const SelfServiceTrigger = closedObject("a self-service trigger", {
  /** `"self-service"`. */
  type: z.literal("self-service", {
    error: (issue) =>
      issue.input === "automation"
        ? '"automation" is not a self-service trigger; an automation trigger makes an automation: use the Automation component, or set type "self-service".'
        : undefined,
  }),
  /** See {@link SELF_SERVICE_OPERATIONS}. */
  operation: closedEnum(SELF_SERVICE_OPERATIONS, { noun: "an operation", field: "operation" }),
  /** The blueprint the action belongs to (its entities' pages show DAY-2 and DELETE actions). Optional for every operation (apispec.yaml: POST /v1/actions trigger). */
  blueprintIdentifier: BlueprintIdentifier.optional(),
  /** The form; see {@link ActionUserInputs}. Default: no inputs. */
  userInputs: ActionUserInputs.default(() => ({ properties: {} })),
  /** Text of the button on the action card. Omitted: Port's default. */
  actionCardButtonText: ButtonText.optional(),
  /** Text of the button that submits the form. Omitted: Port's default ("Execute"). */
  executeActionButtonText: ButtonText.optional(),
  /** For DAY-2 and DELETE: only entities matching this show the action. Omitted: all entities. */
  condition: SelfServiceCondition.optional(),
}).check(
  crossCheck((input, report) => {
    const value = asRecord(input);
    // apispec.yaml: POST /v1/actions: the CREATE trigger has no condition (additionalProperties: false).
    if (value?.operation === "CREATE" && value.condition !== undefined) {
      report({
        path: ["condition"],
        input: value.condition,
        message:
          "only applies to DAY-2 and DELETE actions (it selects the entities that show the action); a CREATE action has no entity yet. Remove condition or change the operation.",
      });
    }
  }),
);
export type SelfServiceTrigger = z.output<typeof SelfServiceTrigger>;
export type SelfServiceTriggerInput = z.input<typeof SelfServiceTrigger>;

/**
 * A trigger written as a string (`"CREATE"`) is a legacy v1 action, the body of
 * `POST /v1/blueprints/{id}/actions` (apispec.yaml: deprecated since November 20th 2024);
 * `POST /v1/actions` takes only a trigger object. The message says how to write it as a v2 action.
 */
const ActionTrigger = z.preprocess((value, ctx) => {
  if (typeof value !== "string") return value;
  ctx.issues.push({
    code: "custom",
    input: value,
    message:
      `${showValue(value)} is a legacy v1 trigger (the body of POST /v1/blueprints/{blueprint}/actions, deprecated since November 2024), which POST /v1/actions refuses. ` +
      `Write it as a v2 action: trigger: {type: "self-service", operation: ${showValue(value)}, blueprintIdentifier: "<blueprint>", userInputs: {properties: {...}, required: [...]}}, moving a top-level userInputs into trigger.userInputs.`,
  });
  return value;
}, SelfServiceTrigger);

/** Approval by any one approver, or by all of them (approvers are set in the action's permissions). */
export const ApprovalPolicy = closedObject("an approval policy", {
  /** `ANY`: one approval is enough; `ALL`: every approver must approve. */
  type: closedEnum(["ANY", "ALL"], { noun: "an approval type", field: "type" }),
});

/** Whether each run waits for approval: `false`, `true` (any approver) or `{type: "ANY" | "ALL"}`. */
export const RequiredApproval = z.union([z.boolean(), ApprovalPolicy], {
  error: (issue) => (asRecord(issue.input) !== undefined ? undefined : `${showValue(issue.input)} is not true, false or {type: "ANY" | "ALL"}. Fix requiredApproval.`),
});
export type RequiredApproval = z.output<typeof RequiredApproval>;

/** Approvers are told by email. */
export const EmailApprovalNotification = closedObject("an email approval notification", {
  /** `"email"`. */
  type: z.literal("email"),
});

/** Approvers are told through a webhook (e.g. a Slack incoming webhook). */
export const WebhookApprovalNotification = closedObject("a webhook approval notification", {
  /** `"webhook"`. */
  type: z.literal("webhook"),
  /** The http(s) URL Port posts to. */
  url: z.url({ protocol: /^https?$/ }),
  /** `json` (Port's payload) or `slack` (a Slack message). Default `json`. */
  format: closedEnum(["json", "slack"], { noun: "a notification format", field: "format" }).optional(),
});

/** How approvers learn a run waits for them. */
export const ApprovalNotification = closedUnion("type", [EmailApprovalNotification, WebhookApprovalNotification], {
  noun: "an approval notification type",
  field: "type",
});
export type ApprovalNotification = z.output<typeof ApprovalNotification>;

/** A self-service action: a form users fill in, and what runs when they submit it. */
export const ActionSpec = closedObject("an action", {
  ...actionDocumentKeys,
  /** How users run it; see {@link SelfServiceTrigger}. */
  trigger: ActionTrigger,
  /** Whether each run waits for approval; see {@link RequiredApproval}. Omitted: no approval. */
  requiredApproval: RequiredApproval.optional(),
  /** How approvers are told; see {@link ApprovalNotification}. Omitted: Port's default (email). */
  approvalNotification: ApprovalNotification.optional(),
  /** When true, every user may see every run of the action (not only their own). Omitted: Port's default. */
  allowAnyoneToViewRuns: z.boolean().optional(),
});
export type ActionSpec = z.output<typeof ActionSpec>;
export type ActionSpecInput = z.input<typeof ActionSpec>;
