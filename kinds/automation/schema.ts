/**
 * An automation: the same `/v1/actions` document as a self-service action, with an `automation`
 * trigger. It runs its invocation method when a Port event happens (an entity of a blueprint is
 * created, updated or deleted, a timer property expires, or a run of an action changes), if its
 * JQ condition holds.
 */
import { z } from "zod";
import { closedObject, closedUnion } from "../../core/schemas/closed";
import { actionDocumentKeys } from "../action/schema";
import { EntityQueryCombinator } from "../../core/schemas/entity-query";
import { ActionIdentifier, BlueprintIdentifier, PropertyIdentifier } from "../../core/schemas/identifiers";

/** Entity events: created, updated, deleted, or any of these. */
export const ENTITY_EVENT_TYPES = ["ENTITY_CREATED", "ENTITY_UPDATED", "ENTITY_DELETED", "ANY_ENTITY_CHANGE"] as const;
/** Action run events: created, updated, or either. */
export const RUN_EVENT_TYPES = ["RUN_CREATED", "RUN_UPDATED", "ANY_RUN_CHANGE"] as const;

/** A change to an entity of `blueprintIdentifier` (not fired by mirror-property changes or by deletion of a related entity). */
export const AutomationEntityEvent = closedObject("an entity event", {
  /** See {@link ENTITY_EVENT_TYPES}. */
  type: z.enum(ENTITY_EVENT_TYPES),
  /** The blueprint whose entities are watched. */
  blueprintIdentifier: BlueprintIdentifier,
});

/** A `timer` property of an entity of `blueprintIdentifier` reached its date. */
export const AutomationTimerEvent = closedObject("a timer event", {
  /** `"TIMER_PROPERTY_EXPIRED"`. */
  type: z.literal("TIMER_PROPERTY_EXPIRED"),
  /** The blueprint whose entities are watched. */
  blueprintIdentifier: BlueprintIdentifier,
  /** The `timer`-format property that expires. */
  propertyIdentifier: PropertyIdentifier,
});

/** A run of the action `actionIdentifier` was created or updated. */
export const AutomationRunEvent = closedObject("a run event", {
  /** See {@link RUN_EVENT_TYPES}. */
  type: z.enum(RUN_EVENT_TYPES),
  /** The self-service action whose runs are watched. */
  actionIdentifier: ActionIdentifier,
});

/** The event an automation listens for, chosen by `type`. */
export const AutomationEvent = closedUnion("type", [AutomationEntityEvent, AutomationTimerEvent, AutomationRunEvent], { noun: "an event type", field: "type" });
export type AutomationEvent = z.output<typeof AutomationEvent>;
export type AutomationEventInput = z.input<typeof AutomationEvent>;

/**
 * Runs only when these JQ expressions hold over the event (`.diff.before`, `.diff.after`,
 * `.trigger`, `.context`), e.g. `.diff.after.properties.health == "Degraded"`.
 */
export const AutomationCondition = closedObject("an automation condition", {
  /** `"JQ"`. */
  type: z.literal("JQ"),
  /** JQ expressions, each yielding a boolean. An empty list runs on every such event (apispec.yaml sets no minimum; terraform-provider-port-labs port/action/schema.go: "an empty array to indicate no conditions"). */
  expressions: z.array(z.string().min(1)),
  /** `and`: all must hold; `or`: any. Default (Port's): `and`. */
  combinator: EntityQueryCombinator.optional(),
});
export type AutomationCondition = z.output<typeof AutomationCondition>;

/** An automation trigger: an event, and an optional condition on it. */
export const AutomationTrigger = closedObject("an automation trigger", {
  /** `"automation"`. */
  type: z.literal("automation", {
    error: (issue) =>
      issue.input === "self-service"
        ? '"self-service" is not an automation trigger; a self-service trigger makes an action: use the Action component, or set type "automation".'
        : undefined,
  }),
  /** What happened; see {@link AutomationEvent}. */
  event: AutomationEvent,
  /** When it should run; see {@link AutomationCondition}. Omitted: on every such event. */
  condition: AutomationCondition.optional(),
});
export type AutomationTrigger = z.output<typeof AutomationTrigger>;

/** An automation: an event, an optional JQ condition, and what runs. */
export const AutomationSpec = closedObject("an automation", {
  ...actionDocumentKeys,
  /** What starts it; see {@link AutomationTrigger}. */
  trigger: AutomationTrigger,
  /** When true, every user may see every run. Omitted: Port's default. */
  allowAnyoneToViewRuns: z.boolean().optional(),
});
export type AutomationSpec = z.output<typeof AutomationSpec>;
export type AutomationSpecInput = z.input<typeof AutomationSpec>;

/** The event types, for messages and emulator tests. */
export const AUTOMATION_EVENT_TYPES = [...ENTITY_EVENT_TYPES, "TIMER_PROPERTY_EXPIRED", ...RUN_EVENT_TYPES] as const;
