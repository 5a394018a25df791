import { createBlueprint, deleteBlueprint, getBlueprint, replaceBlueprint } from "./client";
import { listEntities } from "../entity/client";
import { deleteBlueprintWithEntities } from "./delete-with-entities";
import { BlueprintSpec } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { jqProblems } from "../../core/schemas/jq";
import { ManagedKeys, PortDocument, comparable, desiredDocument, managedKeysOf, sameDocument } from "./document";
import { ALLOW_DATA_LOSS_KEY, AllowDataLoss, deleteDataLossProblem, updateDataLossProblems } from "./guards";
import { sameJson } from "../../core/providers/canonical-json";
import { adoptExisting, differingKeys, reconciledCreate } from "../../core/providers/reconcile";
import { ADOPTED_FROM_KEY, ResourceLogic, checkFailures, containsUnknown, updatedBookkeeping, withBookkeeping, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * Outputs: the blueprint as Port holds it (so `pulumi refresh` shows drift), plus the keys the
 * code managed when it last applied (see blueprint-document.ts).
 */
function outputsOf(portDoc: PortDocument, spec: PortDocument, from: Record<string, any>): Record<string, any> {
  return withBookkeeping({ ...comparable(portDoc), managedKeys: managedKeysOf(spec) }, from);
}

function portPart(outputs: Record<string, any>): PortDocument {
  const { managedKeys: _managed, ...doc } = withoutPulumiKeys(outputs);
  return doc;
}

/** The blueprint document the code declares: the inputs without `createCatalogPage`, which is a creation option, not a key of Port's document. */
function specPart(inputs: Record<string, any>): PortDocument {
  const { createCatalogPage: _option, ...doc } = withoutPulumiKeys(inputs);
  return doc;
}

/**
 * The blueprint's identifier in Port. A rename updates the blueprint in place, but Pulumi keeps the
 * resource's first id: the outputs hold the identifier Port has now.
 */
function identifierOf(id: string, props: Record<string, any>): string {
  return typeof props.identifier === "string" ? props.identifier : id;
}

export const blueprintLogic: ResourceLogic = {
  async check(_olds, news) {
    const spec = withoutPulumiKeys(news);
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
    if (containsUnknown(spec)) return { changes: true };
    // A new identifier is an update too: it renames the blueprint in place (PUT to the old identifier, as
    // Port's Terraform provider does), keeping its entities.
    const lastManaged = olds.managedKeys as ManagedKeys | undefined;
    const desired = desiredDocument(spec, current, lastManaged);
    // The data-loss flag is read at delete from the state: a change to it alone must be applied too.
    const changes = !sameDocument(desired, current) || !sameJson(lastManaged, managedKeysOf(spec)) || !sameJson(olds[ALLOW_DATA_LOSS_KEY], news[ALLOW_DATA_LOSS_KEY]);
    if (changes) {
      // Refuse at preview what would lose data, unless the Blueprint allows it.
      const problems = await updateDataLossProblems(connect, String(current.identifier), current, desired, news[ALLOW_DATA_LOSS_KEY] as AllowDataLoss);
      if (problems.length > 0) throw new Error(problems.join("\n"));
    }
    return { changes };
  },

  async create(client, inputs) {
    const spec = specPart(inputs);
    const created = await reconciledCreate({
      what: `Blueprint "${spec.identifier}"`,
      create: () => createBlueprint(client, spec as any, { createCatalogPage: inputs.createCatalogPage }),
      read: () => getBlueprint(client, String(spec.identifier)),
      differences: (existing) => differingKeys(comparable(desiredDocument(spec, existing)), comparable(existing)),
    });
    return { id: String(created.identifier), outs: outputsOf(created, spec, inputs) };
  },

  async adopt(client, inputs) {
    const spec = specPart(inputs);
    const identifier = String(spec.identifier);
    const { held, result } = await adoptExisting({
      what: `Blueprint "${identifier}"`,
      read: () => getBlueprint(client, identifier),
      differences: (existing) => differingKeys(comparable(desiredDocument(spec, existing)), comparable(existing)),
      write: (existing) => replaceBlueprint(client, identifier, desiredDocument(spec, existing) as any),
    });
    return { id: identifier, outs: { ...outputsOf(result, spec, inputs), [ADOPTED_FROM_KEY]: held } };
  },

  async read(client, id, props) {
    const current = await getBlueprint(client, identifierOf(id, props));
    if (!current) return {}; // gone from Port: the engine drops it from state
    return { id, props: withBookkeeping({ ...comparable(current), managedKeys: props.managedKeys }, props) };
  },

  async update(client, id, olds, news) {
    const spec = specPart(news);
    const identifier = identifierOf(id, olds);
    // Read Port again rather than trusting state: keep what was added in Port since the last refresh.
    const current = (await getBlueprint(client, identifier)) ?? portPart(olds);
    const body = desiredDocument(spec, current, olds.managedKeys as ManagedKeys | undefined);
    // Only the bookkeeping changed (the keys managed, the data-loss flag): nothing to send to Port.
    const from = updatedBookkeeping(olds, news);
    if (sameDocument(body, current)) return { outs: outputsOf(current, spec, from) };
    const retyped = retypedProperties(current, body);
    if (retyped.length > 0) {
      // Port cannot change a property's type in place (diff made sure it is allowed): drop it first.
      const properties = { ...(body.schema as any).properties };
      for (const key of retyped) delete properties[key];
      const required = ((body.schema as any).required ?? []).filter((k: string) => !retyped.includes(k));
      await replaceBlueprint(client, identifier, { ...body, schema: { ...(body.schema as any), properties, required } } as any);
    }
    // A new identifier in the body renames the blueprint: the first PUT above already did.
    const updated = await replaceBlueprint(client, retyped.length > 0 ? String(body.identifier) : identifier, body as any);
    return { outs: outputsOf(updated, spec, from) };
  },

  async delete(client, id, props) {
    const identifier = identifierOf(id, props);
    const current = await getBlueprint(client, identifier);
    if (!current) return; // already gone counts as done
    const count = (await listEntities(client, identifier)).length;
    const problem = deleteDataLossProblem(current, count, props[ALLOW_DATA_LOSS_KEY] as AllowDataLoss | undefined);
    if (problem) throw new Error(problem);
    // With entities (allowed): Port's own route, which never deletes entities of other blueprints, and wait for it.
    if (count > 0) await deleteBlueprintWithEntities(client, identifier);
    else await deleteBlueprint(client, identifier);
  },
};

function retypedProperties(current: PortDocument, desired: PortDocument): string[] {
  const before = ((current.schema as any)?.properties ?? {}) as Record<string, { type?: string }>;
  const after = ((desired.schema as any)?.properties ?? {}) as Record<string, { type?: string }>;
  return Object.keys(after).filter((k) => before[k] && before[k].type !== after[k].type);
}
