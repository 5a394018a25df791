import { execFileSync } from "child_process";
import { orgBlueprints } from "../support/org-blueprints";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { getBlueprint, replaceBlueprint } from "../../kinds/blueprint/client";
import { createEntity, deleteEntity } from "../../kinds/entity/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { cleanCopy, runCommand } from "./pulumi-stack";

// The README's commands, typed as it writes them, in a clean copy of the project (what a fresh
// clone holds, with this checkout's node_modules linked in), against an org given by
// credentials (an emulator). Afterwards the copy's tree is as clean as it started.
jest.setTimeout(600_000);

const credentials = { clientId: "stack-commands", clientSecret: "stack-commands-secret" };

describe("The README's commands, as written, on a clean copy", () => {
  let emulator: RunningEmulator;
  let client: PortClient;
  let project: string;
  let env: NodeJS.ProcessEnv;

  const run = (command: string) => runCommand(project, command, env);

  beforeAll(async () => {
    project = cleanCopy();
    emulator = await startEmulator({
      port: 0,
      credentials: [credentials],
      integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
    });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    // The user's environment: Port credentials as the README says to give them, nothing of this test run's Pulumi settings.
    const { PULUMI_BACKEND_URL: _backend, PULUMI_HOME: _home, PULUMI_CONFIG_PASSPHRASE: _passphrase, PORTAL_STACK: _stack, ...user } = process.env;
    env = { ...user, PORT_BASE_URL: emulator.url, PORT_CLIENT_ID: credentials.clientId, PORT_CLIENT_SECRET: credentials.clientSecret };
    const up = await run("npm run up");
    expect([up.code, up.code === 0 ? "" : up.out]).toEqual([0, ""]);
  });

  afterAll(async () => {
    await emulator?.close();
    fs.rmSync(project, { recursive: true, force: true });
  });

  it("npm run preview shows a title changed in Port's UI, with its old and new value", async () => {
    const service = await getBlueprint(client, "service");
    await replaceBlueprint(client, "service", { ...service!, title: "Renamed in UI" });
    const preview = await run("npm run preview");
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/~ title\s*: "Service" => "Renamed in UI"|~ title\s*: "Renamed in UI" => "Service"/);
  });

  it("npm run preview:summary names the changed field and its old and new value", async () => {
    const out = path.join(os.tmpdir(), `summary-${process.pid}.md`);
    const summary = await run(`npm run preview:summary -- dev --out ${out}`);
    expect(summary.code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain('blueprint `service`: changes title from "Renamed in UI" to "Service"');
    fs.rmSync(out);
  });

  it("PORTAL_STACK=dev npm run up puts the code's value back", async () => {
    const up = await run("PORTAL_STACK=dev npm run up");
    expect(up.code).toBe(0);
    expect((await getBlueprint(client, "service"))?.title).toBe("Service");
  });

  it("npm run refresh and npm run pulumi -- stack ls run", async () => {
    expect((await run("npm run refresh")).code).toBe(0);
    const stacks = await run("npm run pulumi -- stack ls");
    expect(stacks.code).toBe(0);
    expect(stacks.out).toMatch(/^dev\*?\s/m);
  });

  it("npm run promote -- dev staging previews staging and applies nothing", async () => {
    emulator.resetStats();
    const promotion = await run("npm run promote -- dev staging");
    expect(promotion.out).toContain("## Promote dev -> staging");
    expect(emulator.stats().writes).toBe(0);
  });

  it("npm run roadmap and npm run docs run", async () => {
    const roadmap = await run("npm run roadmap");
    expect([roadmap.code, roadmap.code === 0 ? "" : roadmap.out]).toEqual([0, ""]);
    const docs = await run("npm run docs");
    expect([docs.code, docs.code === 0 ? "" : docs.out]).toEqual([0, ""]);
  });

  it("npm run destroy is refused before it changes anything while a blueprint holds an entity the stack does not manage", async () => {
    await createEntity(client, "service", { identifier: "made-in-ui", title: "Made in Port's UI" });
    emulator.resetStats();
    const refused = await run("npm run destroy");
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain("- deletes blueprint `service` and its 1 entity");
    expect(refused.out).toContain('Blueprint "service" still has 1 entity, which deleting it would lose.');
    expect(emulator.stats().writes).toBe(0);
    await deleteEntity(client, "service", "made-in-ui");
  });

  it("npm run destroy empties the org, and no command left a change in the project's tree", async () => {
    const destroy = await run("npm run destroy");
    expect([destroy.code, destroy.code === 0 ? "" : destroy.out]).toEqual([0, ""]);
    expect(await orgBlueprints(client)).toEqual([]);
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: project, encoding: "utf8" })).toBe("");
  });
});
