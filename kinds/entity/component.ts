import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { EntitySpec, EntitySpecInput, validateSpec } from "../../core/schemas";
import { Blueprint } from "../blueprint/component";
import { declaredFields, entityValueProblems } from "../blueprint/fields";
import type { DeepInput } from "../../core/components/input-types";
import { isPlain } from "../../core/components/plain-input";
import { PortalModel, currentPortalModel } from "../../core/components/portal-model";

/** The entity's blueprint: a `Blueprint` of this program (checked and ordered), or the identifier of one managed elsewhere. */
export type EntityBlueprint = Blueprint | pulumi.Input<string>;
/** A related entity: an `Entity` of this program (which orders creation), or an identifier. */
export type EntityRelationTarget = Entity | pulumi.Input<string>;

type EntityFields = Omit<EntitySpecInput, "blueprint" | "relations">;

/** Port's entity, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type EntityArgs = { [K in keyof EntityFields]: DeepInput<EntityFields[K]> } & {
  blueprint: EntityBlueprint;
  /** Per relation identifier: the related entity, a list of them for a `many` relation, or `null` for none. */
  relations?: Record<string, EntityRelationTarget | EntityRelationTarget[] | null>;
};

/** One provider instance for every entity: Pulumi serializes it once per kind, not per resource. */
const entityProvider = providerStub("Entity");

/** The dynamic resource behind an Entity: `pulumi-nodejs:dynamic/port:Entity`, id `<blueprint>/<identifier>`. */
export class EntityResource extends pulumi.dynamic.Resource {
  declare readonly identifier: pulumi.Output<string>;
  declare readonly blueprint: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(entityProvider, name, spec, opts, "port", "Entity");
  }
}

/**
 * An entity of a blueprint kept in code: seed data such as environments. With a `Blueprint`
 * whose args are known, its properties and relations are checked against that blueprint while
 * the program is declared (names, types, enums, required ones), with the closest names for typos.
 * Values set in Port for properties the code never declared are kept.
 */
export class Entity extends pulumi.ComponentResource {
  /** The entity's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier of its blueprint. */
  readonly blueprint: pulumi.Output<string>;
  /** The identifier as written in code, when it is a plain string. */
  readonly declaredIdentifier: string | undefined;
  /** The blueprint identifier, when it is known while the program is declared. */
  readonly declaredBlueprint: string | undefined;
  /** The dynamic resource, absent when the args were invalid (the portal check then fails the run). */
  readonly resource: EntityResource | undefined;

  constructor(name: string, args: EntityArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:Entity", name, {}, opts);
    const component = `Entity "${name}"`;
    const model = currentPortalModel();
    const blueprint = args.blueprint instanceof Blueprint ? args.blueprint.identifier : qualified(args.blueprint, model);
    this.declaredBlueprint = args.blueprint instanceof Blueprint ? args.blueprint.declaredIdentifier : typeof blueprint === "string" ? blueprint : undefined;
    this.declaredIdentifier = typeof args.identifier === "string" ? args.identifier : undefined;

    if (!(args.blueprint instanceof Blueprint) && this.declaredBlueprint) {
      model.referBlueprint({ from: component, field: "blueprint", identifier: this.declaredBlueprint });
    }
    if (this.declaredBlueprint && this.declaredIdentifier) model.declareEntity(this.declaredBlueprint, this.declaredIdentifier, component);

    const spec: pulumi.Inputs = { ...args, blueprint, ...(args.relations ? { relations: relationInputs(args.relations) } : {}) };
    const problems = [...knownProblems(name, spec, this.declaredBlueprint), ...blueprintProblems(component, args, model)];
    if (problems.length > 0) {
      model.reportProblems(problems);
      this.resource = undefined;
      this.identifier = pulumi.output(args.identifier);
      this.blueprint = pulumi.output(blueprint);
    } else {
      // Waiting on the whole Blueprint component includes its second step (relations added after
      // every blueprint exists), so the entity's relations exist in Port before it is written.
      const dependsOn = args.blueprint instanceof Blueprint ? [args.blueprint] : [];
      this.resource = new EntityResource(name, spec, { parent: this, dependsOn });
      this.identifier = this.resource.identifier;
      this.blueprint = this.resource.blueprint;
    }
    this.registerOutputs({ identifier: this.identifier, blueprint: this.blueprint });
  }
}

function qualified(blueprint: pulumi.Input<string>, model: PortalModel): pulumi.Input<string> {
  return typeof blueprint === "string" ? model.qualify(blueprint) : blueprint;
}

/** Every `Entity` replaced by its identifier output, which also orders creation. */
function relationInputs(relations: NonNullable<EntityArgs["relations"]>): Record<string, unknown> {
  const target = (value: EntityRelationTarget) => (value instanceof Entity ? value.identifier : value);
  return Object.fromEntries(Object.entries(relations).map(([key, value]) => [key, Array.isArray(value) ? value.map(target) : value === null ? null : target(value)]));
}

/** Stands in for a blueprint identifier not known yet, so the rest of the spec is still checked now. */
const PLACEHOLDER_BLUEPRINT = "blueprint";

/** Validate now when every value is known; the provider's check validates the rest during preview. */
function knownProblems(name: string, spec: pulumi.Inputs, declaredBlueprint: string | undefined): string[] {
  const checked = { ...spec, blueprint: declaredBlueprint ?? PLACEHOLDER_BLUEPRINT };
  if (!isPlain(checked)) return [];
  const result = validateSpec(EntitySpec, "Entity", name, checked);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

/** Properties and relations against the `Blueprint` given, and related `Entity`s against the relations' targets. */
function blueprintProblems(component: string, args: EntityArgs, model: PortalModel): string[] {
  if (!(args.blueprint instanceof Blueprint)) return [];
  const fields = declaredFields(args.blueprint);
  const properties = args.properties;
  if (!fields || (properties !== undefined && (pulumi.Output.isInstance(properties) || properties instanceof Promise))) return [];
  const problems = entityValueProblems(component, { properties: properties as Record<string, unknown> | undefined, relations: args.relations ?? undefined }, fields);
  const definitions = (args.blueprint.args.relations ?? {}) as Record<string, { target: unknown }>;
  for (const [key, value] of Object.entries(args.relations ?? {})) {
    const target = definitions[key]?.target;
    const targetId = target instanceof Blueprint ? target.declaredIdentifier : typeof target === "string" ? model.qualify(target) : undefined;
    for (const related of Array.isArray(value) ? value : [value]) {
      if (!(related instanceof Entity) || !targetId || !related.declaredBlueprint || related.declaredBlueprint === targetId) continue;
      problems.push(
        `${component}: field relations.${key}: the entity "${related.declaredIdentifier}" belongs to blueprint "${related.declaredBlueprint}", ` +
          `but relation "${key}" of blueprint "${fields.blueprint}" targets "${targetId}". Use an entity of "${targetId}".`,
      );
    }
  }
  return problems;
}
