import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { createEntity, deleteEntity, getEntity, listEntities } from "../entity/client";
import { getPage } from "../page/client";
import { getBlueprint, replaceBlueprint } from "./client";
import { eventually } from "../../tests/support/eventually";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { blueprintLogic } from "./provider";
import { blueprintRelationsLogic } from "./relations-provider";

// The Blueprint provider's logic against the emulator over real HTTP.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

const squadSpec = { identifier: "squad", title: "Squad", schema: { properties: { slack: { type: "string", format: "url" } } } };

async function checked(spec: Record<string, unknown>) {
  const result = await blueprintLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

describe("Blueprint provider", () => {
  it("creates the blueprint and records the keys the code manages", async () => {
    const { id, outs } = await blueprintLogic.create(client, await checked(squadSpec));
    expect(id).toBe("squad");
    expect(outs.managedKeys).toEqual({ topLevel: ["identifier", "schema", "title"], properties: ["slack"] });
    expect((await getBlueprint(client, "squad"))?.title).toBe("Squad");
  });

  it("finds no change when the spec matches Port, whatever the key order", async () => {
    const { outs } = await blueprintLogic.create(client, await checked(squadSpec));
    const reordered = { schema: { properties: { slack: { format: "url", type: "string" } } }, title: "Squad", identifier: "squad" };
    expect(await blueprintLogic.diff("squad", outs, await checked(reordered))).toEqual({ changes: false });
  });

  it("finds a change, not a replacement, for a new title and for a new identifier", async () => {
    const { outs } = await blueprintLogic.create(client, await checked(squadSpec));
    expect(await blueprintLogic.diff("squad", outs, await checked({ ...squadSpec, title: "Team" }))).toEqual({ changes: true });
    expect(await blueprintLogic.diff("squad", outs, await checked({ ...squadSpec, identifier: "team" }))).toEqual({ changes: true });
  });

  it("renames the blueprint in place, keeping its entities, and reads and deletes it by its new identifier afterwards", async () => {
    const { id, outs } = await blueprintLogic.create(client, await checked(squadSpec));
    await createEntity(client, "squad", { identifier: "core" });
    const renamed = await checked({ ...squadSpec, identifier: "team" });
    expect(await blueprintLogic.diff(id, outs, renamed, () => client)).toEqual({ changes: true });
    emulator.resetStats();
    const { outs: after } = await blueprintLogic.update(client, id, outs, renamed);
    expect(emulator.stats().byRoute).toMatchObject({ "PUT /v1/blueprints/:id": 1 });
    expect(emulator.stats().byRoute["POST /v1/blueprints"]).toBeUndefined();
    expect(after.identifier).toBe("team");
    expect(await getBlueprint(client, "squad")).toBeUndefined();
    expect((await listEntities(client, "team")).map((e) => e.identifier)).toEqual(["core"]);
    // Pulumi keeps the first id ("squad"); the outputs carry the identifier Port has now.
    expect(await blueprintLogic.diff(id, after, renamed)).toEqual({ changes: false });
    const read = await blueprintLogic.read(client, id, after);
    expect(read.props?.identifier).toBe("team");
    await blueprintLogic.delete(client, id, { ...read.props, __allowDataLoss: { deleteWithEntities: true } });
    expect(await getBlueprint(client, "team")).toBeUndefined();
  });

  it("creates Port's catalog page with the blueprint unless createCatalogPage is false, which is never sent in the document", async () => {
    await blueprintLogic.create(client, await checked(squadSpec));
    expect((await getPage(client, "squads"))?.type).toBe("blueprint-entities");
    const { id, outs } = await blueprintLogic.create(client, await checked({ identifier: "crew", title: "Crew", createCatalogPage: false }));
    expect(await getPage(client, "crews")).toBeUndefined();
    expect(await getBlueprint(client, "crew")).not.toHaveProperty("createCatalogPage");
    expect(outs).not.toHaveProperty("createCatalogPage");
    // Used at creation only: changing it later changes nothing.
    expect(await blueprintLogic.diff(id, outs, await checked({ identifier: "crew", title: "Crew", createCatalogPage: true }))).toEqual({ changes: false });
  });

  it("keeps a property added in Port's UI and removes one the code stopped declaring", async () => {
    const spec = { ...squadSpec, schema: { properties: { slack: { type: "string" }, size: { type: "number" } } } };
    const { outs } = await blueprintLogic.create(client, await checked(spec));
    const inPort = (await getBlueprint(client, "squad"))!;
    await replaceBlueprint(client, "squad", {
      ...inPort,
      schema: { properties: { ...(inPort.schema as any).properties, addedInUi: { type: "boolean" } } },
    });
    const { props } = await blueprintLogic.read(client, "squad", outs);

    const withoutSize = await checked(squadSpec);
    expect(await blueprintLogic.diff("squad", props!, withoutSize)).toEqual({ changes: true });
    await blueprintLogic.update(client, "squad", props!, withoutSize);
    expect(Object.keys(((await getBlueprint(client, "squad"))!.schema as any).properties).sort()).toEqual(["addedInUi", "slack"]);
  });

  it("reads what Port holds, so refresh sees drift, and reports a deleted blueprint as gone", async () => {
    const { outs } = await blueprintLogic.create(client, await checked(squadSpec));
    await replaceBlueprint(client, "squad", { ...(await getBlueprint(client, "squad"))!, title: "Edited" });
    const read = await blueprintLogic.read(client, "squad", outs);
    expect(read.props?.title).toBe("Edited");
    expect(read.props?.managedKeys).toEqual(outs.managedKeys);
    await blueprintLogic.delete(client, "squad", outs);
    expect(await blueprintLogic.read(client, "squad", outs)).toEqual({});
  });

  it("treats deleting a blueprint that is already gone as done", async () => {
    await expect(blueprintLogic.delete(client, "never-existed", {})).resolves.toBeUndefined();
  });

  it("retries after injected 429 and 500 answers and then succeeds", async () => {
    emulator.setFaults({ failNext: { count: 1, status: 429 } });
    await blueprintLogic.create(client, await checked(squadSpec));
    emulator.setFaults({ failNext: { count: 2, status: 500 } });
    await blueprintLogic.update(client, "squad", (await blueprintLogic.read(client, "squad", {})).props!, await checked({ ...squadSpec, title: "T" }));
    expect((await getBlueprint(client, "squad"))?.title).toBe("T");
  });

  it("gives a clear error when Port refuses the blueprint with 422", async () => {
    const spec = await checked({ ...squadSpec, relations: { parent: { target: "does_not_exist" } } });
    const error = await blueprintLogic.create(client, spec).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.status).toBe(422);
    expect(error.method).toBe("POST");
    expect(error.path).toContain("/v1/blueprints");
    expect(error.message).toContain("does_not_exist");
  });

  it("fails check for bad input with the field and the fix, without any request", async () => {
    const result = await blueprintLogic.check({}, { identifier: "my service", title: "x", schema: { properties: {} } });
    expect(result.failures?.[0].property).toBe("identifier");
    expect(result.failures?.[0].reason).toContain('Blueprint "my service": field identifier:');
    expect(emulator.stats().requests).toBe(0);
  });
});

describe("Blueprint provider guard rails", () => {
  const sized = (type: "string" | "number") => ({ ...squadSpec, schema: { properties: { slack: { type: "string" }, size: { type } } } });
  const connect = () => client;
  const createBlueprintDirectly = async (spec: Record<string, unknown>) => blueprintLogic.create(client, await checked(spec));

  async function squadWithOneSizedEntity() {
    const { outs } = await blueprintLogic.create(client, await checked(sized("string")));
    await createEntity(client, "squad", { identifier: "core", properties: { size: "large" } });
    return outs;
  }

  it("refuses at preview to change the type of a property that holds values, naming the count", async () => {
    const outs = await squadWithOneSizedEntity();
    const error = await blueprintLogic.diff("squad", outs, await checked(sized("number")), connect).catch((e) => e);
    expect(error.message).toBe(
      'Blueprint "squad": field schema.properties.size.type: changing "string" to "number" drops the values of 1 entity (Port cannot change a property\'s type in place). ' +
        "Add a new property instead, or set allowDataLoss: { propertyTypeChanges: true } on the Blueprint.",
    );
  });

  it("changes the type when allowed, by dropping and re-adding the property", async () => {
    const outs = await squadWithOneSizedEntity();
    const news = { ...(await checked(sized("number"))), __allowDataLoss: { propertyTypeChanges: true } };
    expect(await blueprintLogic.diff("squad", outs, news, connect)).toEqual({ changes: true });
    await blueprintLogic.update(client, "squad", outs, news);
    expect(((await getBlueprint(client, "squad"))!.schema as any).properties.size).toEqual({ type: "number" });
  });

  it("refuses to remove a property that holds values unless allowed", async () => {
    const outs = await squadWithOneSizedEntity();
    const error = await blueprintLogic.diff("squad", outs, await checked(squadSpec), connect).catch((e) => e);
    expect(error.message).toContain('Blueprint "squad": field schema.properties.size: removing it deletes the values of 1 entity.');
    const allowed = { ...(await checked(squadSpec)), __allowDataLoss: { deletePropertiesWithData: true } };
    expect(await blueprintLogic.diff("squad", outs, allowed, connect)).toEqual({ changes: true });
  });

  it("applies allowDataLoss set on its own: a change without a write to Port, recorded so that the delete honours it", async () => {
    const outs = await squadWithOneSizedEntity();
    const allowed = { ...(await checked(sized("string"))), __allowDataLoss: { deleteWithEntities: true } };
    expect(await blueprintLogic.diff("squad", outs, allowed, connect)).toEqual({ changes: true });
    emulator.resetStats();
    const { outs: updated } = await blueprintLogic.update(client, "squad", outs, allowed);
    expect(emulator.stats().writes).toBe(0);
    expect(updated.__allowDataLoss).toEqual({ deleteWithEntities: true });
    expect(await blueprintLogic.diff("squad", updated, allowed, connect)).toEqual({ changes: false });
    await blueprintLogic.delete(client, "squad", updated);
    expect(await getBlueprint(client, "squad")).toBeUndefined();
  });

  it("deletes a blueprint with its entities through Port's all-entities route, resolving once Port's migration has ended", async () => {
    const outs = await squadWithOneSizedEntity();
    emulator.resetStats();
    await blueprintLogic.delete(client, "squad", { ...outs, __allowDataLoss: { deleteWithEntities: true } });
    expect(await getBlueprint(client, "squad")).toBeUndefined();
    const routes = emulator.stats().byRoute;
    expect(routes["DELETE /v1/blueprints/:id/all-entities"]).toBe(1);
    expect(routes["GET /v1/migrations/:id"]).toBeGreaterThanOrEqual(1);
    expect(routes["DELETE /v1/blueprints/:blueprint/entities/:id"]).toBeUndefined();
  });

  it("never deletes entities of other blueprints that require its entities: Port refuses, and every entity stays", async () => {
    const outs = await squadWithOneSizedEntity();
    await createBlueprintDirectly({ identifier: "member", title: "Member", relations: { squad: { target: "squad", required: true, many: false } } });
    await createEntity(client, "member", { identifier: "ann", relations: { squad: "core" } });
    await expect(blueprintLogic.delete(client, "squad", { ...outs, __allowDataLoss: { deleteWithEntities: true } })).rejects.toThrow(/other blueprints target it/);
    // Port deletes entities in order: once an entity deleted after the refusal is gone, any deletion started before it has run.
    await createEntity(client, "member", { identifier: "marker", relations: { squad: "core" } });
    await deleteEntity(client, "member", "marker");
    await eventually("the marker entity is gone", async () => (await getEntity(client, "member", "marker")) === undefined);
    expect(await getEntity(client, "member", "ann")).toBeDefined();
    expect(await getEntity(client, "squad", "core")).toBeDefined();
  });

  it("refuses to delete with its entities a blueprint that has required relations, naming them, before any delete request", async () => {
    await createBlueprintDirectly({ identifier: "team", title: "Team" });
    await createEntity(client, "team", { identifier: "core" });
    const { outs } = await createBlueprintDirectly({ ...squadSpec, relations: { team: { target: "team", required: true, many: false } } });
    await createEntity(client, "squad", { identifier: "alpha", relations: { team: "core" } });
    emulator.resetStats();
    await expect(blueprintLogic.delete(client, "squad", { ...outs, __allowDataLoss: { deleteWithEntities: true } })).rejects.toThrow(
      'Blueprint "squad" still has 1 entity, and Port deletes a blueprint\'s entities with it only when it has no required relations (required here: relations.team). ' +
        "Delete its entities first, or make those relations optional (and apply that) before removing it.",
    );
    expect(emulator.stats().writes).toBe(0);
  });

  it("refuses to delete a blueprint that still has entities, and deletes both when allowed", async () => {
    const outs = await squadWithOneSizedEntity();
    await expect(blueprintLogic.delete(client, "squad", outs)).rejects.toThrow(
      'Blueprint "squad" still has 1 entity, which deleting it would lose. Delete them first, or set allowDataLoss: { deleteWithEntities: true }',
    );
    expect(await getBlueprint(client, "squad")).toBeDefined();
    await blueprintLogic.delete(client, "squad", { ...outs, __allowDataLoss: { deleteWithEntities: true } });
    expect(await getBlueprint(client, "squad")).toBeUndefined();
  });
});

describe("Blueprint provider check of calculation properties", () => {
  it("compiles every calculation's JQ and names the field of one that does not compile", async () => {
    const result = await blueprintLogic.check(
      {},
      {
        ...squadSpec,
        calculationProperties: { label: { title: "Label", type: "string", calculation: ".identifier + " } },
      },
    );
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0].reason).toMatch(/^Blueprint "squad": field calculationProperties\.label\.calculation: JQ "\.identifier \+ " does not compile: /);
  });
});

describe("Blueprint relation guard rails", () => {
  const connect = () => client;
  const relation = { title: "Team", target: "team", required: false, many: false };
  const squadWith = (relations: Record<string, unknown>) => ({ ...squadSpec, relations });

  /** A team blueprint with one entity, and `squad` linking to it from one entity along `relationKey`, created by `step`. */
  async function squadLinkedAlong(relationKey: string, step: "blueprint" | "second step") {
    await blueprintLogic.create(client, await checked({ identifier: "team", title: "Team", schema: { properties: {} } }));
    await createEntity(client, "team", { identifier: "core" });
    const squad = await blueprintLogic.create(client, await checked(squadWith(step === "blueprint" ? { [relationKey]: relation } : {})));
    let second: Record<string, any> | undefined;
    if (step === "second step") {
      const spec = (await blueprintRelationsLogic.check({}, { blueprint: "squad", relations: { [relationKey]: relation } })).inputs!;
      second = (await blueprintRelationsLogic.create(client, spec)).outs;
    }
    await createEntity(client, "squad", { identifier: "alpha", relations: { [relationKey]: "core" } });
    return { squad: squad.outs, second };
  }

  it("refuses at preview to remove a relation entities link along, naming the count, unless allowed", async () => {
    const { squad } = await squadLinkedAlong("team", "blueprint");
    const error = await blueprintLogic.diff("squad", squad, await checked(squadWith({})), connect).catch((e) => e);
    expect(error.message).toBe(
      'Blueprint "squad": field relations.team: removing it deletes the links of 1 entity along it. Keep the relation, or set allowDataLoss: { deleteRelationsWithData: true } on the Blueprint.',
    );
    const allowed = { ...(await checked(squadWith({}))), __allowDataLoss: { deleteRelationsWithData: true } };
    expect(await blueprintLogic.diff("squad", squad, allowed, connect)).toEqual({ changes: true });
  });

  it("follows its blueprint's rename in place in the second step, then removes its relations on delete", async () => {
    const { squad, second } = await squadLinkedAlong("lead", "second step");
    const { outs: renamed } = await blueprintLogic.update(client, "squad", squad, await checked({ ...squadSpec, identifier: "crew" }));
    const news = (await blueprintRelationsLogic.check({}, { blueprint: "crew", relations: { lead: relation } })).inputs!;
    expect(await blueprintRelationsLogic.diff("squad#relations", second!, news, connect)).toEqual({ changes: true });
    const { outs } = await blueprintRelationsLogic.update(client, "squad#relations", second!, news);
    expect(outs.held).toEqual({ blueprint: "crew", relations: { lead: relation }, mirrorProperties: {}, aggregationProperties: {} });
    expect(await blueprintRelationsLogic.diff("squad#relations", outs, news, connect)).toEqual({ changes: false });
    expect((await blueprintRelationsLogic.read(client, "squad#relations", outs)).props?.held.blueprint).toBe("crew");
    await blueprintRelationsLogic.delete(client, "squad#relations", outs);
    expect((await getBlueprint(client, "crew"))?.relations).toEqual({});
    expect(renamed.identifier).toBe("crew");
  });

  it("refuses the same for a relation added in the second step, unless allowed", async () => {
    const { second } = await squadLinkedAlong("lead", "second step");
    const without = (await blueprintRelationsLogic.check({}, { blueprint: "squad", relations: {} })).inputs!;
    const error = await blueprintRelationsLogic.diff("squad#relations", second!, without, connect).catch((e) => e);
    expect(error.message).toContain('Blueprint "squad": field relations.lead: removing it deletes the links of 1 entity along it.');
    const allowed = (await blueprintRelationsLogic.check({}, { blueprint: "squad", relations: {}, __allowDataLoss: { deleteRelationsWithData: true } })).inputs!;
    expect(await blueprintRelationsLogic.diff("squad#relations", second!, allowed, connect)).toEqual({ changes: true });
  });
});
