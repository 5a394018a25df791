import { PortClient } from "../../core/client/port-client";
import { listEntities } from "../entity/client";

/**
 * Guard rails for changes that lose data in Port: changing a property's type (Port drops the
 * values), removing a property or a relation that entities hold values for, and deleting a
 * blueprint that still has entities. Each is refused unless the Blueprint says so explicitly in `allowDataLoss`; the
 * message says how many entities are affected.
 */
export interface AllowDataLoss {
  /** Allow changing the type of a property that holds values. */
  propertyTypeChanges?: boolean;
  /** Allow removing properties that hold values. */
  deletePropertiesWithData?: boolean;
  /** Allow removing relations that hold values (entities' links along them are lost). */
  deleteRelationsWithData?: boolean;
  /** Allow deleting the blueprint together with its entities. */
  deleteWithEntities?: boolean;
}

export { ALLOW_DATA_LOSS_KEY } from "../../core/providers/resource-logic";

type Doc = Record<string, any>;

/** "1 entity", "3 entities". */
function entityCount(count: number): string {
  return `${count} ${count === 1 ? "entity" : "entities"}`;
}

function properties(doc: Doc | undefined): Record<string, Doc> {
  return (doc?.schema?.properties as Record<string, Doc>) ?? {};
}

/** Problems with an update from `current` (what Port holds) to `desired` (what would be sent). */
export async function updateDataLossProblems(connect: (() => PortClient) | undefined, blueprint: string, current: Doc, desired: Doc, allow: AllowDataLoss = {}): Promise<string[]> {
  const before = properties(current);
  const after = properties(desired);
  const retyped = Object.keys(after).filter((k) => before[k] && before[k].type !== after[k].type && !allow.propertyTypeChanges);
  const removed = Object.keys(before).filter((k) => !after[k] && !allow.deletePropertiesWithData);
  const removedRelations = Object.keys(current.relations ?? {}).filter((k) => !(desired.relations ?? {})[k]);
  if ((retyped.length === 0 && removed.length === 0 && removedRelations.length === 0) || !connect) return [];

  const entities = await listEntities(connect(), blueprint);
  const holding = (key: string) => entities.filter((e) => (e.properties as Doc | undefined)?.[key] != null).length;
  const problems: string[] = [];
  for (const key of retyped) {
    const count = holding(key);
    if (count === 0) continue;
    problems.push(
      `Blueprint "${blueprint}": field schema.properties.${key}.type: changing "${before[key].type}" to "${after[key].type}" drops the values of ${entityCount(count)} (Port cannot change a property's type in place). ` +
        `Add a new property instead, or set allowDataLoss: { propertyTypeChanges: true } on the Blueprint.`,
    );
  }
  for (const key of removed) {
    const count = holding(key);
    if (count === 0) continue;
    problems.push(
      `Blueprint "${blueprint}": field schema.properties.${key}: removing it deletes the values of ${entityCount(count)}. ` +
        `Keep the property, or set allowDataLoss: { deletePropertiesWithData: true } on the Blueprint.`,
    );
  }
  return [...problems, ...relationLossProblems(blueprint, removedRelations, entities, allow)];
}

/** Problems with removing `relations` (keys) of a blueprint from the code, given its entities. */
export function relationLossProblems(blueprint: string, relations: string[], entities: { relations?: unknown }[], allow: AllowDataLoss = {}): string[] {
  if (allow.deleteRelationsWithData) return [];
  const linked = (value: unknown) => value != null && !(Array.isArray(value) && value.length === 0);
  return relations.flatMap((key) => {
    const count = entities.filter((e) => linked((e.relations as Doc | undefined)?.[key])).length;
    if (count === 0) return [];
    return [
      `Blueprint "${blueprint}": field relations.${key}: removing it deletes the links of ${entityCount(count)} along it. ` +
        `Keep the relation, or set allowDataLoss: { deleteRelationsWithData: true } on the Blueprint.`,
    ];
  });
}

/**
 * The problem with deleting a blueprint (`current`, as Port holds it) that still has `count`
 * entities, or undefined when it may go with them. Port deletes a blueprint with its entities only
 * when it has no required relations (docs: build-your-software-catalog/custom-integration/api/api.md).
 */
export function deleteDataLossProblem(current: Doc, count: number, allow: AllowDataLoss = {}): string | undefined {
  const blueprint = String(current.identifier);
  if (count === 0) return undefined;
  if (!allow.deleteWithEntities) {
    return (
      `Blueprint "${blueprint}" still has ${entityCount(count)}, which deleting it would lose. ` +
      `Delete them first, or set allowDataLoss: { deleteWithEntities: true } on the Blueprint (and apply that) before removing it.`
    );
  }
  const required = Object.entries((current.relations ?? {}) as Record<string, Doc>)
    .filter(([, relation]) => relation?.required === true)
    .map(([key]) => key);
  if (required.length === 0) return undefined;
  return (
    `Blueprint "${blueprint}" still has ${entityCount(count)}, and Port deletes a blueprint's entities with it only when it has no required relations ` +
    `(required here: ${required.map((key) => `relations.${key}`).join(", ")}). Delete its entities first, or make those relations optional (and apply that) before removing it.`
  );
}
