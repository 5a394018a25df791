import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { LOCAL_PASSPHRASE, REPO_ROOT } from "../../scripts/pulumi-env";
import { exportDir, portSteps, stackOfProgram, writesOf } from "./exported-program";
import { PulumiStack, collected } from "./pulumi-stack";

// The round trip of the issue, through the real CLI: the default portal comes up in an emulator
// org; the package's port-export command exports the org; the exported program, run as a fresh
// stack against the same org, previews adoptions only, adopts everything with no write to Port,
// previews no change after, and an edit to one scorecard rule previews exactly that change.
jest.setTimeout(600_000);

const credentials = { clientId: "export-default", clientSecret: "export-default-secret" };

describe("Exporting the default portal and adopting it as a new stack", () => {
  let emulator: RunningEmulator;
  let portal: PulumiStack;
  let exported: Awaited<ReturnType<typeof stackOfProgram>>;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      credentials: [credentials],
      integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
    });
    portal = new PulumiStack(REPO_ROOT, "dev-export");
    fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.dev.yaml"), path.join(REPO_ROOT, `Pulumi.${portal.stack}.yaml`));
    portal.env.PULUMI_CONFIG_PASSPHRASE = LOCAL_PASSPHRASE;
    await portal.ok(["stack", "init"]);
    await portal.ok(["config", "set", "port:baseUrl", emulator.url]);
    await portal.ok(["config", "set", "port:clientId", credentials.clientId]);
    await portal.ok(["config", "set", "--secret", "port:clientSecret", credentials.clientSecret]);
    await portal.ok(["up", "--yes", "--skip-preview"]);

    const dir = exportDir("default-portal");
    const bin = path.join(REPO_ROOT, "node_modules/@port-portal/pulumi/dist/exporter/main.js");
    // Spawned, not run synchronously: the emulator answers from this process.
    const run = await collected(
      spawn("node", [bin, "--out", dir, "--name", "exported-portal"], {
        env: { ...process.env, PORT_BASE_URL: emulator.url, PORT_CLIENT_ID: credentials.clientId, PORT_CLIENT_SECRET: credentials.clientSecret },
      }),
    );
    if (run.code !== 0) throw new Error(`port-export failed: ${run.out}`);
    exported = await stackOfProgram(dir, emulator, credentials);
  });

  afterAll(async () => {
    exported?.remove();
    portal?.remove();
    await emulator?.close();
  });

  it("writes a program per area that compiles under tsc", () => {
    expect(exported.files().filter((f) => f.endsWith(".ts"))).toEqual([
      "actions.ts",
      "blueprints.ts",
      "index.ts",
      "ingestion.ts",
      "pages.ts",
      "people.ts",
      "permissions.ts",
      "scorecards.ts",
    ]);
    exported.typecheck();
  });

  it("previews only adoptions, writing nothing", async () => {
    emulator.resetStats();
    const steps = portSteps(await exported.stack.previewJson());
    expect(steps.filter(([op, , adopt]) => !(op === "create" && adopt))).toEqual([]);
    expect(steps.length).toBeGreaterThan(40);
    expect(writesOf(emulator)).toEqual([]);
  });

  it("adopts everything on up with no write to Port, then previews no change", async () => {
    emulator.resetStats();
    await exported.stack.ok(["up", "--yes", "--skip-preview"]);
    expect(writesOf(emulator)).toEqual([]);
    expect(portSteps(await exported.stack.previewJson())).toEqual([]);
  });

  it("previews exactly the one scorecard rule edited in the exported code", async () => {
    const file = path.join(exported.dir, "scorecards.ts");
    const code = fs.readFileSync(file, "utf8");
    const edited = code.replace(/level: "Bronze"/, 'level: "Silver"');
    expect(edited).not.toBe(code);
    fs.writeFileSync(file, edited);
    expect(portSteps(await exported.stack.previewJson())).toEqual([["update", "Scorecard", false]]);
  });
});
