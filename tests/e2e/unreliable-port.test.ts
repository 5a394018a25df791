import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { orgInventory } from "./org-inventory";
import { PreviewDigest, changingSteps, cleanCopy, collected, runCommand } from "./pulumi-stack";

// `npm run up` of the default portal as CI runs it, against an org given by credentials: through
// an API that faults a fifth of the calls (rate limits, 5xx, resets, slow answers, answers lost
// after the write), and killed mid-run then run again. Each ends with the org a fault-free run
// gives (nothing twice, nothing missing) and a preview with no change.
jest.setTimeout(900_000);

const credentials = { clientId: "unreliable", clientSecret: "unreliable-secret-7e21" };

describe("npm run up against an unreliable Port", () => {
  let project: string;
  let work: string;
  const emulators: RunningEmulator[] = [];
  let reference: string[];

  /** A fresh org (an emulator with its own state file) and the environment that points `npm run` at it, with its own Pulumi state. */
  async function org(name: string): Promise<{ emulator: RunningEmulator; stateFile: string; env: NodeJS.ProcessEnv }> {
    const stateFile = path.join(work, `${name}-org.json`);
    const emulator = await startEmulator({
      port: 0,
      stateFile,
      credentials: [credentials],
      integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
    });
    emulators.push(emulator);
    const { PULUMI_HOME: _home, PULUMI_CONFIG_PASSPHRASE: _passphrase, PORTAL_STACK: _stack, ...user } = process.env;
    const env = {
      ...user,
      PULUMI_BACKEND_URL: `file://${path.join(work, `${name}-state`)}`,
      PORT_BASE_URL: emulator.url,
      PORT_CLIENT_ID: credentials.clientId,
      PORT_CLIENT_SECRET: credentials.clientSecret,
    };
    return { emulator, stateFile, env };
  }

  /** The steps a refreshing preview of the dev stack would take now. */
  async function pendingChanges(env: NodeJS.ProcessEnv): Promise<string[]> {
    const preview = await runCommand(project, "npm run --silent pulumi -- preview --json --refresh --stack dev 2>/dev/null", env);
    expect([preview.code, preview.code === 0 ? "" : preview.out]).toEqual([0, ""]);
    // A refreshing preview lists a `refresh` step per resource; what differs shows as the steps after them.
    return changingSteps(JSON.parse(preview.out) as PreviewDigest)
      .filter((step) => step.op !== "refresh")
      .map((step) => `${step.op} ${step.urn.split("::").pop()}`);
  }

  beforeAll(async () => {
    project = cleanCopy();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "unreliable-port-"));
    const fine = await org("reference");
    const up = await runCommand(project, "npm run up", fine.env);
    expect([up.code, up.code === 0 ? "" : up.out]).toEqual([0, ""]);
    reference = orgInventory(fine.stateFile);
    expect(reference).toContain("blueprint:service");
  });

  afterAll(async () => {
    for (const emulator of emulators) await emulator.close();
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("converges in one up while a fifth of the calls fail, to the org a fault-free run gives, and previews no change after", async () => {
    const { emulator, stateFile, env } = await org("chaos");
    emulator.setFaults({ chaos: { rate: 0.2, seed: 20261130, delayMs: 3000 } });
    const up = await runCommand(project, "npm run up", env);
    const injected = emulator.faultCounts();
    console.log(`requests during up: ${emulator.stats().requests}; faults injected: ${JSON.stringify(injected)}`);
    expect([up.code, up.code === 0 ? "" : up.out]).toEqual([0, ""]);
    expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    emulator.clearFaults();
    expect(orgInventory(stateFile)).toEqual(reference);
    expect(await pendingChanges(env)).toEqual([]);
  });

  it("converges with the next npm run up alone after a run is killed mid-way", async () => {
    const { emulator, stateFile, env } = await org("killed");
    // A cancelled CI job: the whole process group (npm, the program, Pulumi and its plugins) gets SIGKILL.
    const first = spawn("bash", ["-c", "npm run up"], { cwd: project, env, detached: true });
    const firstDone = collected(first);
    while (emulator.stats().writes < 20) {
      if (first.exitCode !== null) throw new Error(`npm run up ended before it could be killed:\n${(await firstDone).out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.kill(-first.pid!, "SIGKILL");
    await firstDone;
    const killedAt = orgInventory(stateFile);
    console.log(`objects in the org when the run was killed: ${killedAt.length} of ${reference.length}`);
    expect(killedAt.length).toBeLessThan(reference.length);

    const next = await runCommand(project, "npm run up", env);
    expect([next.code, next.code === 0 ? "" : next.out]).toEqual([0, ""]);
    expect(next.out).toContain("Removed the lock of a run of stack dev that is gone");
    expect(orgInventory(stateFile)).toEqual(reference);
    expect(await pendingChanges(env)).toEqual([]);
  });
});
