import * as pulumi from "@pulumi/pulumi";
import { ALLOW_DATA_LOSS_KEY, AllowDataLoss } from "./guards";
import { providerStub } from "../../core/providers/provider-stub";
import { BlueprintSpec, BlueprintSpecInput } from "./schema";
import type { DeepInput } from "../../core/components/input-types";
import { knownSpecProblems } from "../../core/components/plain-input";
import { blueprintPathProblems } from "../../core/components/portal-checks";
import { PortalModel, currentPortalModel } from "../../core/components/portal-model";

type RelationSpecInput = NonNullable<BlueprintSpecInput["relations"]>[string];

/** A relation's target: a `Blueprint` of this program, or the identifier of one managed elsewhere. */
export type RelationTarget = Blueprint | pulumi.Input<string>;

export type BlueprintRelationArgs = { [K in keyof Omit<RelationSpecInput, "target">]: DeepInput<RelationSpecInput[K]> } & {
  target: RelationTarget;
};

/** Port's blueprint, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type BlueprintArgs = { [K in keyof Omit<BlueprintSpecInput, "relations">]: DeepInput<BlueprintSpecInput[K]> } & {
  relations?: Record<string, BlueprintRelationArgs>;
  /**
   * Changes that lose data in Port are refused at preview unless allowed here: changing the type
   * of a property that holds values, removing such a property, deleting the blueprint with its
   * entities. Default: none allowed. Not sent to Port.
   */
  allowDataLoss?: AllowDataLoss;
};

/** One provider instance for every blueprint: Pulumi serializes it once per kind, not per resource. */
const blueprintProvider = providerStub("Blueprint");

/** The dynamic resource behind a Blueprint: `pulumi-nodejs:dynamic/port:Blueprint`. */
export class BlueprintResource extends pulumi.dynamic.Resource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(blueprintProvider, name, spec, opts, "port", "Blueprint");
  }
}

/**
 * A Port blueprint: its properties, relations, mirror, calculation and aggregation properties,
 * ownership and changelog destination. Relations may point at other `Blueprint`s, which orders
 * their creation and lets the portal check resolve every target before anything is applied.
 */
export class Blueprint extends pulumi.ComponentResource {
  /** The blueprint's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier as written in code, when it is a plain string (used to check references). */
  readonly declaredIdentifier: string | undefined;
  /** The dynamic resource, absent when the args were invalid (the portal check then fails the run). */
  readonly resource: BlueprintResource | undefined;
  /** The args as written in code, so components using this blueprint (entities, mappings) can check property and relation names. */
  readonly args: BlueprintArgs;

  constructor(name: string, args: BlueprintArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:Blueprint", name, {}, opts);
    this.args = args;
    const component = `Blueprint "${name}"`;
    const model = currentPortalModel();
    this.declaredIdentifier = typeof args.identifier === "string" ? model.qualify(args.identifier) : undefined;

    const spec = specInputs(args, model);
    registerReferences(component, this.declaredIdentifier, args);
    const problems = knownProblems(name, spec);
    if (problems.length > 0) {
      currentPortalModel().reportProblems(problems);
      this.resource = undefined;
      this.identifier = pulumi.output(spec.identifier as pulumi.Input<string>);
    } else {
      const { base, secondStep } = splitSecondStep(spec, model);
      const inputs = args.allowDataLoss ? { ...base, [ALLOW_DATA_LOSS_KEY]: args.allowDataLoss } : base;
      this.resource = new BlueprintResource(name, inputs, { parent: this });
      this.identifier = this.resource.identifier;
      if (this.declaredIdentifier) {
        model.setBlueprintResource(this.declaredIdentifier, this.resource);
        model.setBlueprintComponent(this.declaredIdentifier, this);
      }
      model.addCheck(() => blueprintPathProblems(model, component, this));
      if (secondStep) this.addSecondStep(name, secondStep, model);
    }
    this.registerOutputs({ identifier: this.identifier });
  }

  /**
   * Relations that name blueprints of this stack by identifier are added once every blueprint is
   * declared, after their targets exist: so blueprints that refer to each other come up in one run.
   */
  private addSecondStep(name: string, secondStep: SecondStep, model: PortalModel): void {
    model.afterDeclarations(() => {
      const targets = secondStep.targets.map((t) => model.blueprintResource(t)).filter((r): r is pulumi.Resource => pulumi.Resource.isInstance(r));
      new BlueprintRelationsResource(
        `${name}-relations`,
        { ...secondStep.parts, blueprint: this.identifier },
        { parent: this, dependsOn: [this.resource!, ...targets] },
      );
    });
  }
}

/** The second step of a blueprint: `pulumi-nodejs:dynamic/port:BlueprintRelations`. */
export class BlueprintRelationsResource extends pulumi.dynamic.Resource {
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(providerStub("BlueprintRelations"), name, spec, opts, "port", "BlueprintRelations");
  }
}

interface SecondStep {
  parts: Record<string, unknown>;
  /** Identifiers of the blueprints the parts point at. */
  targets: string[];
}

/**
 * Moves out of the spec what points at blueprints of this stack by identifier string: those
 * relations, the mirror properties and inherited ownership that go through them, and aggregations
 * over them. Targets given as `Blueprint` objects (outputs) stay: they are created first anyway.
 */
function splitSecondStep(spec: pulumi.Inputs, model: PortalModel): { base: pulumi.Inputs; secondStep?: SecondStep } {
  const self = spec.identifier;
  const later = (target: unknown): target is string => typeof target === "string" && target !== self && model.isDeclaredHere(target);
  const plainMap = (value: unknown): Record<string, any> | undefined =>
    value && typeof value === "object" && !pulumi.Output.isInstance(value) ? (value as Record<string, any>) : undefined;
  const take = (map: Record<string, any> | undefined, moves: (key: string, value: any) => boolean) => {
    const kept: Record<string, any> = {};
    const moved: Record<string, any> = {};
    for (const [key, value] of Object.entries(map ?? {})) (moves(key, value) ? moved : kept)[key] = value;
    return { kept, moved };
  };

  const relations = take(plainMap(spec.relations), (_k, r) => later(r?.target));
  const firstHopMoved = (path: unknown) => typeof path === "string" && path.split(".")[0] in relations.moved;
  const mirrors = take(plainMap(spec.mirrorProperties), (_k, m) => firstHopMoved(m?.path));
  const aggregations = take(plainMap(spec.aggregationProperties), (_k, a) => later(a?.target));
  const ownership = plainMap(spec.ownership);
  const ownershipMoves = ownership?.type === "Inherited" && firstHopMoved(ownership.path);
  const targets = [...Object.values(relations.moved).map((r) => r.target), ...Object.values(aggregations.moved).map((a) => a.target)];
  if (targets.length === 0 && !ownershipMoves) return { base: spec };

  const base: pulumi.Inputs = { ...spec };
  if (spec.relations !== undefined) base.relations = relations.kept;
  if (spec.mirrorProperties !== undefined) base.mirrorProperties = mirrors.kept;
  if (spec.aggregationProperties !== undefined) base.aggregationProperties = aggregations.kept;
  if (ownershipMoves) delete base.ownership;
  const parts: Record<string, unknown> = { relations: relations.moved, mirrorProperties: mirrors.moved, aggregationProperties: aggregations.moved };
  if (ownershipMoves) parts.ownership = ownership;
  return { base, secondStep: { parts, targets: [...new Set(targets)] } };
}

/**
 * The args as Port's document: identifiers written as plain strings get the stack's prefix and
 * suffix (outputs of other components already carry them), and every `Blueprint` target becomes
 * its identifier output, which also orders creation.
 */
function specInputs(args: BlueprintArgs, model: PortalModel): pulumi.Inputs {
  const qualify = <T>(id: T) => (typeof id === "string" ? model.qualify(id) : id);
  const { allowDataLoss: _allow, ...portArgs } = args;
  const spec: pulumi.Inputs = { ...portArgs, identifier: qualify(args.identifier) };
  if (args.relations) {
    spec.relations = Object.fromEntries(
      Object.entries(args.relations).map(([key, r]) => [key, { ...r, target: r.target instanceof Blueprint ? r.target.identifier : qualify(r.target) }]),
    );
  }
  if (args.aggregationProperties && typeof args.aggregationProperties === "object" && !pulumi.Output.isInstance(args.aggregationProperties)) {
    spec.aggregationProperties = Object.fromEntries(
      Object.entries(args.aggregationProperties as Record<string, any>).map(([key, a]) => [key, { ...a, target: qualify(a.target) }]),
    );
  }
  return spec;
}

/** Validate now when every value is known; the provider's check validates the rest during preview. */
function knownProblems(name: string, spec: pulumi.Inputs): string[] {
  return knownSpecProblems(BlueprintSpec, "Blueprint", name, spec);
}

function registerReferences(component: string, identifier: string | undefined, args: BlueprintArgs): void {
  const model = currentPortalModel();
  if (identifier) model.declareBlueprint(identifier, component);
  for (const [key, relation] of Object.entries(args.relations ?? {})) {
    const target = relation.target instanceof Blueprint ? relation.target.declaredIdentifier : typeof relation.target === "string" ? model.qualify(relation.target) : undefined;
    if (typeof target === "string") model.referBlueprint({ from: component, field: `relations.${key}.target`, identifier: target });
  }
}
