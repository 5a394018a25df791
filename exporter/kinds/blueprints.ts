import type { KindExporter } from "../plan";
import { pickKeys, withoutEmptyMaps } from "../plan";
import { dependenciesFirst } from "../order";

/** The blueprint keys the Blueprint component takes (kinds/blueprint/schema.ts), in the order a person writes them. */
const KEYS = [
  "identifier",
  "title",
  "icon",
  "description",
  "schema",
  "relations",
  "mirrorProperties",
  "calculationProperties",
  "aggregationProperties",
  "ownership",
  "changelogDestination",
  "includeInGlobalSearch",
] as const;

/** Maps written only when they hold something. */
const OPTIONAL_MAPS = ["relations", "mirrorProperties", "calculationProperties", "aggregationProperties"];

/** Port's own blueprints (`_user`, `_team`, `_rule`...): referred to by identifier, never declared. */
export const isSystemBlueprint = (identifier: string) => identifier.startsWith("_");

type Doc = Record<string, any>;

/**
 * Blueprints, each after the blueprints its relations point at, so a relation names its target's
 * variable. Blueprints that point at each other cannot all come first: the relation that closes
 * the cycle names its target by identifier, which the Blueprint component resolves once every
 * blueprint is declared (one `up` creates them all).
 */
export const exportBlueprints: KindExporter = (org, plan, scope) => {
  const chosen = org.blueprints.filter((b) => !isSystemBlueprint(String(b.identifier)) && (!scope.blueprints || scope.blueprints.has(String(b.identifier))));
  const byId = new Map(chosen.map((b) => [String(b.identifier), b as Doc]));
  const declare = (blueprint: Doc) => {
    const args = withoutEmptyMaps(pickKeys(blueprint, KEYS), OPTIONAL_MAPS);
    const later: string[] = [];
    if (args.relations) {
      args.relations = Object.fromEntries(
        Object.entries(args.relations as Record<string, Doc>).map(([key, relation]) => {
          const target = plan.ref(`blueprint:${relation.target}`, "blueprints");
          if (!target && byId.has(relation.target)) later.push(relation.target);
          return [key, { ...relation, target: target ?? relation.target }];
        }),
      );
    }
    const comment = later.length > 0 ? `Refers by identifier to ${later.map((t) => `"${t}"`).join(", ")}, declared below: they refer to each other.` : undefined;
    plan.add({ area: "blueprints", component: "Blueprint", key: `blueprint:${blueprint.identifier}`, name: String(blueprint.identifier), args, comment });
  };
  const targets = (b: Doc) => Object.values((b.relations ?? {}) as Record<string, { target: string }>).map((r) => r.target);
  for (const blueprint of dependenciesFirst(chosen, targets)) declare(blueprint);
};
