import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { ActionSpec, ActionSpecInput, SelfServiceTriggerInput } from "../../core/schemas";
import {
  ActionBlueprint,
  InvocationMethodArgs,
  RefMode,
  WithBlueprintRefs,
  blueprintReferences,
  blueprintValue,
  invocationMethodValue,
  renameFields,
  withBlueprintValues,
} from "./refs";
import type { DeepInput } from "../../core/components/input-types";
import { knownSpecProblems } from "../../core/components/plain-input";
import { actionProblems } from "../../core/components/portal-checks";
import { PortalModel, currentPortalModel } from "../../core/components/portal-model";

/** The self-service trigger as args: Port's, without `type` (always "self-service") and with the blueprint at the top of the args. */
export type SelfServiceTriggerArgs = {
  [K in keyof Omit<SelfServiceTriggerInput, "type" | "blueprintIdentifier">]: WithBlueprintRefs<SelfServiceTriggerInput[K]>;
};

/** Port's self-service action, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type ActionArgs = { [K in keyof Omit<ActionSpecInput, "trigger" | "invocationMethod">]: DeepInput<ActionSpecInput[K]> } & {
  /** The blueprint the action belongs to (required for DAY-2 and DELETE). A `Blueprint` orders creation and is checked to be declared. */
  blueprint?: ActionBlueprint;
  /** The operation, the form (entity inputs take a `Blueprint` too), button texts and the DAY-2/DELETE condition. */
  trigger: SelfServiceTriggerArgs;
  /** What runs the action; UPSERT_ENTITY takes `blueprint`. */
  invocationMethod: InvocationMethodArgs;
};

/** One provider instance for actions and automations: Pulumi serializes it once per kind, not per resource. */
const actionProvider = providerStub("Action");

/** The dynamic resource behind an Action or Automation: `pulumi-nodejs:dynamic/port:Action`. */
export class ActionResource extends pulumi.dynamic.Resource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(actionProvider, name, spec, opts, "port", "Action");
  }
}

/** Where the args name a field differently from Port's document. */
const FIELD_RENAMES = { "trigger.blueprintIdentifier": "blueprint", "invocationMethod.blueprintIdentifier": "invocationMethod.blueprint" };

/**
 * A Port self-service action: a form on a blueprint (CREATE, DAY-2 or DELETE) and what runs when
 * a user submits it (a webhook, a GitHub workflow, an entity upsert, ...), optionally after approval.
 * Every input is typed; JQ in templates and `{jqQuery}` values is compiled at preview.
 */
export class Action extends pulumi.ComponentResource {
  /** The action's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier as Port will know it, when it is a plain string (used to check references). */
  readonly declaredIdentifier: string | undefined;
  /** The dynamic resource, absent when the args were invalid (the portal check then fails the run). */
  readonly resource: ActionResource | undefined;

  constructor(name: string, args: ActionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:Action", name, {}, opts);
    const component = `Action "${name}"`;
    const model = currentPortalModel();
    this.declaredIdentifier = typeof args.identifier === "string" ? model.qualify(args.identifier) : undefined;

    registerAction(model, component, this.declaredIdentifier, args);
    model.addCheck(() => actionProblems(model, component, args as Record<string, any>));
    const problems = knownProblems(name, actionDocument(args, model, "declared"));
    if (problems.length > 0) {
      model.reportProblems(problems);
      this.resource = undefined;
      this.identifier = pulumi.output(this.declaredIdentifier ?? args.identifier);
    } else {
      this.resource = new ActionResource(name, actionDocument(args, model, "inputs") as pulumi.Inputs, { parent: this });
      this.identifier = this.resource.identifier;
    }
    this.registerOutputs({ identifier: this.identifier });
  }
}

/** Port's action document from the args: the blueprint goes into the trigger, references become identifiers. */
function actionDocument(args: ActionArgs, model: PortalModel, mode: RefMode): Record<string, unknown> {
  const { blueprint, trigger, invocationMethod, ...rest } = args;
  const identifier = typeof args.identifier === "string" ? model.qualify(args.identifier) : args.identifier;
  const portTrigger: Record<string, unknown> = { type: "self-service", ...(withBlueprintValues(trigger, model, mode) as object) };
  if (blueprint !== undefined) portTrigger.blueprintIdentifier = blueprintValue(blueprint, model, mode);
  return { ...rest, identifier, trigger: portTrigger, invocationMethod: invocationMethodValue(invocationMethod, model, mode) };
}

function registerAction(model: PortalModel, component: string, identifier: string | undefined, args: ActionArgs): void {
  if (identifier !== undefined) model.declareAction(identifier, component);
  const references = [
    ...blueprintReferences({ blueprint: args.blueprint }, ""),
    ...blueprintReferences(args.trigger, "trigger"),
    ...blueprintReferences(args.invocationMethod, "invocationMethod"),
  ];
  for (const ref of references) model.referBlueprint({ from: component, field: ref.field, identifier: model.qualify(ref.identifier) });
}

/** Validate now when every value is known; the provider's check validates the rest (and compiles the JQ) during preview. */
function knownProblems(name: string, doc: Record<string, unknown>): string[] {
  return renameFields(knownSpecProblems(ActionSpec, "Action", name, doc), FIELD_RENAMES);
}
