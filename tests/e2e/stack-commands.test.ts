import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PortClient } from "../../core/client/port-client";
import { getBlueprint, replaceBlueprint } from "../../kinds/blueprint/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { runScript } from "./pulumi-stack";

// The README's stack commands as a user runs them (the npm scripts' entry points) on the dev
// stack, against an org given by credentials (an emulator), with the state in a temp folder.
jest.setTimeout(400_000);

const credentials = { clientId: "stack-commands", clientSecret: "stack-commands-secret" };

describe("npm run up / preview / preview:summary", () => {
  let emulator: RunningEmulator;
  let client: PortClient;
  let state: string;

  /** Runs one of the npm scripts' entry points against the test's org and state. */
  function script(file: string, args: string[]): Promise<{ code: number; out: string }> {
    return runScript(file, args, {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${state}`,
      PORT_BASE_URL: emulator.url,
      PORT_CLIENT_ID: credentials.clientId,
      PORT_CLIENT_SECRET: credentials.clientSecret,
      PORTAL_STACK: "dev",
    });
  }

  beforeAll(async () => {
    state = fs.mkdtempSync(path.join(os.tmpdir(), "stack-commands-"));
    emulator = await startEmulator({
      port: 0,
      credentials: [credentials],
      integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
    });
    client = new PortClient({ baseUrl: emulator.url, ...credentials });
    const up = await script("scripts/run-stack.ts", ["up"]);
    expect([up.code, up.code === 0 ? "" : up.out]).toEqual([0, ""]);
  });

  afterAll(async () => {
    await script("scripts/run-stack.ts", ["destroy"]);
    await emulator?.close();
    fs.rmSync(state, { recursive: true, force: true });
  });

  it("shows a title changed in Port's UI in the preview, with its old and new value", async () => {
    const service = await getBlueprint(client, "service");
    await replaceBlueprint(client, "service", { ...service!, title: "Renamed in UI" });
    const preview = await script("scripts/run-stack.ts", ["preview"]);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/~ title\s*: "Service" => "Renamed in UI"|~ title\s*: "Renamed in UI" => "Service"/);
  });

  it("names the changed field and its old and new value in the pull-request summary", async () => {
    const out = path.join(state, "summary.md");
    const summary = await script("scripts/preview-summary.ts", ["dev", "--out", out]);
    expect(summary.code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain('blueprint `service`: changes title from "Renamed in UI" to "Service"');
  });

  it("puts the code's value back on the next up", async () => {
    const up = await script("scripts/run-stack.ts", ["up"]);
    expect(up.code).toBe(0);
    expect((await getBlueprint(client, "service"))?.title).toBe("Service");
  });
});
