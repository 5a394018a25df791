import { getBlueprint, replaceBlueprint } from "./client";
import { withAggregationTypes } from "./document";
import { listEntities } from "../entity/client";
import { ALLOW_DATA_LOSS_KEY, relationLossProblems } from "./guards";
import { BlueprintRelationsSpec } from "./relations-schema";
import { validateSpec } from "../../core/schemas/problems";
import { sameJson } from "../../core/providers/canonical-json";
import { ResourceLogic, checkFailures, containsUnknown, withoutMeta, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * The second step of a blueprint (relations-schema.ts): it owns some keys of the
 * blueprint's relation, mirror and aggregation maps (and its ownership) and nothing else. The
 * blueprint's own resource treats these keys as not its own, so the two never undo each other.
 * Deleting it removes its keys again, which lets destroy undo a cycle in reverse.
 */
type Doc = Record<string, any>;
const MAPS = ["relations", "mirrorProperties", "aggregationProperties"] as const;

function idOf(spec: Doc): string {
  return `${spec.blueprint}#relations`;
}

/** What Port holds for the keys a spec names (plus ownership when the spec sets it). */
function heldPart(blueprint: Doc, spec: Doc): Doc {
  const out: Doc = { blueprint: blueprint.identifier };
  for (const map of MAPS) {
    out[map] = {};
    for (const key of Object.keys(spec[map] ?? {})) if (blueprint[map]?.[key] !== undefined) out[map][key] = blueprint[map][key];
  }
  out.aggregationProperties = withAggregationTypes(out.aggregationProperties);
  if (spec.ownership) out.ownership = blueprint.ownership;
  return out;
}

/** The blueprint with `remove`'s keys taken out and `add`'s keys put in. */
function merged(blueprint: Doc, remove: Doc | undefined, add: Doc | undefined): Doc {
  const out: Doc = structuredClone(withoutMeta(blueprint));
  for (const map of MAPS) {
    out[map] = { ...(out[map] ?? {}) };
    for (const key of Object.keys(remove?.[map] ?? {})) delete out[map][key];
    Object.assign(out[map], add?.[map] ?? {});
  }
  if (remove?.ownership && !add?.ownership) delete out.ownership;
  if (add?.ownership) out.ownership = add.ownership;
  // Mirror properties go through relations: drop those whose relation is gone.
  for (const [key, mirror] of Object.entries(out.mirrorProperties as Doc)) {
    if (!(String(mirror.path).split(".")[0] in out.relations)) delete out.mirrorProperties[key];
  }
  return out;
}

export const blueprintRelationsLogic: ResourceLogic = {
  async check(_olds, news) {
    const spec = withoutPulumiKeys(news);
    const result = validateSpec(BlueprintRelationsSpec, "Blueprint", String(spec.blueprint ?? "?"), spec);
    if (!result.ok) return { failures: checkFailures(result.problems) };
    const inputs = result.value as Doc;
    if (news[ALLOW_DATA_LOSS_KEY]) inputs[ALLOW_DATA_LOSS_KEY] = news[ALLOW_DATA_LOSS_KEY];
    return { inputs };
  },

  async diff(_id, olds, news, connect) {
    const spec = withoutPulumiKeys(news);
    if (containsUnknown(spec)) return { changes: true };
    // A new `blueprint` is its blueprint's new identifier (renamed in place): an update, which follows it.
    // Refuse at preview to remove a relation whose links entities hold, unless the Blueprint allows it.
    const removed = Object.keys(olds.spec?.relations ?? {}).filter((key) => !(key in (spec.relations ?? {})));
    if (removed.length > 0 && connect) {
      const problems = relationLossProblems(spec.blueprint, removed, await listEntities(connect(), spec.blueprint), news[ALLOW_DATA_LOSS_KEY]);
      if (problems.length > 0) throw new Error(problems.join("\n"));
    }
    // A change in code, or drift in Port on the keys this step owns.
    return { changes: !sameJson(olds.spec, spec) || !sameJson(olds.held, { blueprint: spec.blueprint, ...pick(spec) }) };
  },

  async create(client, inputs) {
    const spec = withoutPulumiKeys(inputs);
    const current = await requireBlueprint(client, spec.blueprint);
    // Port already holds these keys as the code sets them (an adopted blueprint, a repeated create): nothing to write.
    if (sameJson(heldPart(current, spec), { blueprint: spec.blueprint, ...pick(spec) })) return { id: idOf(spec), outs: outputsOf(current, spec) };
    const updated = await replaceBlueprint(client, spec.blueprint, merged(current, undefined, spec) as any);
    return { id: idOf(spec), outs: outputsOf(updated, spec) };
  },

  async read(client, id, props) {
    const current = await getBlueprint(client, props.spec?.blueprint ?? id.replace(/#relations$/, ""));
    if (!current) return {};
    return { id, props: outputsOf(current, props.spec ?? {}) };
  },

  async update(client, _id, olds, news) {
    const spec = withoutPulumiKeys(news);
    const current = await requireBlueprint(client, spec.blueprint);
    const updated = await replaceBlueprint(client, spec.blueprint, merged(current, olds.spec, spec) as any);
    return { outs: outputsOf(updated, spec) };
  },

  async delete(client, _id, props) {
    const current = await getBlueprint(client, props.spec?.blueprint);
    if (!current) return; // the blueprint is gone, and its relations with it
    await replaceBlueprint(client, current.identifier, merged(current, props.spec, undefined) as any);
  },
};

/** Outputs: the spec it applied, and what Port holds for those keys (so refresh shows drift). */
function outputsOf(blueprint: Doc, spec: Doc): Doc {
  return { spec, held: heldPart(blueprint, spec) };
}

function pick(spec: Doc): Doc {
  const out: Doc = {};
  for (const map of MAPS) out[map] = spec[map] ?? {};
  if (spec.ownership) out.ownership = spec.ownership;
  return out;
}

async function requireBlueprint(client: Parameters<ResourceLogic["create"]>[0], identifier: string): Promise<Doc> {
  const current = await getBlueprint(client, identifier);
  if (!current) throw new Error(`Blueprint "${identifier}" does not exist in Port, so its relations cannot be added. Create the blueprint first.`);
  return current;
}
