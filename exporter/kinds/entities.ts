import type { KindExporter } from "../plan";
import { pickKeys, withoutEmptyMaps } from "../plan";

/** The entity keys the Entity component takes (kinds/entity/schema.ts); `team` holds Port's team identifiers, which it accepts. */
const KEYS = ["identifier", "title", "icon", "team", "properties", "relations"] as const;

/**
 * Entities, only of the blueprints named with `--entities` (the snapshot reads no others): most
 * entities belong to the integrations and webhooks that ingest them, not to code.
 */
export const exportEntities: KindExporter = (org, plan) => {
  for (const [blueprint, entities] of org.entities) {
    for (const entity of entities) {
      const args = withoutEmptyMaps({ blueprint: plan.ref(`blueprint:${blueprint}`, "entities") ?? blueprint, ...pickKeys(entity as Record<string, unknown>, KEYS) }, [
        "properties",
        "relations",
      ]);
      plan.add({ area: "entities", component: "Entity", key: `entity:${blueprint}/${entity.identifier}`, name: `${blueprint}-${entity.identifier}`, args });
    }
  }
};
