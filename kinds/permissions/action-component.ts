import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { ActionPermissionsSpec, ActionPermissionsSpecInput, validateSpec } from "../../core/schemas";
import type { RefMode } from "../action/refs";
import { identifierValue, isKnownIdentifier, referPeopleIn, withPeopleValues, type IdentifiedComponent, type WithPeopleRefs } from "../../core/components/people-refs";
import { isPlain } from "../../core/components/plain-input";
import { currentPortalModel, type PortalModel } from "../../core/components/portal-model";

/**
 * An action's permissions as typed args: Port's `execute` and `approve` blocks, where `users` and
 * `teams` accept `User` and `Team` objects, and `action` an `Action` (or the identifier of one
 * managed elsewhere).
 */
export type ActionPermissionsArgs = {
  /** The action (or automation): an `Action` of this program, or the identifier of one managed elsewhere. */
  action: IdentifiedComponent | pulumi.Input<string>;
  /** Who may run it; left out: Port keeps what it holds. */
  execute?: WithPeopleRefs<ActionPermissionsSpecInput["execute"]>;
  /** Who may approve its runs; left out: Port keeps what it holds. */
  approve?: WithPeopleRefs<ActionPermissionsSpecInput["approve"]>;
};

const actionPermissionsProvider = providerStub("ActionPermissions");

/** The dynamic resource behind ActionPermissions: `pulumi-nodejs:dynamic/port:ActionPermissions`. */
export class ActionPermissionsResource extends pulumi.dynamic.Resource {
  declare readonly action: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(actionPermissionsProvider, name, spec, opts, "port", "ActionPermissions");
  }
}

/**
 * Who may execute an action and approve its runs, with owned-by-team execution and dynamic
 * policies (entity queries and JQ conditions). Port keeps one permissions document per action;
 * this manages the blocks the code declares and puts them back on delete.
 */
export class ActionPermissions extends pulumi.ComponentResource {
  /** The action whose permissions these are. */
  readonly action: pulumi.Output<string>;
  readonly resource: ActionPermissionsResource | undefined;

  constructor(name: string, args: ActionPermissionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:ActionPermissions", name, {}, opts);
    const component = `ActionPermissions "${name}"`;
    const model = currentPortalModel();
    const declared = permissionsDocument(args, model, "declared");
    if (isKnownIdentifier(declared.action)) model.declarePermissionScope(`action "${declared.action}"`, component);
    if (typeof args.action === "string") model.referAction({ from: component, field: "action", identifier: args.action });
    referPeopleIn({ execute: args.execute, approve: args.approve }, "", component, model);

    const result = isPlain(declared) ? validateSpec(ActionPermissionsSpec, "ActionPermissions", name, declared) : { ok: true as const };
    if (!result.ok) {
      model.reportProblems(result.problems.map((p) => p.message));
      this.resource = undefined;
      this.action = pulumi.output(identifierValue(args.action, model, "inputs") as pulumi.Input<string>);
    } else {
      this.resource = new ActionPermissionsResource(name, permissionsDocument(args, model, "inputs") as pulumi.Inputs, { parent: this });
      this.action = this.resource.action;
    }
    this.registerOutputs({ action: this.action });
  }
}

/** Port's document: a plain action identifier is used as written (it names an action managed elsewhere). */
function permissionsDocument(args: ActionPermissionsArgs, model: PortalModel, mode: RefMode): Record<string, unknown> {
  const action = typeof args.action === "string" ? args.action : identifierValue(args.action, model, mode);
  const doc: Record<string, unknown> = { action };
  if (args.execute !== undefined) doc.execute = withPeopleValues(args.execute, model, mode);
  if (args.approve !== undefined) doc.approve = withPeopleValues(args.approve, model, mode);
  return doc;
}
