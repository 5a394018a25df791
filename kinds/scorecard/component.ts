import * as pulumi from "@pulumi/pulumi";
import { ScorecardSpec, ScorecardSpecInput } from "./schema";
import type { DeepInput } from "../../core/components/input-types";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import { scorecardProblems } from "./checks";
import { type BlueprintRef, resolveBlueprint } from "../blueprint/refs";

/** The blueprint a scorecard scores: a `Blueprint`, `Blueprint.existing(...)` or an identifier (see kinds/blueprint/refs.ts). */
export type ScorecardBlueprint = BlueprintRef;

/** Port's scorecard, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type ScorecardArgs = { [K in keyof Omit<ScorecardSpecInput, "blueprint">]: DeepInput<ScorecardSpecInput[K]> } & {
  /** The blueprint whose entities are scored. A `Blueprint` orders creation and is checked to be declared. */
  blueprint: ScorecardBlueprint;
};

/** The dynamic resource behind a Scorecard: `pulumi-nodejs:dynamic/port:Scorecard`, id `<blueprint>/<identifier>`. */
export class ScorecardResource extends PortResource {
  declare readonly identifier: pulumi.Output<string>;
  declare readonly blueprint: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Scorecard", name, spec, opts);
  }
}

/**
 * A Port scorecard on a blueprint: levels (Port's Basic, Bronze, Silver, Gold unless custom
 * ones are given) and the rules an entity must pass to reach each, with an optional filter of
 * the entities scored. Every condition is typed; a rule on the first level, a rule naming an
 * unknown level or a repeated rule identifier stops the preview before anything reaches Port.
 */
export class Scorecard extends PortComponent {
  /** The scorecard's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier of the blueprint it scores. */
  readonly blueprint: pulumi.Output<string>;
  /** The dynamic resource. */
  readonly resource: ScorecardResource;

  constructor(name: string, args: ScorecardArgs, opts?: PortComponentOptions) {
    super("Scorecard", name, opts);
    const blueprint = resolveBlueprint(args.blueprint, this.portal, { from: this.component, field: "blueprint" });
    if (typeof args.identifier === "string") this.model.declareScorecard(blueprint.declared ?? blueprint.known, args.identifier, this.component);
    this.model.addCheck(() => scorecardProblems(this.model, this.component, blueprint.component ?? blueprint.declared, args as Record<string, any>));
    this.checkKnown(ScorecardSpec, { ...args, blueprint: blueprint.known });

    this.resource = new ScorecardResource(name, { ...args, blueprint: blueprint.input }, { parent: this });
    this.identifier = this.resource.identifier;
    this.blueprint = this.resource.blueprint;
    this.registerOutputs({ identifier: this.identifier, blueprint: this.blueprint });
  }
}
