import * as path from "path";
import { startEmulator } from "../emulator/server";
import { LOCAL_DIR, REPO_ROOT, pulumiEnv, runPulumi } from "./pulumi-env";

/**
 * The main job: `pulumi <up|preview|refresh|destroy>` of a stack (PORTAL_STACK, default dev).
 * With Port credentials configured (PORT_CLIENT_ID and PORT_CLIENT_SECRET, or the stack's
 * port:clientId) it targets that Port org; otherwise it starts the local Port emulator, whose
 * state persists in .portal-local next to the local Pulumi state so the two stay in step.
 */
const COMMANDS: Record<string, string[]> = {
  up: ["up", "--yes"],
  preview: ["preview", "--diff"],
  refresh: ["refresh", "--yes"],
  destroy: ["destroy", "--yes"],
};

async function main(): Promise<number> {
  const command = process.argv[2] ?? "up";
  const args = COMMANDS[command];
  if (!args) {
    console.error(`Unknown command "${command}"; use one of: ${Object.keys(COMMANDS).join(", ")}.`);
    return 2;
  }
  const stack = process.env.PORTAL_STACK ?? "dev";
  let env = pulumiEnv();
  const select = await runPulumi(["stack", "select", "--create", stack], { cwd: REPO_ROOT, env });
  if (select.code !== 0) {
    console.error(select.stderr || select.stdout);
    return select.code;
  }

  const configured = Boolean(process.env.PORT_CLIENT_ID && process.env.PORT_CLIENT_SECRET) || (await stackHasCredentials(stack, env));
  const emulator = configured ? undefined : await startEmulator({ port: 0, stateFile: path.join(LOCAL_DIR, "emulator-state.json") });
  if (emulator) {
    console.log(`No Port credentials configured: targeting the local Port emulator at ${emulator.url}`);
    env = { ...env, PORT_BASE_URL: emulator.url, PORT_CLIENT_ID: "emulator-client-id", PORT_CLIENT_SECRET: "emulator-client-secret" };
  }
  try {
    const run = await runPulumi([...args, "--stack", stack], { cwd: REPO_ROOT, env, echo: true });
    return run.code;
  } finally {
    await emulator?.close();
  }
}

async function stackHasCredentials(stack: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const got = await runPulumi(["config", "get", "port:clientId", "--stack", stack], { cwd: REPO_ROOT, env });
  return got.code === 0 && got.stdout.trim() !== "";
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
