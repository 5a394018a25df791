import * as pulumi from "@pulumi/pulumi";
import { ALLOW_DATA_LOSS_KEY, AllowDataLoss } from "./guards";
import { BlueprintSpec, BlueprintSpecInput } from "./schema";
import type { DeepInput } from "../../core/components/input-types";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";
import { blueprintPathProblems } from "./checks";
import type { PortalModel } from "../../core/components/portal-model";
import { ExistingBlueprint, resolveBlueprint } from "./refs";

type RelationSpecInput = NonNullable<BlueprintSpecInput["relations"]>[string];

/** A relation's target: a `Blueprint` of this program, `Blueprint.existing(...)`, or an identifier (see refs.ts). */
export type RelationTarget = Blueprint | ExistingBlueprint | pulumi.Input<string>;

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

/** The dynamic resource behind a Blueprint: `pulumi-nodejs:dynamic/port:Blueprint`. */
export class BlueprintResource extends PortResource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Blueprint", name, spec, opts);
  }
}

/**
 * A Port blueprint: its properties, relations, mirror, calculation and aggregation properties,
 * ownership and changelog destination. Relations may point at other `Blueprint`s, which orders
 * their creation and lets the portal check resolve every target before anything is applied.
 */
export class Blueprint extends PortComponent {
  /** A blueprint managed outside this stack, to refer to: its identifier is sent as written, never prefixed. */
  static existing(identifier: string): ExistingBlueprint {
    return new ExistingBlueprint(identifier);
  }

  /** The blueprint's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier as written in code (without the stack's prefix and suffix), when it is a plain string. */
  readonly declaredIdentifier: string | undefined;
  /** The dynamic resource. */
  readonly resource: BlueprintResource;
  /** The args as written in code, so components using this blueprint (entities, mappings) can check property and relation names. */
  readonly args: BlueprintArgs;

  constructor(name: string, args: BlueprintArgs, opts?: PortComponentOptions) {
    super("Blueprint", name, opts);
    this.args = args;
    const portal = this.portal;
    this.declaredIdentifier = typeof args.identifier === "string" ? args.identifier : undefined;
    if (this.declaredIdentifier) this.model.declareBlueprint(this.declaredIdentifier, this.component);
    this.checkKnown(
      BlueprintSpec,
      specOf(args, portal, (ref, field) => resolveBlueprint(ref, portal, field.startsWith("relations.") ? { from: this.component, field } : undefined).known),
    );

    // What points at blueprints of this stack by identifier is known once every blueprint is
    // declared: the base spec is settled then, and the rest becomes a second step.
    let settle!: (spec: pulumi.Inputs) => void;
    const settled = new Promise<pulumi.Inputs>((resolve) => (settle = resolve));
    const base: pulumi.Inputs = Object.fromEntries(Object.keys(specOf(args, portal, () => "")).map((key) => [key, settled.then((spec) => spec[key])]));
    const inputs = args.allowDataLoss ? { ...base, [ALLOW_DATA_LOSS_KEY]: args.allowDataLoss } : base;
    this.resource = new BlueprintResource(name, inputs, { parent: this });
    this.identifier = this.resource.identifier;
    if (this.declaredIdentifier) {
      this.model.setBlueprintResource(this.declaredIdentifier, this.resource);
      this.model.setBlueprintComponent(this.declaredIdentifier, this);
    }
    this.model.addCheck(() => blueprintPathProblems(this.model, this.component, this));
    this.model.afterDeclarations(() => {
      const spec = specOf(args, portal, (ref) => (typeof ref === "string" ? portal.declaredBlueprintIdentifier(ref) : resolveBlueprint(ref, portal).input));
      const { base: first, secondStep } = splitSecondStep(spec, args, this.model);
      settle(first);
      if (secondStep) this.addSecondStep(name, secondStep);
    });
    this.registerOutputs({ identifier: this.identifier });
  }

  /**
   * Relations that name blueprints of this stack by identifier are added once every blueprint is
   * declared, after their targets exist: so blueprints that refer to each other come up in one run.
   */
  private addSecondStep(name: string, secondStep: SecondStep): void {
    const targets = secondStep.targets.map((t) => this.model.blueprintResource(t)).filter((r): r is pulumi.Resource => pulumi.Resource.isInstance(r));
    const allow = this.args.allowDataLoss ? { [ALLOW_DATA_LOSS_KEY]: this.args.allowDataLoss } : {};
    new BlueprintRelationsResource(`${name}-relations`, { ...secondStep.parts, blueprint: this.identifier, ...allow }, { parent: this, dependsOn: [this.resource, ...targets] });
  }
}

/** The second step of a blueprint: `pulumi-nodejs:dynamic/port:BlueprintRelations`. */
export class BlueprintRelationsResource extends PortResource {
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("BlueprintRelations", name, spec, opts);
  }
}

interface SecondStep {
  parts: Record<string, unknown>;
  /** Identifiers (the code's) of the blueprints the parts point at. */
  targets: string[];
}

/**
 * Moves out of the spec what points at other blueprints by identifier string (but Port's system
 * blueprints and those listed in existingBlueprints): those relations, the mirror properties and
 * inherited ownership that go through them, and aggregations over them. Targets given as
 * `Blueprint` objects (outputs) or `Blueprint.existing(...)` stay: the first is created first anyway.
 */
function splitSecondStep(spec: pulumi.Inputs, args: BlueprintArgs, model: PortalModel): { base: pulumi.Inputs; secondStep?: SecondStep } {
  const self = args.identifier;
  // Every plain identifier but system and listed blueprints, declared here or not: which step holds a
  // relation must not change between runs, or one step would remove what the other adds.
  const later = (target: unknown): target is string => typeof target === "string" && target !== self && !model.listedAsExisting(target);
  const plainMap = (value: unknown): Record<string, any> | undefined =>
    value && typeof value === "object" && !pulumi.Output.isInstance(value) ? (value as Record<string, any>) : undefined;
  const take = (written: Record<string, any> | undefined, port: Record<string, any> | undefined, moves: (value: any) => boolean) => {
    const kept: Record<string, any> = {};
    const moved: Record<string, any> = {};
    for (const [key, value] of Object.entries(port ?? {})) (moves(written?.[key]) ? moved : kept)[key] = value;
    return { kept, moved };
  };

  const relations = take(plainMap(args.relations), plainMap(spec.relations), (r) => later(r?.target));
  const firstHopMoved = (path: unknown) => typeof path === "string" && path.split(".")[0] in relations.moved;
  const mirrors = take(plainMap(args.mirrorProperties), plainMap(spec.mirrorProperties), (m) => firstHopMoved(m?.path));
  const aggregations = take(plainMap(args.aggregationProperties), plainMap(spec.aggregationProperties), (a) => later(a?.target));
  const ownership = plainMap(spec.ownership);
  const ownershipMoves = ownership?.type === "Inherited" && firstHopMoved(ownership.path);
  const written = (map: unknown, key: string) => plainMap(map)?.[key]?.target as string;
  const targets = [
    ...Object.keys(relations.moved).map((key) => written(args.relations, key)),
    ...Object.keys(aggregations.moved).map((key) => written(args.aggregationProperties, key)),
  ];
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
 * The args as Port's document: the identifier gets the stack's prefix and suffix, and each
 * relation's and aggregation's target becomes `target(ref, field)`.
 */
function specOf(args: BlueprintArgs, portal: Portal, target: (ref: unknown, field: string) => unknown): pulumi.Inputs {
  const { allowDataLoss: _allow, ...portArgs } = args;
  const spec: pulumi.Inputs = { ...portArgs, identifier: typeof args.identifier === "string" ? portal.qualify(args.identifier) : args.identifier };
  if (args.relations) {
    spec.relations = Object.fromEntries(Object.entries(args.relations).map(([key, r]) => [key, { ...r, target: target(r.target, `relations.${key}.target`) }]));
  }
  if (args.aggregationProperties && typeof args.aggregationProperties === "object" && !pulumi.Output.isInstance(args.aggregationProperties)) {
    spec.aggregationProperties = Object.fromEntries(
      Object.entries(args.aggregationProperties as Record<string, any>).map(([key, a]) => [
        key,
        typeof a?.target === "string" || a?.target instanceof ExistingBlueprint ? { ...a, target: target(a.target, `aggregationProperties.${key}.target`) } : a,
      ]),
    );
  }
  return spec;
}
