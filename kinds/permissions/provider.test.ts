import { PortClient } from "../../core/client/port-client";
import { createTeam } from "../team/client";
import { getActionPermissions, getBlueprintPermissions, updateBlueprintPermissions } from "./client";
import { inviteUser } from "../user/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { actionPermissionsKind, actionPermissionsLogic } from "./action-provider";
import { blueprintPermissionsKind, blueprintPermissionsLogic } from "./blueprint-provider";
import { permissionScopeLogic } from "./scope-logic";
import type { ResourceLogic } from "../../core/providers/resource-logic";
import { day2Action, startSeededEmulator, type SeededEmulator } from "../../tests/support/seeded-org";

// The BlueprintPermissions and ActionPermissions providers' logic against the emulator over real HTTP.
const credentials = { clientId: "provider-test", clientSecret: "provider-test-secret" };
const clientOf = (emulator: RunningEmulator) => new PortClient({ baseUrl: emulator.url, ...credentials, baseDelayMs: 5, maxDelayMs: 50 });

async function checked(logic: ResourceLogic, spec: Record<string, unknown>) {
  const result = await logic.check({}, spec);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

const editors = (roles: string[]) => ({ users: [], teams: [], roles, ownedByTeam: false });

describe("BlueprintPermissions provider", () => {
  let seeded: SeededEmulator;
  let client: PortClient;
  const logic = blueprintPermissionsLogic;

  beforeEach(async () => {
    seeded = await startSeededEmulator({ blueprints: ["service"] }, { credentials: [credentials], permissionDelayMs: 0 });
    client = clientOf(seeded.emulator);
    await createTeam(client, { name: "platform" });
    await inviteUser(client, { email: "ana@example.com" });
  });
  afterEach(() => seeded.close());

  const spec = {
    blueprint: "service",
    entities: {
      register: { teams: ["platform"], roles: ["Admin"], ownedByTeam: true },
      updateProperties: { $title: { users: ["ana@example.com"], roles: ["Member", "Admin"] } },
    },
  };

  it("patches only the blocks the code declares and remembers what Port held in them", async () => {
    const { id, outs } = await logic.create(client, await checked(logic, spec));
    expect(id).toBe("service");
    expect(outs.entities).toEqual({
      register: { users: [], teams: ["platform"], roles: ["Admin"], ownedByTeam: true },
      updateProperties: { $title: { users: ["ana@example.com"], teams: [], roles: ["Member", "Admin"], ownedByTeam: false } },
    });
    expect(outs.original).toEqual({ entities: { register: editors(["Admin", "service-moderator"]), updateProperties: { $title: editors(["Admin", "service-moderator"]) } } });
    const held = (await getBlueprintPermissions(client, "service"))!.entities as Record<string, any>;
    expect(held.unregister).toEqual(editors(["Admin", "service-moderator"]));
    expect(held.updateProperties.$identifier).toEqual(editors(["Admin", "service-moderator"]));
  });

  it("finds no change when users, teams and roles are listed in another order", async () => {
    const { outs } = await logic.create(client, await checked(logic, spec));
    const reordered = { ...spec, entities: { ...spec.entities, updateProperties: { $title: { roles: ["Admin", "Member"], users: ["ana@example.com"] } } } };
    expect(await logic.diff("service", outs, await checked(logic, reordered))).toEqual({ changes: false });
  });

  it("restores a block the code stops declaring to what Port held before", async () => {
    const { outs } = await logic.create(client, await checked(logic, spec));
    const onlyRegister = await checked(logic, { blueprint: "service", entities: { register: spec.entities.register } });
    expect(await logic.diff("service", outs, onlyRegister)).toEqual({ changes: true });
    const { outs: updated } = await logic.update(client, "service", outs, onlyRegister);
    expect(updated.original).toEqual({ entities: { register: editors(["Admin", "service-moderator"]) } });
    const held = (await getBlueprintPermissions(client, "service"))!.entities as Record<string, any>;
    expect(held.updateProperties.$title).toEqual(editors(["Admin", "service-moderator"]));
    expect(held.register.teams).toEqual(["platform"]);
  });

  it("puts every block it changed back on delete, and leaves the rest alone", async () => {
    await updateBlueprintPermissions(client, "service", { entities: { unregister: editors(["Admin"]) } });
    const { outs } = await logic.create(client, await checked(logic, spec));
    await logic.delete(client, "service", outs);
    const held = (await getBlueprintPermissions(client, "service"))!.entities as Record<string, any>;
    expect(held.register).toEqual(editors(["Admin", "service-moderator"]));
    expect(held.updateProperties.$title).toEqual(editors(["Admin", "service-moderator"]));
    expect(held.unregister).toEqual(editors(["Admin"]));
  });

  it("reads what Port holds in the declared blocks, so refresh sees drift", async () => {
    const { outs } = await logic.create(client, await checked(logic, spec));
    await updateBlueprintPermissions(client, "service", { entities: { register: { roles: ["Member"] } } });
    const { props } = await logic.read(client, "service", outs);
    expect(props?.entities.register.roles).toEqual(["Member"]);
    expect(props?.original).toEqual(outs.original);
    expect(await logic.diff("service", props!, await checked(logic, spec))).toEqual({ changes: true });
  });

  it("accepts read.policy null as Port answers it: no narrowing, left out of the PATCH, no change against a read without policy", async () => {
    const withNull = await checked(logic, { blueprint: "service", entities: { read: { roles: ["Admin"], policy: null } } });
    expect(withNull.entities.read).toEqual({ users: [], teams: [], roles: ["Admin"], ownedByTeam: false });
    const { outs } = await logic.create(client, withNull);
    expect(await logic.diff("service", outs, withNull)).toEqual({ changes: false });
    expect(
      await logic.diff(
        "service",
        { ...outs, entities: { read: { ...outs.entities.read, policy: null } } },
        await checked(logic, { blueprint: "service", entities: { read: { roles: ["Admin"] } } }),
      ),
    ).toEqual({
      changes: false,
    });
  });

  it("moves to another blueprint by replacement", async () => {
    const { outs } = await logic.create(client, await checked(logic, spec));
    expect(await logic.diff("service", outs, await checked(logic, { ...spec, blueprint: "api" }))).toEqual({ changes: true, replaces: ["blueprint"] });
  });

  it("fails check for a bad role, team and email with the field, without any request", async () => {
    seeded.emulator.resetStats();
    const result = await logic.check({}, { blueprint: "service", entities: { read: { roles: ["admin"], teams: ["a/b"], users: ["ana"] } } });
    expect(result.failures?.map((f) => f.property)).toEqual(["entities", "entities", "entities"]);
    expect(result.failures?.map((f) => f.reason.split(":")[0] + ":" + f.reason.split(":")[1])).toEqual([
      'BlueprintPermissions "service": field entities.read.users[0]',
      'BlueprintPermissions "service": field entities.read.teams[0]',
      'BlueprintPermissions "service": field entities.read.roles[0]',
    ]);
    expect(seeded.emulator.stats().requests).toBe(0);
  });
});

describe("Permission scopes that appear after their parent", () => {
  let emulator: RunningEmulator;
  afterEach(() => emulator.close());

  it("waits and retries while Port answers not_found for the scope, then patches it", async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials], permissionDelayMs: 0 });
    const client = clientOf(emulator);
    await client.request("POST", "/v1/blueprints", { body: { identifier: "service", title: "Service", schema: { properties: {} } } });
    // Three answers as Port gives them before the scope exists.
    emulator.setFaults({ failNext: { count: 3, status: 404, method: "GET", pathPrefix: "/v1/blueprints/service/permissions" } });
    emulator.resetStats();
    const logic = permissionScopeLogic(blueprintPermissionsKind, { timeoutMs: 20_000, firstDelayMs: 20, maxDelayMs: 50 });
    const { outs } = await logic.create(client, await checked(logic, { blueprint: "service", entities: { read: { roles: ["Admin"] } } }));
    expect(outs.entities.read.roles).toEqual(["Admin"]);
    expect(emulator.stats().byRoute["GET /v1/blueprints/:id/permissions"]).toBe(4);
    expect(emulator.stats().byRoute["PATCH /v1/blueprints/:id/permissions"]).toBe(1);
  });

  const started = async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials], permissionDelayMs: 0 });
    const client = clientOf(emulator);
    await client.request("POST", "/v1/blueprints", { body: { identifier: "service", title: "Service", schema: { properties: {} } } });
    emulator.resetStats();
    return client;
  };
  const readSpec = { blueprint: "service", entities: { read: { roles: ["Admin"] } } };
  const quick = { timeoutMs: 20_000, firstDelayMs: 20, maxDelayMs: 50 };

  it("repeats the PATCH while Port answers 404 for the scope, then patches it", async () => {
    const client = await started();
    emulator.setFaults({ failNext: { count: 2, status: 404, method: "PATCH", pathPrefix: "/v1/blueprints/service/permissions" } });
    const logic = permissionScopeLogic(blueprintPermissionsKind, quick);
    const { outs } = await logic.create(client, await checked(logic, readSpec));
    expect(outs.entities.read.roles).toEqual(["Admin"]);
    expect(emulator.stats().byRoute["PATCH /v1/blueprints/:id/permissions"]).toBe(3);
    expect(await getBlueprintPermissions(client, "service")).toMatchObject({ entities: { read: { roles: ["Admin"] } } });
  });

  it("repeats a GET and a PATCH that Port refuses until Port says ok, as Port's own client does", async () => {
    const client = await started();
    emulator.setFaults({ failNext: { count: 2, status: 400, method: "GET", pathPrefix: "/v1/blueprints/service/permissions" } });
    const logic = permissionScopeLogic(blueprintPermissionsKind, quick);
    const { outs } = await logic.create(client, await checked(logic, readSpec));
    emulator.setFaults({ failNext: { count: 2, status: 422, method: "PATCH", pathPrefix: "/v1/blueprints/service/permissions" } });
    await logic.update(client, "service", outs, await checked(logic, { blueprint: "service", entities: { read: { roles: ["Admin", "Member"] } } }));
    expect(emulator.stats().byRoute["GET /v1/blueprints/:id/permissions"]).toBe(4);
    expect(emulator.stats().byRoute["PATCH /v1/blueprints/:id/permissions"]).toBe(4);
    expect(await getBlueprintPermissions(client, "service")).toMatchObject({ entities: { read: { roles: ["Admin", "Member"] } } });
  });

  it("stops repeating a refused PATCH after the bound and throws Port's error", async () => {
    const client = await started();
    emulator.setFaults({ failNext: { count: 100, status: 422, method: "PATCH", pathPrefix: "/v1/blueprints/service/permissions" } });
    const logic = permissionScopeLogic(blueprintPermissionsKind, { ...quick, refusalRetries: 2 });
    const error = await logic.create(client, await checked(logic, readSpec)).catch((e) => e);
    expect(error).toMatchObject({ name: "PortApiError", status: 422, method: "PATCH", path: "/v1/blueprints/service/permissions" });
    expect(emulator.stats().byRoute["PATCH /v1/blueprints/:id/permissions"]).toBe(3);
  });

  it("gives up after the bound with a message naming the blueprint, without writing", async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials], permissionDelayMs: 600_000 });
    const client = clientOf(emulator);
    await client.request("POST", "/v1/blueprints", { body: { identifier: "service", title: "Service", schema: { properties: {} } } });
    emulator.resetStats();
    const logic = permissionScopeLogic(blueprintPermissionsKind, { timeoutMs: 300, firstDelayMs: 50, maxDelayMs: 100 });
    const error = await logic.create(client, await checked(logic, { blueprint: "service", entities: { read: { roles: ["Admin"] } } })).catch((e) => e);
    expect(error.message).toMatch(/^BlueprintPermissions "service": Port still has no permissions for blueprint "service" after 0\.3 s\. .*check that the blueprint exists/);
    expect(emulator.stats().writes).toBe(0);
  });
});

describe("ActionPermissions provider", () => {
  let seeded: SeededEmulator;
  let client: PortClient;
  const logic = actionPermissionsLogic;

  beforeEach(async () => {
    seeded = await startSeededEmulator({ blueprints: ["service"], actions: [day2Action("deploy", "service")] }, { credentials: [credentials], permissionDelayMs: 0 });
    client = clientOf(seeded.emulator);
    await createTeam(client, { name: "platform" });
  });
  afterEach(() => seeded.close());

  const policy = {
    queries: { owners: { combinator: "and", rules: [{ property: "$identifier", operator: "=", value: "{{ .trigger.user.email }}" }] } },
    conditions: [".results.owners.entities | length > 0"],
  };

  it("lets the owning team execute, with a policy, and leaves approve as Port holds it", async () => {
    const { outs } = await logic.create(client, await checked(logic, { action: "deploy", execute: { teams: ["platform"], ownedByTeam: true, policy } }));
    expect(outs.execute).toEqual({ users: [], teams: ["platform"], roles: [], ownedByTeam: true, policy });
    expect(outs.approve).toBeUndefined();
    expect((await getActionPermissions(client, "deploy"))!.approve).toEqual({ users: [], teams: [], roles: ["Admin"], policy: null });
  });

  it("clears the policy it added when it restores the original on delete", async () => {
    const { outs } = await logic.create(client, await checked(logic, { action: "deploy", execute: { teams: ["platform"], ownedByTeam: true, policy } }));
    await logic.delete(client, "deploy", outs);
    expect((await getActionPermissions(client, "deploy"))!.execute).toEqual({ users: [], teams: [], roles: ["Admin", "service-moderator"], ownedByTeam: false, policy: null });
  });

  it("finds no change for a null policy against none, and a change for another team", async () => {
    const { outs } = await logic.create(client, await checked(logic, { action: "deploy", execute: { roles: ["Member"] } }));
    expect(await logic.diff("deploy", outs, await checked(logic, { action: "deploy", execute: { roles: ["Member"], policy: null } }))).toEqual({ changes: false });
    expect(await logic.diff("deploy", outs, await checked(logic, { action: "deploy", execute: { roles: ["Member"], teams: ["platform"] } }))).toEqual({ changes: true });
  });

  it("fails check for a policy condition that jq cannot compile, naming the field", async () => {
    const bad = { ...policy, conditions: [".results.owners | length >"] };
    const result = await logic.check({}, { action: "deploy", approve: { roles: ["Admin"], policy: bad } });
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0].reason).toMatch(/^ActionPermissions "deploy": field approve\.policy\.conditions\[0\]: JQ ".results.owners \| length >" does not compile: /);
  });

  it("gives up on an action that does not exist once the bounded wait is over", async () => {
    const impatient = permissionScopeLogic(actionPermissionsKind, { timeoutMs: 100, firstDelayMs: 20, maxDelayMs: 50 });
    const error = await impatient.create(client, await checked(impatient, { action: "ghost", execute: { roles: ["Admin"] } })).catch((e) => e);
    expect(error.message).toContain('ActionPermissions "ghost": Port still has no permissions for action "ghost"');
  });
});
