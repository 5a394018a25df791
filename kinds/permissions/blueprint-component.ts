import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { BlueprintPermissionsSpec, BlueprintPermissionsSpecInput, validateSpec } from "../../core/schemas";
import type { RefMode } from "../action/refs";
import { blueprintIdentifier, identifierValue, isKnownIdentifier, referPeopleIn, withPeopleValues, type IdentifiedComponent, type WithPeopleRefs } from "../../core/components/people-refs";
import { isPlain } from "../../core/components/plain-input";
import { currentPortalModel, type PortalModel } from "../../core/components/portal-model";

/**
 * A blueprint's permissions as typed args: Port's `entities` document, where `users` and `teams`
 * accept `User` and `Team` objects, and `blueprint` a `Blueprint` (or the identifier of one).
 */
export type BlueprintPermissionsArgs = {
  /** The blueprint: a `Blueprint` of this program, or the identifier of one. */
  blueprint: IdentifiedComponent | pulumi.Input<string>;
  /** Who may read, register, update and unregister its entities; blocks left out keep what Port holds. */
  entities: WithPeopleRefs<BlueprintPermissionsSpecInput["entities"]>;
};

const blueprintPermissionsProvider = providerStub("BlueprintPermissions");

/** The dynamic resource behind BlueprintPermissions: `pulumi-nodejs:dynamic/port:BlueprintPermissions`. */
export class BlueprintPermissionsResource extends pulumi.dynamic.Resource {
  declare readonly blueprint: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(blueprintPermissionsProvider, name, spec, opts, "port", "BlueprintPermissions");
  }
}

/**
 * Who may see and change a blueprint's entities. Port keeps one permissions document per
 * blueprint; this manages the blocks the code declares (waiting for Port to create the document
 * after the blueprint), leaves the others as they are, and puts its blocks back on delete.
 */
export class BlueprintPermissions extends pulumi.ComponentResource {
  /** The blueprint whose permissions these are. */
  readonly blueprint: pulumi.Output<string>;
  readonly resource: BlueprintPermissionsResource | undefined;

  constructor(name: string, args: BlueprintPermissionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:BlueprintPermissions", name, {}, opts);
    const component = `BlueprintPermissions "${name}"`;
    const model = currentPortalModel();
    const declared = permissionsDocument(args, model, "declared");
    if (isKnownIdentifier(declared.blueprint)) model.declarePermissionScope(`blueprint "${declared.blueprint}"`, component);
    if (typeof args.blueprint === "string") model.referBlueprint({ from: component, field: "blueprint", identifier: blueprintIdentifier(args.blueprint, model) });
    referPeopleIn(args.entities, "entities", component, model);

    const result = isPlain(declared) ? validateSpec(BlueprintPermissionsSpec, "BlueprintPermissions", name, declared) : { ok: true as const };
    if (!result.ok) {
      model.reportProblems(result.problems.map((p) => p.message));
      this.resource = undefined;
      this.blueprint = pulumi.output(identifierValue(args.blueprint, model, "inputs") as pulumi.Input<string>);
    } else {
      this.resource = new BlueprintPermissionsResource(name, permissionsDocument(args, model, "inputs") as pulumi.Inputs, { parent: this });
      this.blueprint = this.resource.blueprint;
    }
    this.registerOutputs({ blueprint: this.blueprint });
  }
}

function permissionsDocument(args: BlueprintPermissionsArgs, model: PortalModel, mode: RefMode): Record<string, unknown> {
  return { blueprint: identifierValue(args.blueprint, model, mode), entities: withPeopleValues(args.entities, model, mode) };
}
