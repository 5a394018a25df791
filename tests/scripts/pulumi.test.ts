import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// `npm run pulumi -- <args>` as the README writes it, with the state in a temp folder.
const root = path.resolve(__dirname, "../..");

function npmRunPulumi(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync("npm", ["run", "--silent", "pulumi", "--", ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("npm run pulumi", () => {
  it("runs the CLI with the project's backend and passphrase: no login, no prompt, the committed stack config readable", () => {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-state-"));
    const env = { PULUMI_BACKEND_URL: `file://${state}`, PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined };
    try {
      expect(npmRunPulumi(["stack", "init", "dev", "--non-interactive"], env).status).toBe(0);
      const got = npmRunPulumi(["config", "get", "port-portal:environment", "--stack", "dev"], env);
      expect(got.stdout.trim()).toBe("dev");
      expect(got.status).toBe(0);
    } finally {
      fs.rmSync(state, { recursive: true, force: true });
    }
  }, 120_000);
});
