import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { blueprintBody, Harness, problemPaths } from "./emulator-harness";

const serviceWithRelation = () =>
  blueprintBody("service", {
    schema: { properties: { language: { type: "string" } }, required: [] },
    relations: { system: { target: "system", required: false, many: false } },
  });

describe("Port emulator blueprint permissions", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start({ permissionDelayMs: 0 });
    await h.post("/v1/blueprints", blueprintBody("system"));
    await h.post("/v1/blueprints", serviceWithRelation());
  });
  afterEach(() => h.close());

  it("holds Port's defaults until patched: moderators and admins edit, members read, a block per property, meta-property and relation", async () => {
    const res = await h.get("/v1/blueprints/service/permissions");
    expect(res.status).toBe(200);
    const editors = { users: [], teams: [], roles: ["Admin", "service-moderator"], ownedByTeam: false };
    expect(res.body.permissions).toEqual({
      entities: {
        read: { users: [], teams: [], roles: ["Admin", "Member", "service-moderator"], ownedByTeam: false },
        register: editors,
        update: editors,
        unregister: editors,
        updateProperties: { language: editors, $identifier: editors, $title: editors, $icon: editors, $team: editors },
        updateRelations: { system: editors },
      },
    });
  });

  it("PATCH replaces the fields of the blocks it names and keeps every other block", async () => {
    await h.post("/v1/teams", { name: "platform" });
    const res = await h.patch("/v1/blueprints/service/permissions", {
      entities: {
        register: { users: [], teams: ["platform"], roles: ["Admin"], ownedByTeam: true },
        updateProperties: { language: { users: [], teams: [], roles: ["Member"], ownedByTeam: false } },
      },
    });
    expect(res.status).toBe(200);
    const entities = (await h.get("/v1/blueprints/service/permissions")).body.permissions.entities;
    expect(entities.register).toEqual({ users: [], teams: ["platform"], roles: ["Admin"], ownedByTeam: true });
    expect(entities.updateProperties.language.roles).toEqual(["Member"]);
    expect(entities.updateProperties.$title.roles).toEqual(["Admin", "service-moderator"]);
    expect(entities.unregister.roles).toEqual(["Admin", "service-moderator"]);
    expect(res.body.permissions).toEqual({ entities });
  });

  it("refuses users, teams and roles that do not exist, naming each, and changes nothing", async () => {
    const res = await h.patch("/v1/blueprints/service/permissions", {
      entities: { read: { users: ["ghost@example.com"], teams: ["ghosts"], roles: ["api-moderator"], ownedByTeam: false } },
    });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/entities/read/users/0", "/entities/read/teams/0", "/entities/read/roles/0"]);
    expect(res.body.message).toContain('team "ghosts" does not exist');
    expect(res.body.message).toContain('role "api-moderator" does not exist');
    expect((await h.get("/v1/blueprints/service/permissions")).body.permissions.entities.read.users).toEqual([]);
  });

  it("refuses per-property and per-relation blocks for keys the blueprint does not have", async () => {
    const block = { users: [], teams: [], roles: ["Admin"], ownedByTeam: false };
    const res = await h.patch("/v1/blueprints/service/permissions", { entities: { updateProperties: { lang: block }, updateRelations: { owner: block } } });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/entities/updateProperties/lang", "/entities/updateRelations/owner"]);
  });

  it("answers 404 for a blueprint that does not exist", async () => {
    const res = await h.get("/v1/blueprints/ghost/permissions");
    expect(res.status).toBe(404);
    expect(res.body.details).toMatchObject({ resource: "Blueprint", withValue: "ghost" });
  });

  it("starts a recreated blueprint from the defaults, not from its predecessor's permissions", async () => {
    await h.patch("/v1/blueprints/system/permissions", { entities: { read: { roles: ["Admin"] } } });
    await h.delete("/v1/blueprints/service");
    await h.delete("/v1/blueprints/system");
    await h.post("/v1/blueprints", blueprintBody("system"));
    expect((await h.get("/v1/blueprints/system/permissions")).body.permissions.entities.read.roles).toEqual(["Admin", "Member", "system-moderator"]);
  });
});

describe("Port emulator permission scopes appear after their parent", () => {
  it("answers 404 not_found for the scope until the delay after the blueprint's creation has passed", async () => {
    const h = await Harness.start({ permissionDelayMs: 600_000 });
    try {
      await h.post("/v1/blueprints", blueprintBody("service"));
      const early = await h.get("/v1/blueprints/service/permissions");
      expect(early.status).toBe(404);
      expect(early.body).toMatchObject({ error: "not_found", details: { resource: "BlueprintPermissions", withValue: "service" } });
      expect((await h.patch("/v1/blueprints/service/permissions", { entities: {} })).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it("serves the scope once the delay has passed", async () => {
    const h = await Harness.start({ permissionDelayMs: 200 });
    try {
      await h.post("/v1/blueprints", blueprintBody("service"));
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        status = (await h.get("/v1/blueprints/service/permissions")).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe("Port emulator action permission scopes appear after their action", () => {
  it("answers 404 to both GET and PATCH of the scope until the delay has passed, then ok to both", async () => {
    const h = await Harness.start({ permissionDelayMs: 300 });
    try {
      await h.post("/v1/blueprints", blueprintBody("service"));
      const action = {
        identifier: "deploy",
        title: "Deploy",
        trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: "service", userInputs: { properties: {} } },
        invocationMethod: { type: "KAFKA" },
      };
      expect((await h.post("/v1/actions", action)).status).toBeLessThan(300);
      expect((await h.get("/v1/actions/deploy/permissions")).status).toBe(404);
      expect((await h.patch("/v1/actions/deploy/permissions", { execute: { roles: ["Admin"] } })).status).toBe(404);
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        status = (await h.get("/v1/actions/deploy/permissions")).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(200);
      expect((await h.patch("/v1/actions/deploy/permissions", { execute: { roles: ["Admin"] } })).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe("Port emulator action permissions", () => {
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    // Actions belong to another kind's routes; the org is seeded through the state file instead.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-action-permissions-"));
    const stateFile = path.join(dir, "state.json");
    const createdAt = new Date(Date.now() - 60_000).toISOString();
    const service = { ...blueprintBody("service"), createdAt, updatedAt: createdAt, createdBy: "x", updatedBy: "x" };
    const deploy = {
      identifier: "deploy",
      title: "Deploy",
      trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: "service", userInputs: { properties: {} } },
      invocationMethod: { type: "KAFKA" },
      createdAt,
    };
    fs.writeFileSync(stateFile, JSON.stringify({ version: 1, blueprints: [service], entities: [], collections: { actions: [["deploy", deploy]] } }));
    h = await Harness.start({ stateFile, permissionDelayMs: 0 });
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds Port's defaults: admins and the blueprint's moderators execute, admins approve", async () => {
    const res = await h.get("/v1/actions/deploy/permissions");
    expect(res.body.permissions).toEqual({
      execute: { users: [], teams: [], roles: ["Admin", "service-moderator"], ownedByTeam: false, policy: null },
      approve: { users: [], teams: [], roles: ["Admin"], policy: null },
    });
  });

  it("PATCH sets owned-by-team execution with a policy and keeps approve", async () => {
    await h.post("/v1/teams", { name: "platform" });
    const policy = { queries: { owners: { combinator: "and", rules: [] } }, conditions: [".results.owners.entities | length > 0"] };
    const res = await h.patch("/v1/actions/deploy/permissions", { execute: { users: [], teams: ["platform"], roles: [], ownedByTeam: true, policy } });
    expect(res.status).toBe(200);
    expect(res.body.permissions.execute).toEqual({ users: [], teams: ["platform"], roles: [], ownedByTeam: true, policy });
    expect(res.body.permissions.approve.roles).toEqual(["Admin"]);
  });

  it("refuses ownedByTeam on approve, a malformed policy, and a role that does not exist", async () => {
    const res = await h.patch("/v1/actions/deploy/permissions", {
      execute: { roles: ["deploy-moderator"], policy: { conditions: "true" } },
      approve: { ownedByTeam: true },
    });
    expect(res.status).toBe(422);
    expect(problemPaths(res.body)).toEqual(["/execute/roles/0", "/execute/policy/queries", "/execute/policy/conditions", "/approve/ownedByTeam"]);
  });

  it("answers 404 for an action that does not exist", async () => {
    const res = await h.get("/v1/actions/ghost/permissions");
    expect(res.status).toBe(404);
    expect(res.body.details).toMatchObject({ resource: "Action", withValue: "ghost" });
  });
});
