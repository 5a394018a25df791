import * as pulumi from "@pulumi/pulumi";
import { AutomationEventInput, AutomationSpec, AutomationSpecInput } from "./schema";
import { Action, ActionResource, ExistingAction } from "../action/component";
import { ActionBlueprint, InvocationMethodArgs, blueprintReferences, blueprintValue, invocationMethodValue, renameFields } from "../action/refs";
import type { RefMode } from "../../core/components/references";
import type { DeepInput } from "../../core/components/input-types";
import { knownSpecProblems } from "../../core/components/plain-input";
import { PortComponent, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";
import { automationProblems } from "../action/checks";
import { PLACEHOLDER_IDENTIFIER } from "../../core/components/references";

/** An action whose runs an automation watches: an `Action` of this program, or the identifier of one managed elsewhere. */
export type AutomationAction = Action | ExistingAction | pulumi.Input<string>;

/** An event as args: entity and timer events name a `blueprint`, run events an `action` (objects or identifiers). */
type EventArgsOf<E> = E extends { actionIdentifier: string }
  ? { [K in keyof Omit<E, "actionIdentifier">]: DeepInput<E[K]> } & { action: AutomationAction }
  : E extends { blueprintIdentifier: string }
    ? { [K in keyof Omit<E, "blueprintIdentifier">]: DeepInput<E[K]> } & { blueprint: ActionBlueprint }
    : never;
export type AutomationEventArgs = EventArgsOf<AutomationEventInput>;

type TriggerInput = AutomationSpecInput["trigger"];

/** The automation trigger as args: Port's, without `type` (always "automation"). */
export type AutomationTriggerArgs = {
  /** What happened; see AutomationEvent. */
  event: AutomationEventArgs;
  /** JQ expressions over the event that must hold; each is compiled at preview. */
  condition?: DeepInput<TriggerInput["condition"]>;
};

/** Port's automation, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type AutomationArgs = { [K in keyof Omit<AutomationSpecInput, "trigger" | "invocationMethod">]: DeepInput<AutomationSpecInput[K]> } & {
  trigger: AutomationTriggerArgs;
  /** What runs; UPSERT_ENTITY takes `blueprint`. */
  invocationMethod: InvocationMethodArgs;
};

/** Where the args name a field differently from Port's document. */
const FIELD_RENAMES = {
  "trigger.event.blueprintIdentifier": "trigger.event.blueprint",
  "trigger.event.actionIdentifier": "trigger.event.action",
  "invocationMethod.blueprintIdentifier": "invocationMethod.blueprint",
};

/**
 * A Port automation: when an event happens (an entity of a blueprint changes, a timer property
 * expires, a run of an action changes) and its JQ condition holds, run the invocation method.
 * It is a `/v1/actions` document like a self-service action, managed by the same provider.
 */
export class Automation extends PortComponent {
  /** The automation's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The dynamic resource. */
  readonly resource: ActionResource;

  constructor(name: string, args: AutomationArgs, opts?: PortComponentOptions) {
    super("Automation", name, opts);
    const declaredIdentifier = typeof args.identifier === "string" ? this.portal.qualify(args.identifier) : undefined;

    registerAutomation(this.portal, this.component, declaredIdentifier, args);
    this.model.addCheck(() => automationProblems(this.model, this.component, args as Record<string, any>));
    this.report(knownProblems(name, automationDocument(args, this.portal, "declared")));
    this.resource = new ActionResource(name, automationDocument(args, this.portal, "inputs") as pulumi.Inputs, { parent: this });
    this.identifier = this.resource.identifier;
    this.registerOutputs({ identifier: this.identifier });
  }
}

function actionValue(ref: AutomationAction, mode: RefMode): unknown {
  if (ref instanceof Action) return mode === "inputs" ? ref.identifier : (ref.declaredIdentifier ?? PLACEHOLDER_IDENTIFIER);
  if (ref instanceof ExistingAction) return ref.identifier;
  return ref;
}

/** Port's event from the args: `blueprint` becomes `blueprintIdentifier`, `action` becomes `actionIdentifier`. */
function eventValue(event: AutomationEventArgs, portal: Portal, mode: RefMode): Record<string, unknown> {
  const { blueprint, action, ...rest } = event as Record<string, unknown> & { blueprint?: ActionBlueprint; action?: AutomationAction };
  const out: Record<string, unknown> = { ...rest };
  if (blueprint !== undefined) out.blueprintIdentifier = blueprintValue(blueprint, portal, mode);
  if (action !== undefined) out.actionIdentifier = actionValue(action, mode);
  return out;
}

function automationDocument(args: AutomationArgs, portal: Portal, mode: RefMode): Record<string, unknown> {
  const { trigger, invocationMethod, ...rest } = args;
  const identifier = typeof args.identifier === "string" ? portal.qualify(args.identifier) : args.identifier;
  const portTrigger: Record<string, unknown> = { type: "automation", event: eventValue(trigger.event, portal, mode) };
  if (trigger.condition !== undefined) portTrigger.condition = trigger.condition;
  return { ...rest, identifier, trigger: portTrigger, invocationMethod: invocationMethodValue(invocationMethod, portal, mode) };
}

function registerAutomation(portal: Portal, component: string, identifier: string | undefined, args: AutomationArgs): void {
  const model = portal.model;
  if (identifier !== undefined) model.declareAction(identifier, component);
  const event = args.trigger.event as { blueprint?: ActionBlueprint; action?: AutomationAction };
  const references = [...blueprintReferences({ blueprint: event.blueprint }, "trigger.event"), ...blueprintReferences(args.invocationMethod, "invocationMethod")];
  for (const ref of references) model.referBlueprint({ from: component, field: ref.field, identifier: ref.identifier });
  if (typeof event.action === "string") model.referAction({ from: component, field: "trigger.event.action", identifier: event.action });
}

function knownProblems(name: string, doc: Record<string, unknown>): string[] {
  return renameFields(knownSpecProblems(AutomationSpec, "Automation", name, doc), FIELD_RENAMES);
}
