import * as fs from "fs";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "../../kinds/blueprint/client";
import { createPage, updatePagePermissions } from "../../kinds/page/client";
import { getBlueprintPermissions, updateBlueprintPermissions } from "../../kinds/permissions/client";
import { createTeam, listTeams } from "../../kinds/team/client";
import { inviteUser, listUsers, userRoleNames, userTeamNames } from "../../kinds/user/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { exportedStack, portSteps, writesOf } from "./exported-program";

// An org's teams, users and permissions, made by hand through the API, exported to a program and
// run as a new stack against the same org through the real CLI. Pages are left out of the export,
// so the dashboard's permissions name it by identifier (a page managed elsewhere).
jest.setTimeout(300_000);

const credentials = { clientId: "export-people", clientSecret: "export-people-secret" };

describe("Exporting an org's teams, users and permissions", () => {
  let emulator: RunningEmulator;
  let exported: Awaited<ReturnType<typeof exportedStack>>;
  let client: PortClient;
  const read = (file: string) => fs.readFileSync(path.join(exported.dir, file), "utf8");

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials], permissionDelayMs: 0 });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    await createBlueprint(client, { identifier: "service", title: "Service", schema: { properties: { language: { type: "string", title: "Language" } }, required: [] } });
    await createTeam(client, { name: "platform", description: "Runs the platform" });
    await createTeam(client, { name: "security" });
    await inviteUser(client, { email: "ana@example.com", roles: ["Member"], teams: ["platform"] }, { notify: false });
    await inviteUser(client, { email: "bo@example.com", roles: ["Member", "service-moderator"] }, { notify: false });
    await updateBlueprintPermissions(client, "service", {
      entities: {
        register: { users: ["ana@example.com"], teams: ["platform"], roles: ["Admin"], ownedByTeam: false },
        updateProperties: { language: { users: [], teams: ["security"], roles: ["Admin"], ownedByTeam: true } },
      },
    });
    await createPage(client, { identifier: "overview", type: "dashboard", title: "Overview", widgets: [] });
    await updatePagePermissions(client, "overview", { read: { users: ["bo@example.com"], roles: ["Admin"], teams: ["platform"] } });
    exported = await exportedStack(emulator, credentials, { name: "export-permissions", kinds: new Set(["blueprints", "teams", "users", "permissions"]) });
  });

  afterAll(async () => {
    exported?.remove();
    await emulator?.close();
  });

  it("writes a program that compiles under tsc with its own tsconfig", () => {
    expect(exported.files()).toEqual(["Pulumi.yaml", "blueprints.ts", "index.ts", "package.json", "people.ts", "permissions.ts", "tsconfig.json"]);
    exported.typecheck();
  });

  it("names teams, users and the blueprint by their variables, and the page it does not declare by identifier", () => {
    const people = read("people.ts");
    expect(people).toContain('const platform = new Team("platform", { name: "platform", description: "Runs the platform" }, options);');
    expect(people).toContain('new User("ana@example.com", { email: "ana@example.com", roles: ["Member"], teams: [platform] }, options);');
    expect(people).toContain('new User("bo@example.com", { email: "bo@example.com", roles: ["Member", "service-moderator"], teams: [] }, options);');
    const permissions = read("permissions.ts");
    expect(permissions).toContain("blueprint: blueprints.service,");
    expect(permissions).toContain('register: { users: [people.anaExampleCom], teams: [people.platform], roles: ["Admin"], ownedByTeam: false },');
    expect(permissions).toContain('language: { users: [], teams: [people.security], roles: ["Admin"], ownedByTeam: true },');
    expect(permissions).toContain('page: "overview",');
    expect(permissions).toContain('read: { users: [people.boExampleCom], roles: ["Admin"], teams: [people.platform] },');
    // Port's own pages (home, the service's catalog and entity pages) hold Port's defaults: not declared.
    expect(permissions.match(/new PagePermissions\(/g)).toHaveLength(1);
  });

  it("previews every object as an adoption, writing nothing", async () => {
    emulator.resetStats();
    const steps = portSteps(await exported.stack.previewJson());
    expect(steps.every(([op, , adopt]) => op === "create" && adopt)).toBe(true);
    expect(steps.map(([, kind]) => kind).sort()).toEqual(["Blueprint", "BlueprintPermissions", "PagePermissions", "Team", "Team", "User", "User"]);
    expect(writesOf(emulator)).toEqual([]);
  });

  // Users and blueprint permissions have no adoption of their own: their create always PATCHes what the
  // code declares (kinds/user/provider.ts, kinds/permissions/scope-logic.ts). The exported code equals
  // what Port holds, so those PATCHes change nothing, which is what this proves; the rest writes nothing.
  it("adopts them on up with no write to Port, then previews no change", async () => {
    // Who has which roles and teams, and the blueprint's permissions.
    const held = async () => ({
      users: (await listUsers(client)).map((user) => ({ email: user.email, roles: userRoleNames(user), teams: userTeamNames(user) })),
      teams: await listTeams(client),
      service: await getBlueprintPermissions(client, "service"),
    });
    const before = await held();
    emulator.resetStats();
    await exported.stack.ok(["up", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual([]);
    expect(await held()).toEqual(before);
    expect(portSteps(await exported.stack.previewJson())).toEqual([]);
  });
});
