import { PortClient } from "../../core/client/port-client";
import { orgBlueprints } from "../support/org-blueprints";
import { getBlueprint, replaceBlueprint } from "../../kinds/blueprint/client";
import { createEntity, deleteEntity, getEntity, listEntities } from "../../kinds/entity/client";
import { eventually } from "../support/eventually";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack, changedInputKeys, changingSteps } from "./pulumi-stack";

// The whole path through the real Pulumi CLI: our language host, the dynamic providers in
// Pulumi's provider process, real HTTP to the emulator, and file-backed state.
jest.setTimeout(240_000);

/** The blueprints the programs created: Port's system blueprints (`_user`, `_team`, ...) are left out. */
async function ownBlueprints(client: PortClient): Promise<string[]> {
  return orgBlueprints(client);
}

const CLIENT_ID = "e2e-client";
const CLIENT_SECRET = "e2e-very-secret-value-7f3a";

describe("Blueprint end to end", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    stack = new PulumiStack("blueprints");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "base" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("creates the blueprints in Port on up", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect((await ownBlueprints(client)).sort()).toEqual(["e2e_service", "e2e_squad"]);
    const service = await getBlueprint(client, "e2e_service");
    expect(service?.relations).toEqual({ squad: { title: "Squad", target: "e2e_squad", required: false, many: false } });
    expect(service?.schema).toEqual({
      properties: {
        language: { type: "string", title: "Language", enum: ["Go", "TypeScript"] },
        replicas: { type: "number", title: "Replicas", minimum: 1, default: 2 },
      },
      required: ["language"],
    });
  });

  it("previews no changes and makes no write request on a second preview", async () => {
    emulator.resetStats();
    const digest = await stack.previewJson();
    expect(changingSteps(digest)).toEqual([]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("previews exactly the one blueprint whose property changed in code", async () => {
    await stack.ok(["config", "set", "variant", "changed"]);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "service"]]);
    expect(changedInputKeys(steps[0])).toEqual(["schema"]);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const service = await getBlueprint(client, "e2e_service");
    expect((service?.schema as any).properties.language.enum).toEqual(["Go", "TypeScript", "Rust"]);
  });

  it("reports a change made directly through the API on refresh", async () => {
    const squad = await getBlueprint(client, "e2e_squad");
    await replaceBlueprint(client, "e2e_squad", { ...squad!, title: "Squad (edited in Port)" });
    const refresh = await stack.ok(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/~ pulumi-nodejs:dynamic\/port:Blueprint: \(update\)\s+\[id=e2e_squad\]/);
    expect(refresh.stdout).toMatch(/~ title\s*: "Squad" => "Squad \(edited in Port\)"/);
    expect(refresh.stdout).toMatch(/~ 1 updated/);
    // The code still says "Squad": the next preview proposes to restore it, and only it.
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "squad"]]);
  });

  it("leaves the emulator empty after destroy", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await ownBlueprints(client)).toEqual([]);
  });

  it("never writes the client secret in clear text to the state or the output", () => {
    expect(stack.runs.length).toBeGreaterThan(5);
    expect(stack.stateText()).not.toContain(CLIENT_SECRET);
    for (const run of stack.runs) {
      expect(run.stdout).not.toContain(CLIENT_SECRET);
      expect(run.stderr).not.toContain(CLIENT_SECRET);
    }
  });
});

describe("Deleting a blueprint that has entities, as the refusal says to", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    stack = new PulumiStack("blueprints", "archive");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, archive: "keep" }, { "port:clientSecret": CLIENT_SECRET });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    await createEntity(client, "e2e_archive", { identifier: "old", title: "Old" });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("refuses to remove it from the code, naming the entity count and allowDataLoss", async () => {
    await stack.ok(["config", "set", "archive", "remove"]);
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toContain('Blueprint "e2e_archive" still has 1 entity, which deleting it would lose.');
    expect(up.stdout + up.stderr).toContain("set allowDataLoss: { deleteWithEntities: true } on the Blueprint (and apply that) before removing it");
    expect(await getBlueprint(client, "e2e_archive")).toBeDefined();
  });

  it("applies allowDataLoss on its own as an update that writes nothing to Port", async () => {
    await stack.ok(["config", "set", "archive", "allow"]);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "archive"]]);
    emulator.resetStats();
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(emulator.stats().writes).toBe(0);
  });

  it("then deletes the blueprint and its entities when it is removed from the code", async () => {
    await stack.ok(["config", "set", "archive", "remove"]);
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(await getBlueprint(client, "e2e_archive")).toBeUndefined();
  });
});

describe("Renaming a blueprint that has entities", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    client = new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    stack = new PulumiStack("blueprints", "rename");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "base" }, { "port:clientSecret": CLIENT_SECRET });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    await createEntity(client, "e2e_squad", { identifier: "core", title: "Core" });
    await createEntity(client, "e2e_service", { identifier: "api", properties: { language: "Go" }, relations: { squad: "core" } });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("previews a new identifier as updates, replacing nothing", async () => {
    await stack.ok(["config", "set", "squadIdentifier", "e2e_team"]);
    const steps = changingSteps(await stack.previewJson());
    expect(steps.map((s) => s.op)).not.toHaveLength(0);
    expect(new Set(steps.map((s) => s.op))).toEqual(new Set(["update"]));
    expect(steps.map((s) => s.urn.split("::").pop())).toContain("squad");
  });

  it("renames the blueprint in place on up, keeping its entities and the relations that point at them", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(await getBlueprint(client, "e2e_squad")).toBeUndefined();
    expect((await listEntities(client, "e2e_team")).map((e) => e.identifier)).toEqual(["core"]);
    expect((await getBlueprint(client, "e2e_service"))?.relations).toEqual({ squad: { title: "Squad", target: "e2e_team", required: false, many: false } });
    expect((await getEntity(client, "e2e_service", "api"))?.relations).toEqual({ squad: "core" });
  });

  it("then previews no change", async () => {
    expect(changingSteps(await stack.previewJson())).toEqual([]);
  });

  it("destroys cleanly once the entities made outside the code are deleted", async () => {
    await deleteEntity(client, "e2e_service", "api");
    await deleteEntity(client, "e2e_team", "core");
    await eventually("the entities are gone", async () => (await listEntities(client, "e2e_service")).length + (await listEntities(client, "e2e_team")).length === 0);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await ownBlueprints(client)).toEqual([]);
  });
});

describe("Blueprint input errors", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    stack = new PulumiStack("blueprints", "invalid");
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, variant: "invalid" }, { "port:clientSecret": CLIENT_SECRET });
  });

  afterAll(async () => {
    stack?.remove();
    await emulator?.close();
  });

  it("fails at preview naming the resource, the field and the fix, without calling Port", async () => {
    emulator.resetStats();
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain('Blueprint "bad": field identifier:');
    expect(output).toContain('Blueprint "bad": field schema.properties.port.type: "strng" is not a property type');
    expect(output).toContain('Blueprint "bad": field relations.owner.target: blueprint "teem" is not declared in this stack.');
    expect(output).toContain("nothing was applied");
    expect(emulator.stats().requests).toBe(0);
  });
});
