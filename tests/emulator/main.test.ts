import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const READY = /^Port emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** Runs the documented command and waits for its ready line. */
function startCommand(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "emulator/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT_EMULATOR_PORT: "", PORT_EMULATOR_STATE: "", PORT_CLIENT_ID: "", PORT_CLIENT_SECRET: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n")[0];
      const match = READY.exec(line);
      if (match && out.includes("\n")) resolve({ child, url: match[1], stdout: () => out, exited });
    });
    exited.then((code) => reject(new Error(`emulator exited with ${code} before it was ready: ${out}${err}`)));
  });
}

async function tokenStatus(url: string, clientId: string, clientSecret: string): Promise<number> {
  const res = await fetch(`${url}/v1/auth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId, clientSecret }),
  });
  return res.status;
}

describe("Port emulator command", () => {
  it("prints exactly one ready line, serves the given credentials and exits cleanly on SIGTERM", async () => {
    const started = await startCommand(["--port", "0", "--client-id", "cli-id", "--client-secret", "cli-secret"]);
    try {
      expect((await fetch(`${started.url}/_emulator/health`)).status).toBe(200);
      expect(await tokenStatus(started.url, "cli-id", "cli-secret")).toBe(200);
      expect(await tokenStatus(started.url, "emulator-client-id", "emulator-client-secret")).toBe(401);
    } finally {
      started.child.kill("SIGTERM");
    }
    expect(await started.exited).toBe(0);
    expect(started.stdout().trim().split("\n")).toHaveLength(1);
  });

  it("falls back to environment variables and exits cleanly on SIGINT", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "port-emulator-cli-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const started = await startCommand([], {
        PORT_EMULATOR_STATE: stateFile,
        PORT_CLIENT_ID: "env-id",
        PORT_CLIENT_SECRET: "env-secret",
      });
      try {
        expect(await tokenStatus(started.url, "env-id", "env-secret")).toBe(200);
        const token = (await (
          await fetch(`${started.url}/v1/auth/access_token`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ clientId: "env-id", clientSecret: "env-secret" }),
          })
        ).json()) as { accessToken: string };
        const created = await fetch(`${started.url}/v1/blueprints`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token.accessToken}` },
          body: JSON.stringify({ identifier: "svc", title: "Service", schema: { properties: {} } }),
        });
        expect(created.status).toBe(201);
        expect(JSON.parse(fs.readFileSync(stateFile, "utf8")).blueprints.map((b: { identifier: string }) => b.identifier)).toContain("svc");
      } finally {
        started.child.kill("SIGINT");
      }
      expect(await started.exited).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
