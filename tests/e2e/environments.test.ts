import * as fs from "fs";
import { orgBlueprints } from "../support/org-blueprints";
import * as os from "os";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { getAction } from "../../kinds/action/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { REPO_ROOT, runPulumi } from "../../scripts/pulumi-env";
import { PulumiStack, changingSteps, runScript } from "./pulumi-stack";

// The project's own program, one stack per environment, two emulators as two Port orgs.
jest.setTimeout(400_000);

const credentials = { clientId: "env-test", clientSecret: "env-test-secret-91c2" };

function orgClient(emulator: RunningEmulator) {
  return new PortClient({ baseUrl: emulator.url, ...credentials });
}

/** The default portal's blueprints. */
const BLUEPRINTS = ["api", "deployment", "environment", "incident", "repository", "service", "vulnerability"];

async function notificationUrlIn(emulator: RunningEmulator): Promise<unknown> {
  return ((await getAction(orgClient(emulator), "notify_service_changes")) as any)?.invocationMethod?.url;
}

async function identifiersIn(emulator: RunningEmulator): Promise<string[]> {
  return orgBlueprints(orgClient(emulator));
}

/** Runs `npm run promote`'s script with the test's backend; resolves with its exit code and output. */
function promote(from: PulumiStack, to: { stack: string }): Promise<{ code: number; out: string }> {
  return runScript("scripts/promote.ts", [from.stack, to.stack], from.env);
}

describe("Stacks per environment", () => {
  let orgA: RunningEmulator;
  let orgB: RunningEmulator;
  let backend: { stateDir: string; home: string };
  const stacks: PulumiStack[] = [];

  const stackFor = async (name: string, org: RunningEmulator, config: Record<string, string>) => {
    const stack = new PulumiStack(REPO_ROOT, name, backend);
    stacks.push(stack);
    await stack.init({ "port:baseUrl": org.url, "port:clientId": credentials.clientId, ...config }, { "port:clientSecret": credentials.clientSecret });
    return stack;
  };

  beforeAll(async () => {
    orgA = await startEmulator({ port: 0, credentials: [credentials] });
    orgB = await startEmulator({ port: 0, credentials: [credentials] });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-envs-"));
    backend = { stateDir: path.join(tmp, "state"), home: path.join(tmp, "home") };
  });

  afterAll(async () => {
    for (const stack of stacks.reverse()) {
      await stack.run(["destroy", "--yes", "--skip-preview"]);
      stack.remove();
    }
    await orgA?.close();
    await orgB?.close();
  });

  it("promotes dev to staging: shows staging's changes and config, fails on missing config, applies nothing", async () => {
    const dev = await stackFor("dev", orgA, { "port-portal:environment": "dev" });
    await dev.ok(["config", "set", "--path", "port-portal:urls.notificationWebhook", "https://hooks.example.com/dev"]);
    await dev.ok(["up", "--yes", "--skip-preview"]);
    expect(await identifiersIn(orgA)).toEqual(BLUEPRINTS);

    const staging = await stackFor("staging", orgB, { "port-portal:environment": "staging" });
    const lacking = await promote(dev, staging);
    expect(lacking.code).toBe(1);
    expect(lacking.out).toContain("- `port-portal:urls`: run `pulumi config set port-portal:urls <value> --stack staging-");
    expect(await identifiersIn(orgB)).toEqual([]);

    await staging.ok(["config", "set", "--path", "port-portal:urls.notificationWebhook", "https://hooks.example.com/staging"]);
    const promotion = await promote(dev, staging);
    expect(promotion.code).toBe(0);
    expect(promotion.out).toMatch(/### staging-\d+: \d+ to add, 0 to change, 0 to replace, 0 to delete/);
    for (const line of [
      "- adds blueprint `service` (Service)",
      "- adds scorecard `service/production_readiness`",
      "- adds dashboard `developers`",
      "- adds action `scaffold_service`",
      "- adds automation `notify_service_changes`",
    ]) {
      expect(promotion.out).toContain(line);
    }
    expect(promotion.out).toContain("| `port-portal:urls` |");
    expect(promotion.out).not.toContain(credentials.clientSecret);
    expect(await identifiersIn(orgB)).toEqual([]);
  });

  it("promoting to a stack the backend lacks previews it, then leaves no stack behind and its config file byte for byte as it was", async () => {
    const dev = stacks.find((s) => s.stack.startsWith("dev"))!;
    const target = `promo-${process.pid}`;
    const stackFile = path.join(REPO_ROOT, `Pulumi.${target}.yaml`);
    const committed = "config:\n  port-portal:environment: staging\n  port-portal:urls:\n    notificationWebhook: https://hooks.example.com/promo\n";
    fs.writeFileSync(stackFile, committed);
    try {
      const promotion = await promote(dev, { stack: target });
      expect(promotion.out).toMatch(new RegExp(`### ${target}: \\d+ to add, 0 to change`));
      expect(fs.readFileSync(stackFile, "utf8")).toBe(committed);
      const listed = await runPulumi(["stack", "ls", "--json"], { cwd: REPO_ROOT, env: dev.env });
      expect((JSON.parse(listed.stdout) as { name: string }[]).map((s) => s.name)).not.toContain(target);
    } finally {
      fs.rmSync(stackFile, { force: true });
      fs.rmSync(path.join(REPO_ROOT, ".portal-local", `emulator-${target}.json`), { force: true });
    }
  });

  it("brings staging up in its own org with the same portal", async () => {
    const staging = stacks.find((s) => s.stack.startsWith("staging"))!;
    await staging.ok(["up", "--yes", "--skip-preview"]);
    expect(await identifiersIn(orgB)).toEqual(await identifiersIn(orgA));
    expect(changingSteps(await staging.previewJson())).toEqual([]);
    // The same portal, each org with its own stack's config values.
    expect(await notificationUrlIn(orgA)).toBe("https://hooks.example.com/dev");
    expect(await notificationUrlIn(orgB)).toBe("https://hooks.example.com/staging");
  });

  it("lets a prefixed stack share dev's org without touching dev's objects", async () => {
    // Team names are per-stack config: in a shared org each stack names its own teams.
    const shared = await stackFor("shared", orgA, { "port-portal:environment": "staging", "port-portal:identifierPrefix": "stg_" });
    await shared.ok(["config", "set", "--path", "port-portal:teams.platform", "stg-platform"]);
    await shared.ok(["config", "set", "--path", "port-portal:teams.product", "stg-product"]);
    await shared.ok(["up", "--yes", "--skip-preview"]);
    expect(await identifiersIn(orgA)).toEqual([...BLUEPRINTS, ...BLUEPRINTS.map((b) => `stg_${b}`)].sort());
    expect(await getAction(orgClient(orgA), "stg_scaffold_service")).toBeDefined();
    const dev = stacks.find((s) => s.stack.startsWith("dev"))!;
    expect(changingSteps(await dev.previewJson())).toEqual([]);
  });

  it("fails at once on a stack with no config at all, with the config check's message", async () => {
    const bare = new PulumiStack(REPO_ROOT, "bare", backend);
    stacks.push(bare);
    await bare.init({});
    const preview = await bare.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain(`The config of stack ${bare.stack} is invalid:`);
    expect(output).toContain(`port-portal:environment: `);
    expect(output).not.toContain("Cannot convert undefined or null to object");
  });

  it("fails at preview on a bad stack config value, naming the key and the fix", async () => {
    const dev = stacks.find((s) => s.stack.startsWith("dev"))!;
    await dev.ok(["config", "set", "port-portal:identifierPrefix", "has space"]);
    const preview = await dev.run(["preview"]);
    await dev.ok(["config", "rm", "port-portal:identifierPrefix"]);
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain(
      "port-portal:identifierPrefix: must be 1-20 letters, digits, _ or - (it becomes part of every Port identifier). Fix: pulumi config set port-portal:identifierPrefix <value> --stack dev-",
    );
  });
});
