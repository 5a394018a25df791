import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { ScorecardSpec, ScorecardSpecInput } from "../../core/schemas";
import { Blueprint } from "../blueprint/component";
import type { DeepInput } from "../../core/components/input-types";
import { knownSpecProblems } from "../../core/components/plain-input";
import { scorecardProblems } from "../../core/components/portal-checks";
import { PortalModel, currentPortalModel } from "../../core/components/portal-model";

/** The blueprint a scorecard scores: a `Blueprint` of this program, or the identifier of one managed elsewhere. */
export type ScorecardBlueprint = Blueprint | pulumi.Input<string>;

/** Port's scorecard, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type ScorecardArgs = { [K in keyof Omit<ScorecardSpecInput, "blueprint">]: DeepInput<ScorecardSpecInput[K]> } & {
  /** The blueprint whose entities are scored. A `Blueprint` orders creation and is checked to be declared. */
  blueprint: ScorecardBlueprint;
};

/** One provider instance for every scorecard: Pulumi serializes it once per kind, not per resource. */
const scorecardProvider = providerStub("Scorecard");

/** The dynamic resource behind a Scorecard: `pulumi-nodejs:dynamic/port:Scorecard`, id `<blueprint>/<identifier>`. */
export class ScorecardResource extends pulumi.dynamic.Resource {
  declare readonly identifier: pulumi.Output<string>;
  declare readonly blueprint: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(scorecardProvider, name, spec, opts, "port", "Scorecard");
  }
}

/**
 * A Port scorecard on a blueprint: levels (Port's Basic, Bronze, Silver, Gold unless custom
 * ones are given) and the rules an entity must pass to reach each, with an optional filter of
 * the entities scored. Every condition is typed; a rule on the first level, a rule naming an
 * unknown level or a repeated rule identifier stops the preview before anything reaches Port.
 */
export class Scorecard extends pulumi.ComponentResource {
  /** The scorecard's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier of the blueprint it scores. */
  readonly blueprint: pulumi.Output<string>;
  /** The dynamic resource, absent when the args were invalid (the portal check then fails the run). */
  readonly resource: ScorecardResource | undefined;

  constructor(name: string, args: ScorecardArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:Scorecard", name, {}, opts);
    const component = `Scorecard "${name}"`;
    const model = currentPortalModel();
    const blueprint = blueprintInput(args.blueprint, model);
    const declaredBlueprint = declaredBlueprintOf(args.blueprint, model);

    registerReferences(model, component, declaredBlueprint, args);
    model.addCheck(() => scorecardProblems(model, component, args.blueprint instanceof Blueprint ? args.blueprint : declaredBlueprint, args as Record<string, any>));
    const spec: pulumi.Inputs = { ...args, blueprint };
    const problems = knownProblems(name, { ...spec, blueprint: declaredBlueprint ?? PLACEHOLDER_BLUEPRINT });
    if (problems.length > 0) {
      model.reportProblems(problems);
      this.resource = undefined;
      this.identifier = pulumi.output(args.identifier);
      this.blueprint = pulumi.output(blueprint);
    } else {
      this.resource = new ScorecardResource(name, spec, { parent: this });
      this.identifier = this.resource.identifier;
      this.blueprint = this.resource.blueprint;
    }
    this.registerOutputs({ identifier: this.identifier, blueprint: this.blueprint });
  }
}

/** Stands in for a blueprint identifier not known yet, so the rest of the spec is still checked now. */
const PLACEHOLDER_BLUEPRINT = "blueprint";

/** A `Blueprint`'s identifier output (which also orders creation), or the given identifier as Port will know it. */
function blueprintInput(blueprint: ScorecardBlueprint, model: PortalModel): pulumi.Input<string> {
  if (blueprint instanceof Blueprint) return blueprint.identifier;
  return typeof blueprint === "string" ? model.qualify(blueprint) : blueprint;
}

/** The blueprint identifier when it is known while the program is declared. */
function declaredBlueprintOf(blueprint: ScorecardBlueprint, model: PortalModel): string | undefined {
  if (blueprint instanceof Blueprint) return blueprint.declaredIdentifier;
  return typeof blueprint === "string" ? model.qualify(blueprint) : undefined;
}

function registerReferences(model: PortalModel, component: string, blueprint: string | undefined, args: ScorecardArgs): void {
  if (blueprint === undefined) return;
  // A Blueprint object is declared in the model already; a plain identifier must resolve.
  if (!(args.blueprint instanceof Blueprint)) model.referBlueprint({ from: component, field: "blueprint", identifier: blueprint });
  if (typeof args.identifier === "string") model.declareScorecard(blueprint, args.identifier, component);
}

/** Validate now when every value is known; the provider's check validates the rest during preview. */
function knownProblems(name: string, spec: pulumi.Inputs): string[] {
  return knownSpecProblems(ScorecardSpec, "Scorecard", name, spec);
}
