import * as pulumi from "@pulumi/pulumi";
import { ActionPermissionsSpec, ActionPermissionsSpecInput } from "./schema";
import type { ExistingAction } from "../action/component";
import type { RefMode } from "../../core/components/references";
import { identifierValue, isKnownIdentifier, referPeopleIn, withPeopleValues, type IdentifiedComponent, type WithPeopleRefs } from "../user/refs";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";

/**
 * An action's permissions as typed args: Port's `execute` and `approve` blocks, where `users` and
 * `teams` accept `User` and `Team` objects, and `action` an `Action` (or the identifier of one
 * managed elsewhere).
 */
export type ActionPermissionsArgs = {
  /** The action (or automation): an `Action` of this program, or the identifier of one managed elsewhere. */
  action: IdentifiedComponent | ExistingAction | pulumi.Input<string>;
  /** Who may run it; left out: Port keeps what it holds. */
  execute?: WithPeopleRefs<ActionPermissionsSpecInput["execute"]>;
  /** Who may approve its runs; left out: Port keeps what it holds. */
  approve?: WithPeopleRefs<ActionPermissionsSpecInput["approve"]>;
};

/** The dynamic resource behind ActionPermissions: `pulumi-nodejs:dynamic/port:ActionPermissions`. */
export class ActionPermissionsResource extends PortResource {
  declare readonly action: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("ActionPermissions", name, spec, opts);
  }
}

/**
 * Who may execute an action and approve its runs, with owned-by-team execution and dynamic
 * policies (entity queries and JQ conditions). Port keeps one permissions document per action;
 * this manages the blocks the code declares and puts them back on delete.
 */
export class ActionPermissions extends PortComponent {
  /** The action whose permissions these are. */
  readonly action: pulumi.Output<string>;
  readonly resource: ActionPermissionsResource;

  constructor(name: string, args: ActionPermissionsArgs, opts?: PortComponentOptions) {
    super("ActionPermissions", name, opts);
    const declared = permissionsDocument(args, this.portal, "declared");
    if (isKnownIdentifier(declared.action)) this.model.declarePermissionScope(`action "${declared.action}"`, this.component);
    if (typeof args.action === "string") this.model.referAction({ from: this.component, field: "action", identifier: args.action });
    referPeopleIn({ execute: args.execute, approve: args.approve }, "", this.component, this.portal);
    this.checkKnown(ActionPermissionsSpec, declared);

    this.resource = new ActionPermissionsResource(name, permissionsDocument(args, this.portal, "inputs") as pulumi.Inputs, { parent: this });
    this.action = this.resource.action;
    this.registerOutputs({ action: this.action });
  }
}

/** Port's document: a plain action identifier is used as written (it names an action managed elsewhere). */
function permissionsDocument(args: ActionPermissionsArgs, portal: Portal, mode: RefMode): Record<string, unknown> {
  const action = typeof args.action === "string" ? args.action : identifierValue(args.action, portal, mode);
  const doc: Record<string, unknown> = { action };
  if (args.execute !== undefined) doc.execute = withPeopleValues(args.execute, portal, mode);
  if (args.approve !== undefined) doc.approve = withPeopleValues(args.approve, portal, mode);
  return doc;
}
