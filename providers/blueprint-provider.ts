import { createBlueprint, deleteBlueprint, getBlueprint, replaceBlueprint } from "../client";
import { BlueprintSpec, validateSpec } from "../schemas";
import { ManagedKeys, PortDocument, comparable, desiredDocument, managedKeysOf, sameDocument } from "./blueprint-document";
import { sameJson } from "./canonical-json";
import { ResourceLogic, containsUnknown, withoutPulumiKeys } from "./resource-logic";

/**
 * Outputs: the blueprint as Port holds it (so `pulumi refresh` shows drift), plus the keys the
 * code managed when it last applied (see blueprint-document.ts).
 */
function outputsOf(portDoc: PortDocument, spec: PortDocument): Record<string, any> {
  return { ...comparable(portDoc), managedKeys: managedKeysOf(spec) };
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
    if (!result.ok) {
      return { failures: result.problems.map((p) => ({ property: p.field.split(".")[0] || "identifier", reason: p.message })) };
    }
    return { inputs: result.value as Record<string, any> };
  },

  async diff(_id, olds, news) {
    const spec = specPart(news);
    const current = portPart(olds);
    if (spec.identifier !== current.identifier) return { changes: true, replaces: ["identifier"] };
    if (containsUnknown(spec)) return { changes: true };
    const lastManaged = olds.managedKeys as ManagedKeys | undefined;
    const changes =
      !sameDocument(desiredDocument(spec, current, lastManaged), current) ||
      !sameJson(lastManaged, managedKeysOf(spec));
    return { changes };
  },

  async create(client, inputs) {
    const spec = specPart(inputs);
    const created = await createBlueprint(client, spec as any);
    return { id: String(created.identifier), outs: outputsOf(created, spec) };
  },

  async read(client, id, props) {
    const current = await getBlueprint(client, id);
    if (!current) return {}; // gone from Port: the engine drops it from state
    return { id, props: { ...comparable(current), managedKeys: props.managedKeys } };
  },

  async update(client, id, olds, news) {
    const spec = specPart(news);
    // Read Port again rather than trusting state: keep what was added in Port since the last refresh.
    const current = (await getBlueprint(client, id)) ?? portPart(olds);
    const body = desiredDocument(spec, current, olds.managedKeys as ManagedKeys | undefined);
    const updated = await replaceBlueprint(client, id, body as any);
    return { outs: outputsOf(updated, spec) };
  },

  async delete(client, id) {
    await deleteBlueprint(client, id); // already gone counts as done
  },
};
