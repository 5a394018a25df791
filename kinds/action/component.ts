import * as pulumi from "@pulumi/pulumi";
import { ActionSpec, ActionSpecInput, SelfServiceTriggerInput } from "./schema";
import { ActionBlueprint, InvocationMethodArgs, WithBlueprintRefs, blueprintReferences, blueprintValue, invocationMethodValue, renameFields, withBlueprintValues } from "./refs";
import { ExistingObject } from "../../core/components/references";
import type { RefMode } from "../../core/components/references";
import type { DeepInput } from "../../core/components/input-types";
import { knownSpecProblems } from "../../core/components/plain-input";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";
import { actionProblems } from "./checks";
import type { ActionAllowDataLoss } from "./guards";
import { ALLOW_DATA_LOSS_KEY } from "../../core/providers/resource-logic";

/** The self-service trigger as args: Port's, without `type` (always "self-service") and with the blueprint at the top of the args. */
export type SelfServiceTriggerArgs = {
  [K in keyof Omit<SelfServiceTriggerInput, "type" | "blueprintIdentifier">]: WithBlueprintRefs<SelfServiceTriggerInput[K]>;
};

/** Port's self-service action, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type ActionArgs = { [K in keyof Omit<ActionSpecInput, "trigger" | "invocationMethod">]: DeepInput<ActionSpecInput[K]> } & {
  /** The blueprint the action belongs to (DAY-2 and DELETE actions show on its entities). A `Blueprint` orders creation and is checked to be declared. */
  blueprint?: ActionBlueprint;
  /** The operation, the form (entity inputs take a `Blueprint` too), button texts and the DAY-2/DELETE condition. */
  trigger: SelfServiceTriggerArgs;
  /** What runs the action; UPSERT_ENTITY takes `blueprint`. */
  invocationMethod: InvocationMethodArgs;
  /** Deleting the action while runs of it are in progress is refused unless allowed here (set it, apply, then remove the action). */
  allowDataLoss?: ActionAllowDataLoss;
};

/** The dynamic resource behind an Action or Automation: `pulumi-nodejs:dynamic/port:Action`. */
export class ActionResource extends PortResource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Action", name, spec, opts);
  }
}

/** An action or automation managed outside this stack, named explicitly (`Action.existing("deploy")`): used as written, never prefixed. */
export class ExistingAction extends ExistingObject {}

/** Where the args name a field differently from Port's document. */
const FIELD_RENAMES = { "trigger.blueprintIdentifier": "blueprint", "invocationMethod.blueprintIdentifier": "invocationMethod.blueprint" };

/**
 * A Port self-service action: a form on a blueprint (CREATE, DAY-2 or DELETE) and what runs when
 * a user submits it (a webhook, a GitHub workflow, an entity upsert, ...), optionally after approval.
 * Every input is typed; JQ in templates and `{jqQuery}` values is compiled at preview.
 */
export class Action extends PortComponent {
  /** An action or automation managed outside this stack, to refer to: its identifier is used as written, never prefixed. */
  static existing(identifier: string): ExistingAction {
    return new ExistingAction(identifier);
  }

  /** The action's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier as Port will know it, when it is a plain string (used to check references). */
  readonly declaredIdentifier: string | undefined;
  /** The dynamic resource. */
  readonly resource: ActionResource;

  constructor(name: string, args: ActionArgs, opts?: PortComponentOptions) {
    super("Action", name, opts);
    this.declaredIdentifier = typeof args.identifier === "string" ? this.portal.qualify(args.identifier) : undefined;

    registerAction(this.portal, this.component, this.declaredIdentifier, args);
    this.model.addCheck(() => actionProblems(this.model, this.component, args as Record<string, any>));
    this.report(knownProblems(name, actionDocument(args, this.portal, "declared")));
    const inputs = { ...actionDocument(args, this.portal, "inputs"), ...(args.allowDataLoss ? { [ALLOW_DATA_LOSS_KEY]: args.allowDataLoss } : {}) };
    this.resource = new ActionResource(name, inputs as pulumi.Inputs, { parent: this });
    this.identifier = this.resource.identifier;
    this.registerOutputs({ identifier: this.identifier });
  }
}

/** Port's action document from the args: the blueprint goes into the trigger, references become identifiers. */
function actionDocument(args: ActionArgs, portal: Portal, mode: RefMode): Record<string, unknown> {
  const { blueprint, trigger, invocationMethod, allowDataLoss: _allow, ...rest } = args;
  const identifier = typeof args.identifier === "string" ? portal.qualify(args.identifier) : args.identifier;
  // A trigger that is not an object (a legacy v1 `trigger: "CREATE"`) reaches the schema as written, whose message says how to write it.
  if (typeof trigger !== "object" || trigger === null) return { ...rest, identifier, trigger, invocationMethod: invocationMethodValue(invocationMethod, portal, mode) };
  const portTrigger: Record<string, unknown> = { type: "self-service", ...(withBlueprintValues(trigger, portal, mode) as object) };
  if (blueprint !== undefined) portTrigger.blueprintIdentifier = blueprintValue(blueprint, portal, mode);
  return { ...rest, identifier, trigger: portTrigger, invocationMethod: invocationMethodValue(invocationMethod, portal, mode) };
}

function registerAction(portal: Portal, component: string, identifier: string | undefined, args: ActionArgs): void {
  if (identifier !== undefined) portal.model.declareAction(identifier, component);
  const references = [
    ...blueprintReferences({ blueprint: args.blueprint }, ""),
    ...blueprintReferences(args.trigger, "trigger"),
    ...blueprintReferences(args.invocationMethod, "invocationMethod"),
  ];
  for (const ref of references) portal.model.referBlueprint({ from: component, field: ref.field, identifier: ref.identifier });
}

/** Validate now when every value is known; the provider's check validates the rest (and compiles the JQ) during preview. */
function knownProblems(name: string, doc: Record<string, unknown>): string[] {
  return renameFields(knownSpecProblems(ActionSpec, "Action", name, doc), FIELD_RENAMES);
}
