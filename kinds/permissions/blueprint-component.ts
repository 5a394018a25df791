import * as pulumi from "@pulumi/pulumi";
import { BlueprintPermissionsSpec, BlueprintPermissionsSpecInput } from "./schema";
import type { RefMode } from "../../core/components/references";
import type { ExistingBlueprint } from "../blueprint/refs";
import { identifierValue, isKnownIdentifier, referPeopleIn, withPeopleValues, type IdentifiedComponent, type WithPeopleRefs } from "../user/refs";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";

/**
 * A blueprint's permissions as typed args: Port's `entities` document, where `users` and `teams`
 * accept `User` and `Team` objects, and `blueprint` a `Blueprint` (or the identifier of one).
 */
export type BlueprintPermissionsArgs = {
  /** The blueprint: a `Blueprint`, `Blueprint.existing(...)`, or an identifier. */
  blueprint: IdentifiedComponent | ExistingBlueprint | pulumi.Input<string>;
  /** Who may read, register, update and unregister its entities; blocks left out keep what Port holds. */
  entities: WithPeopleRefs<BlueprintPermissionsSpecInput["entities"]>;
};

/** The dynamic resource behind BlueprintPermissions: `pulumi-nodejs:dynamic/port:BlueprintPermissions`. */
export class BlueprintPermissionsResource extends PortResource {
  declare readonly blueprint: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("BlueprintPermissions", name, spec, opts);
  }
}

/**
 * Who may see and change a blueprint's entities. Port keeps one permissions document per
 * blueprint; this manages the blocks the code declares (waiting for Port to create the document
 * after the blueprint), leaves the others as they are, and puts its blocks back on delete.
 */
export class BlueprintPermissions extends PortComponent {
  /** The blueprint whose permissions these are. */
  readonly blueprint: pulumi.Output<string>;
  readonly resource: BlueprintPermissionsResource;

  constructor(name: string, args: BlueprintPermissionsArgs, opts?: PortComponentOptions) {
    super("BlueprintPermissions", name, opts);
    const declared = permissionsDocument(args, this.portal, "declared");
    if (isKnownIdentifier(declared.blueprint)) this.model.declarePermissionScope(`blueprint "${declared.blueprint}"`, this.component);
    if (typeof args.blueprint === "string") this.model.referBlueprint({ from: this.component, field: "blueprint", identifier: args.blueprint });
    referPeopleIn(args.entities, "entities", this.component, this.portal);
    this.checkKnown(BlueprintPermissionsSpec, declared);

    this.resource = new BlueprintPermissionsResource(name, permissionsDocument(args, this.portal, "inputs") as pulumi.Inputs, { parent: this });
    this.blueprint = this.resource.blueprint;
    this.registerOutputs({ blueprint: this.blueprint });
  }
}

function permissionsDocument(args: BlueprintPermissionsArgs, portal: Portal, mode: RefMode): Record<string, unknown> {
  return { blueprint: identifierValue(args.blueprint, portal, mode), entities: withPeopleValues(args.entities, portal, mode) };
}
