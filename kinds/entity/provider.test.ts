import { PortApiError } from "../../core/client/errors";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint, getBlueprint, replaceBlueprint } from "../blueprint/client";
import { createEntity, getEntity, searchEntities } from "./client";
import { createTeam } from "../team/client";
import type { RunningEmulator } from "../../emulator/server";
import { useProviderEmulator } from "../../tests/support/provider-emulator";
import { entityLogic } from "./provider";

// The Entity provider's logic against the emulator over real HTTP.

let emulator: RunningEmulator;
let client: PortClient;

useProviderEmulator((e, c) => {
  emulator = e;
  client = c;
});

beforeEach(async () => {
  await createBlueprint(client, { identifier: "cluster", title: "Cluster", schema: { properties: {} } });
  await createBlueprint(client, {
    identifier: "environment",
    title: "Environment",
    schema: { properties: { type: { type: "string", enum: ["development", "production"] }, region: { type: "string" }, cost: { type: "number" } } },
    relations: { clusters: { target: "cluster", required: false, many: true } },
  });
  for (const identifier of ["eu-1", "eu-2"]) await createEntity(client, "cluster", { identifier });
  emulator.resetStats();
});

const production = {
  identifier: "production",
  blueprint: "environment",
  title: "Production",
  team: ["sre", "platform"],
  properties: { type: "production", region: "eu-west-1" },
  relations: { clusters: ["eu-2", "eu-1"] },
};

async function checked(spec: Record<string, unknown>) {
  const result = await entityLogic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

async function edit(change: (entity: Record<string, any>) => Record<string, any>) {
  const { createdAt, createdBy, updatedAt, updatedBy, blueprint, ...entity } = (await getEntity(client, "environment", "production"))!;
  await createEntity(client, "environment", change(entity), { upsert: true });
}

describe("Entity provider", () => {
  it("creates the entity, id <blueprint>/<identifier>, and records the keys the code manages", async () => {
    const { id, outs } = await entityLogic.create(client, await checked(production));
    expect(id).toBe("environment/production");
    expect(outs.managedKeys).toEqual({
      topLevel: ["blueprint", "identifier", "properties", "relations", "team", "title"],
      properties: ["region", "type"],
      relations: ["clusters"],
    });
    expect((await getEntity(client, "environment", "production"))?.properties).toEqual(production.properties);
  });

  it("finds no change when Port holds the entity, whatever the order of teams and many-relations", async () => {
    const { outs } = await entityLogic.create(client, await checked(production));
    await edit((entity) => ({ ...entity, team: ["platform", "sre"], relations: { clusters: ["eu-1", "eu-2"] } }));
    const { props } = await entityLogic.read(client, "environment/production", outs);
    expect(await entityLogic.diff("environment/production", props!, await checked(production))).toEqual({ changes: false });
  });

  it("finds a change for a new value and a replacement for a new identifier or blueprint", async () => {
    const { outs } = await entityLogic.create(client, await checked(production));
    const moved = await checked({ ...production, properties: { ...production.properties, region: "us-east-1" } });
    expect(await entityLogic.diff("environment/production", outs, moved)).toEqual({ changes: true });
    expect(await entityLogic.diff("environment/production", outs, await checked({ ...production, identifier: "prod" }))).toEqual({
      changes: true,
      replaces: ["identifier"],
    });
    expect(await entityLogic.diff("environment/production", outs, await checked({ ...production, blueprint: "stage" }))).toEqual({
      changes: true,
      replaces: ["blueprint"],
    });
  });

  it("keeps a property set in Port that the code never managed, and removes one the code stopped declaring", async () => {
    const { outs } = await entityLogic.create(client, await checked(production));
    await edit((entity) => ({ ...entity, icon: "Cloud", properties: { ...entity.properties, cost: 120 } }));
    const { props } = await entityLogic.read(client, "environment/production", outs);
    // Port's extra values alone are no change.
    expect(await entityLogic.diff("environment/production", props!, await checked(production))).toEqual({ changes: false });

    const withoutRegion = await checked({ ...production, properties: { type: "production" } });
    expect(await entityLogic.diff("environment/production", props!, withoutRegion)).toEqual({ changes: true });
    const { outs: updated } = await entityLogic.update(client, "environment/production", props!, withoutRegion);
    const after = (await getEntity(client, "environment", "production"))!;
    expect(after.properties).toEqual({ type: "production", cost: 120 });
    expect(after.icon).toBe("Cloud");
    expect(await entityLogic.diff("environment/production", updated, withoutRegion)).toEqual({ changes: false });
  });

  it("reads what Port holds, so refresh sees drift, and reports a deleted entity as gone", async () => {
    const { outs } = await entityLogic.create(client, await checked(production));
    await edit((entity) => ({ ...entity, title: "Prod (edited in Port)" }));
    const read = await entityLogic.read(client, "environment/production", outs);
    expect(read).toEqual({
      id: "environment/production",
      props: { ...production, title: "Prod (edited in Port)", managedKeys: outs.managedKeys },
    });
    expect(await entityLogic.diff("environment/production", read.props!, await checked(production))).toEqual({ changes: true });
    await entityLogic.delete(client, "environment/production", outs);
    expect(await entityLogic.read(client, "environment/production", outs)).toEqual({});
  });

  it("resolves a delete only once Port, which deletes in the background, no longer holds the entity", async () => {
    const { outs } = await entityLogic.create(client, await checked(production));
    const deleting = entityLogic.delete(client, "environment/production", outs);
    // The emulator keeps a deleted entity readable for its deletion delay, as Port does for a while.
    expect(await getEntity(client, "environment", "production")).toBeDefined();
    await deleting;
    expect(await getEntity(client, "environment", "production")).toBeUndefined();
  });

  it("updates in place, not replaces, an entity whose blueprint was renamed in place and took it along", async () => {
    const { outs } = await entityLogic.create(client, await checked(production));
    const { createdAt, createdBy, updatedAt, updatedBy, ...blueprint } = (await getBlueprint(client, "environment"))!;
    await replaceBlueprint(client, "environment", { ...blueprint, identifier: "env" });
    const renamed = await checked({ ...production, blueprint: "env" });
    expect(await entityLogic.diff("environment/production", outs, renamed, () => client)).toEqual({ changes: true });
    const { outs: updated } = await entityLogic.update(client, "environment/production", outs, renamed);
    expect(updated.blueprint).toBe("env");
    expect(await entityLogic.diff("environment/production", updated, renamed, () => client)).toEqual({ changes: false });
  });

  it("treats deleting an entity that is already gone as done", async () => {
    await expect(entityLogic.delete(client, "environment/never-existed", {})).resolves.toBeUndefined();
  });

  it("retries after injected 429 and 500 answers and then succeeds", async () => {
    emulator.setFaults({ failNext: { count: 1, status: 429 } });
    const { outs } = await entityLogic.create(client, await checked(production));
    emulator.setFaults({ failNext: { count: 2, status: 500 } });
    await entityLogic.update(client, "environment/production", outs, await checked({ ...production, title: "Prod" }));
    expect((await getEntity(client, "environment", "production"))?.title).toBe("Prod");
  });

  it("gives a clear error when Port refuses a value outside the property's enum", async () => {
    const error = await entityLogic.create(client, await checked({ ...production, properties: { type: "staging" } })).catch((e) => e);
    expect(error).toBeInstanceOf(PortApiError);
    expect(error.status).toBe(422);
    expect(error.message).toContain("/properties/type must be equal to one of the allowed values");
  });

  it("fails check for bad input with the field and the fix, without any request", async () => {
    const result = await entityLogic.check({}, { ...production, identifier: "prod env" });
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0].property).toBe("identifier");
    expect(result.failures![0].reason).toContain(`Entity "prod env": field identifier: must match Port's entity identifier pattern`);
    expect(emulator.stats().requests).toBe(0);
  });
  describe("owning teams in an org that keeps teams as _team entities", () => {
    beforeEach(async () => {
      await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: {} }, ownership: { type: "Direct" } });
      await createTeam(client, { name: "platform" });
    });
    const teamIdentifier = async () =>
      (await searchEntities(client, "_team", { combinator: "and", rules: [{ property: "$title", operator: "=", value: "platform" }] }))![0].identifier;
    const checkout = { identifier: "checkout", blueprint: "service", team: ["platform"] };

    it("sends a team named by name as its _team identifier, and finds no change against the identifier Port answers", async () => {
      const { outs } = await entityLogic.create(client, await checked(checkout));
      expect((await getEntity(client, "service", "checkout"))?.team).toEqual([await teamIdentifier()]);
      const { props } = await entityLogic.read(client, "service/checkout", outs);
      expect(await entityLogic.diff("service/checkout", props!, await checked(checkout))).toEqual({ changes: false });
    });

    it("resolves a single team name and keeps a value that already is an identifier", async () => {
      const identifier = await teamIdentifier();
      await entityLogic.create(client, await checked({ ...checkout, team: "platform" }));
      expect((await getEntity(client, "service", "checkout"))?.team).toBe(identifier);
      const { outs } = await entityLogic.create(client, await checked({ ...checkout, identifier: "search", team: [identifier] }));
      expect(outs.team).toEqual([identifier]);
    });

    it("resolves team names again on update, so a team added by name is written as its identifier", async () => {
      const { outs } = await entityLogic.create(client, await checked({ ...checkout, team: [] }));
      const withTeam = await checked(checkout);
      expect(await entityLogic.diff("service/checkout", outs, withTeam)).toEqual({ changes: true });
      const { outs: updated } = await entityLogic.update(client, "service/checkout", outs, withTeam);
      expect((await getEntity(client, "service", "checkout"))?.team).toEqual([await teamIdentifier()]);
      expect(await entityLogic.diff("service/checkout", updated, withTeam)).toEqual({ changes: false });
    });

    it("fails with Port's 422 naming a team that has no _team entity", async () => {
      const error = await entityLogic.create(client, await checked({ ...checkout, team: ["ghosts"] })).catch((e) => e);
      expect(error).toBeInstanceOf(PortApiError);
      expect(error.message).toContain('"ghosts" is not the identifier of a _team entity');
    });
  });
});
