import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { getAction } from "../../kinds/action/client";
import { getBlueprint } from "../../kinds/blueprint/client";
import { getScorecard } from "../../kinds/scorecard/client";
import { REPO_ROOT } from "../../scripts/pulumi-env";
import { orgBlueprints } from "../support/org-blueprints";
import { PulumiStack, changingSteps } from "./pulumi-stack";

// The package as a team uses it: packed with `npm pack`, installed from the tarball into a Pulumi
// project of its own outside this repository (a package.json with only @pulumi/pulumi, TypeScript
// and the tarball, a tsconfig as Pulumi's template writes it), run through the real CLI against the
// emulator that the package's own bin starts.
jest.setTimeout(300_000);

const credentials = { clientId: "consumer", clientSecret: "consumer-secret" };
const rootManifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));

describe("the installed package in a team's own Pulumi project", () => {
  let project: string;
  let emulator: ChildProcess;
  let url: string;
  let stack: PulumiStack;
  let client: PortClient;

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "port-portal-consumer-"));
    execFileSync("npm", ["pack", "--workspace", "@port-portal/pulumi", "--pack-destination", tmp, "--silent"], { cwd: REPO_ROOT, stdio: "ignore" });
    const tarball = path.join(
      tmp,
      fs.readdirSync(tmp).find((f) => f.endsWith(".tgz"))!,
    );
    project = path.join(tmp, "project");
    fs.cpSync(path.join(__dirname, "consumer-project"), project, { recursive: true });
    const dependencies = {
      "@pulumi/pulumi": rootManifest.dependencies["@pulumi/pulumi"],
      typescript: rootManifest.dependencies.typescript,
      "@port-portal/pulumi": `file:${tarball}`,
    };
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.ts", dependencies }, null, 2));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project, stdio: "ignore" });

    const bin = path.join(project, "node_modules/.bin/port-emulator");
    emulator = spawn(bin, ["--port", "0", "--state", path.join(tmp, "emulator.json"), "--client-id", credentials.clientId, "--client-secret", credentials.clientSecret]);
    url = await listeningUrl(emulator);
    client = new PortClient({ baseUrl: url, ...credentials });
    // No tsconfig of this repository and no transpile-only: the project's own, as a team runs it.
    stack = new PulumiStack(project, "e2e", undefined, { PULUMI_NODEJS_TSCONFIG_PATH: undefined, PULUMI_NODEJS_TRANSPILE_ONLY: undefined });
    await stack.init({ "port:baseUrl": url, "port:clientId": credentials.clientId }, { "port:clientSecret": credentials.clientSecret });
  });

  afterAll(() => {
    emulator?.kill();
    if (project) fs.rmSync(path.dirname(project), { recursive: true, force: true });
  });

  it("installs compiled JavaScript with type declarations, without TypeScript sources, tests or ts-node", () => {
    const installed = path.join(project, "node_modules/@port-portal/pulumi");
    const files = listFiles(installed);
    expect(files).toEqual(expect.arrayContaining(["dist/kinds/index.js", "dist/kinds/index.d.ts", "dist/core/providers/objects/blueprint.js", "dist/emulator/main.js"]));
    expect(files.filter((f) => /(?<!\.d)\.ts$/.test(f) || f.includes(".test."))).toEqual([]);
    expect(fs.existsSync(path.join(project, "node_modules/ts-node"))).toBe(false);
  });

  it("runs the program the README shows, as written", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(readme).toContain("```ts\n" + fs.readFileSync(path.join(project, "index.ts"), "utf8") + "```\n");
  });

  it("type-checks the project's program against the package's declarations", () => {
    execFileSync(path.join(project, "node_modules/.bin/tsc"), ["--noEmit", "-p", project], { stdio: "pipe" });
  });

  it("creates the blueprint, the scorecard and the action in Port on up", async () => {
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(await orgBlueprints(client)).toEqual(["service"]);
    const rules = (await getScorecard(client, "service", "readiness"))?.rules as { identifier: string }[] | undefined;
    expect(rules?.map((r) => r.identifier)).toEqual(["has_on_call"]);
    expect((await getAction(client, "restart_service"))?.trigger).toMatchObject({ operation: "DAY-2", blueprintIdentifier: "service" });
  });

  it("stores each resource's provider in state as a require() of the package's provider module", async () => {
    const state = JSON.parse((await stack.ok(["stack", "export"])).stdout);
    const providers = (state.deployment.resources as { type: string; inputs?: { __provider?: string } }[]).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
    expect(providers.map((r) => /require\("([^"]+)"\)/.exec(r.inputs!.__provider!)![1]).sort()).toEqual([
      "@port-portal/pulumi/providers/action",
      "@port-portal/pulumi/providers/blueprint",
      "@port-portal/pulumi/providers/scorecard",
    ]);
  });

  it("previews no change on a second run", async () => {
    expect(changingSteps(await stack.previewJson())).toEqual([]);
  });

  it("removes everything from Port on destroy", async () => {
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await orgBlueprints(client)).toEqual([]);
    expect(await getBlueprint(client, "service")).toBeUndefined();
  });
});

function listFiles(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** The URL from the emulator's one ready line (see emulator/main.ts). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`the emulator exited with ${code} before it was ready: ${out}`)));
  });
}
