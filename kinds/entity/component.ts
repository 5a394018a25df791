import * as pulumi from "@pulumi/pulumi";
import { EntitySpec, EntitySpecInput } from "./schema";
import { Blueprint } from "../blueprint/component";
import { PLACEHOLDER_IDENTIFIER } from "../../core/components/references";
import { type BlueprintRef, resolveBlueprint } from "../blueprint/refs";
import { declaredFields, entityValueProblems } from "../blueprint/fields";
import type { DeepInput } from "../../core/components/input-types";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import { ExistingObject } from "../../core/components/references";
import { Team } from "../team/component";

/** The entity's blueprint: a `Blueprint` (checked and ordered), `Blueprint.existing(...)` or an identifier. */
export type EntityBlueprint = BlueprintRef;
/** A related entity: an `Entity` of this program (which orders creation), or an identifier. */
export type EntityRelationTarget = Entity | pulumi.Input<string>;

/**
 * An owning team: a `Team` of this program (its `_team` entity identifier, which also orders
 * creation), `Team.existing(name)`, or a team's identifier or name (a name is resolved to the
 * identifier by the provider, where the org keeps teams as `_team` entities).
 */
export type EntityTeamRef = Team | ExistingObject | pulumi.Input<string>;

type EntityFields = Omit<EntitySpecInput, "blueprint" | "relations" | "team">;

/** Port's entity, as typed args: every field of the schema, accepting Pulumi Inputs. */
export type EntityArgs = { [K in keyof EntityFields]: DeepInput<EntityFields[K]> } & {
  blueprint: EntityBlueprint;
  /** The owning team(s); see {@link EntityTeamRef}. */
  team?: EntityTeamRef | EntityTeamRef[];
  /** Per relation identifier: the related entity, a list of them for a `many` relation, or `null` for none. */
  relations?: Record<string, EntityRelationTarget | EntityRelationTarget[] | null>;
};

/** The dynamic resource behind an Entity: `pulumi-nodejs:dynamic/port:Entity`, id `<blueprint>/<identifier>`. */
export class EntityResource extends PortResource {
  declare readonly identifier: pulumi.Output<string>;
  declare readonly blueprint: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Entity", name, spec, opts);
  }
}

/**
 * An entity of a blueprint kept in code: seed data such as environments. With a `Blueprint`
 * whose args are known, its properties and relations are checked against that blueprint while
 * the program is declared (names, types, enums, required ones), with the closest names for typos.
 * Values set in Port for properties the code never declared are kept.
 */
export class Entity extends PortComponent {
  /** The entity's identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier of its blueprint. */
  readonly blueprint: pulumi.Output<string>;
  /** The identifier as written in code, when it is a plain string. */
  readonly declaredIdentifier: string | undefined;
  /** The blueprint identifier (the code's), when it is known while the program is declared. */
  readonly declaredBlueprint: string | undefined;
  /** The dynamic resource. */
  readonly resource: EntityResource;

  constructor(name: string, args: EntityArgs, opts?: PortComponentOptions) {
    super("Entity", name, opts);
    const blueprint = resolveBlueprint(args.blueprint, this.portal, { from: this.component, field: "blueprint" });
    this.declaredBlueprint = blueprint.declared ?? (blueprint.known === PLACEHOLDER_IDENTIFIER ? undefined : blueprint.known);
    this.declaredIdentifier = typeof args.identifier === "string" ? args.identifier : undefined;
    if (this.declaredBlueprint && this.declaredIdentifier) this.model.declareEntity(this.declaredBlueprint, this.declaredIdentifier, this.component);

    const relations = args.relations ? { relations: relationInputs(args.relations) } : {};
    const team = args.team === undefined ? {} : { team: Array.isArray(args.team) ? args.team.map(teamInput) : teamInput(args.team) };
    this.checkKnown(EntitySpec, { ...args, ...relations, ...team, blueprint: blueprint.known });
    this.report(blueprintProblems(this.component, args));

    // Waiting on the whole Blueprint component includes its second step (relations added after
    // every blueprint exists), so the entity's relations exist in Port before it is written.
    const dependsOn = blueprint.component ? [blueprint.component] : [];
    this.resource = new EntityResource(name, { ...args, ...relations, ...team, blueprint: blueprint.input }, { parent: this, dependsOn });
    this.identifier = this.resource.identifier;
    this.blueprint = this.resource.blueprint;
    this.registerOutputs({ identifier: this.identifier, blueprint: this.blueprint });
  }
}

/** A `Team` as its `_team` entity identifier (an output, which also orders creation); `Team.existing(name)` as the name. */
function teamInput(ref: EntityTeamRef): pulumi.Input<string> {
  if (ref instanceof Team) return ref.entityIdentifier;
  return ref instanceof ExistingObject ? ref.identifier : ref;
}

/** Every `Entity` replaced by its identifier output, which also orders creation. */
function relationInputs(relations: NonNullable<EntityArgs["relations"]>): Record<string, unknown> {
  const target = (value: EntityRelationTarget) => (value instanceof Entity ? value.identifier : value);
  return Object.fromEntries(Object.entries(relations).map(([key, value]) => [key, Array.isArray(value) ? value.map(target) : value === null ? null : target(value)]));
}

/** Properties and relations against the `Blueprint` given, and related `Entity`s against the relations' targets. */
function blueprintProblems(component: string, args: EntityArgs): string[] {
  if (!(args.blueprint instanceof Blueprint)) return [];
  const fields = declaredFields(args.blueprint);
  const properties = args.properties;
  if (!fields || (properties !== undefined && (pulumi.Output.isInstance(properties) || properties instanceof Promise))) return [];
  const problems = entityValueProblems(component, { properties: properties as Record<string, unknown> | undefined, relations: args.relations ?? undefined }, fields);
  const definitions = (args.blueprint.args.relations ?? {}) as Record<string, { target: unknown }>;
  for (const [key, value] of Object.entries(args.relations ?? {})) {
    const target = definitions[key]?.target;
    const targetId = target instanceof Blueprint ? target.declaredIdentifier : typeof target === "string" ? target : undefined;
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
