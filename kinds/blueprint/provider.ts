import { createBlueprint, deleteBlueprint, getBlueprint, replaceBlueprint } from "./client";
import { deleteEntity, listEntities } from "../entity/client";
import { BlueprintSpec } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { jqProblems } from "../../core/schemas/jq";
import { ManagedKeys, PortDocument, comparable, desiredDocument, managedKeysOf, sameDocument } from "./document";
import { ALLOW_DATA_LOSS_KEY, AllowDataLoss, deleteDataLossProblem, updateDataLossProblems } from "./guards";
import { sameJson } from "../../core/providers/canonical-json";
import { ResourceLogic, checkFailures, containsUnknown, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * Outputs: the blueprint as Port holds it (so `pulumi refresh` shows drift), plus the keys the
 * code managed when it last applied (see blueprint-document.ts).
 */
function outputsOf(portDoc: PortDocument, spec: PortDocument, inputs: Record<string, any>): Record<string, any> {
  const outs: Record<string, any> = { ...comparable(portDoc), managedKeys: managedKeysOf(spec) };
  if (inputs[ALLOW_DATA_LOSS_KEY]) outs[ALLOW_DATA_LOSS_KEY] = inputs[ALLOW_DATA_LOSS_KEY];
  return outs;
}

function portPart(outputs: Record<string, any>): PortDocument {
  const { managedKeys: _managed, ...doc } = withoutPulumiKeys(outputs);
  return doc;
}

function specPart(inputs: Record<string, any>): PortDocument {
  return withoutPulumiKeys(inputs);
}

export const blueprintLogic: ResourceLogic = {
  async check(_olds, news) {
    const spec = specPart(news);
    const result = validateSpec(BlueprintSpec, "Blueprint", String(spec.identifier ?? "(no identifier)"), spec);
    if (!result.ok) return { failures: checkFailures(result.problems, "identifier") };
    const inputs = result.value as Record<string, any>;
    // Calculation properties are JQ: compile each now, so a typo fails the preview, not the apply.
    const calculations = Object.entries((inputs.calculationProperties ?? {}) as Record<string, { calculation: string }>).map(([key, c]) => ({
      field: `calculationProperties.${key}.calculation`,
      expression: c.calculation,
    }));
    const jq = containsUnknown(calculations) ? [] : await jqProblems("Blueprint", String(spec.identifier), calculations);
    if (jq.length > 0) return { failures: checkFailures(jq) };
    if (news[ALLOW_DATA_LOSS_KEY]) inputs[ALLOW_DATA_LOSS_KEY] = news[ALLOW_DATA_LOSS_KEY];
    return { inputs };
  },

  async diff(_id, olds, news, connect) {
    const spec = specPart(news);
    const current = portPart(olds);
    if (spec.identifier !== current.identifier) return { changes: true, replaces: ["identifier"] };
    if (containsUnknown(spec)) return { changes: true };
    const lastManaged = olds.managedKeys as ManagedKeys | undefined;
    const desired = desiredDocument(spec, current, lastManaged);
    // The data-loss flag is read at delete from the state: a change to it alone must be applied too.
    const changes = !sameDocument(desired, current) || !sameJson(lastManaged, managedKeysOf(spec)) || !sameJson(olds[ALLOW_DATA_LOSS_KEY], news[ALLOW_DATA_LOSS_KEY]);
    if (changes) {
      // Refuse at preview what would lose data, unless the Blueprint allows it.
      const problems = await updateDataLossProblems(connect, String(spec.identifier), current, desired, news[ALLOW_DATA_LOSS_KEY] as AllowDataLoss);
      if (problems.length > 0) throw new Error(problems.join("\n"));
    }
    return { changes };
  },

  async create(client, inputs) {
    const spec = specPart(inputs);
    const created = await createBlueprint(client, spec as any);
    return { id: String(created.identifier), outs: outputsOf(created, spec, inputs) };
  },

  async read(client, id, props) {
    const current = await getBlueprint(client, id);
    if (!current) return {}; // gone from Port: the engine drops it from state
    const outs: Record<string, any> = { ...comparable(current), managedKeys: props.managedKeys };
    if (props[ALLOW_DATA_LOSS_KEY]) outs[ALLOW_DATA_LOSS_KEY] = props[ALLOW_DATA_LOSS_KEY];
    return { id, props: outs };
  },

  async update(client, id, olds, news) {
    const spec = specPart(news);
    // Read Port again rather than trusting state: keep what was added in Port since the last refresh.
    const current = (await getBlueprint(client, id)) ?? portPart(olds);
    const body = desiredDocument(spec, current, olds.managedKeys as ManagedKeys | undefined);
    // Only the bookkeeping changed (the keys managed, the data-loss flag): nothing to send to Port.
    if (sameDocument(body, current)) return { outs: outputsOf(current, spec, news) };
    const retyped = retypedProperties(current, body);
    if (retyped.length > 0) {
      // Port cannot change a property's type in place (diff made sure it is allowed): drop it first.
      const properties = { ...(body.schema as any).properties };
      for (const key of retyped) delete properties[key];
      const required = ((body.schema as any).required ?? []).filter((k: string) => !retyped.includes(k));
      await replaceBlueprint(client, id, { ...body, schema: { ...(body.schema as any), properties, required } } as any);
    }
    const updated = await replaceBlueprint(client, id, body as any);
    return { outs: outputsOf(updated, spec, news) };
  },

  async delete(client, id, props) {
    const allow = props[ALLOW_DATA_LOSS_KEY] as AllowDataLoss | undefined;
    if (!(await getBlueprint(client, id))) return; // already gone counts as done
    const problem = await deleteDataLossProblem(client, id, allow);
    if (problem) throw new Error(problem);
    if (allow?.deleteWithEntities) {
      for (const entity of await listEntities(client, id)) await deleteEntity(client, id, entity.identifier, { deleteDependents: true });
    }
    await deleteBlueprint(client, id);
  },
};

function retypedProperties(current: PortDocument, desired: PortDocument): string[] {
  const before = ((current.schema as any)?.properties ?? {}) as Record<string, { type?: string }>;
  const after = ((desired.schema as any)?.properties ?? {}) as Record<string, { type?: string }>;
  return Object.keys(after).filter((k) => before[k] && before[k].type !== after[k].type);
}
