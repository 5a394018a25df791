import { REPO_ROOT, runPulumi } from "./pulumi-env";
import { openStack } from "./stack-target";

/**
 * The main job: `pulumi <up|preview|refresh|destroy>` of a stack (PORTAL_STACK, default dev),
 * against the stack's Port org, or a local emulator when no credentials are configured.
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
  const target = await openStack(process.env.PORTAL_STACK ?? "dev");
  try {
    const run = await runPulumi([...args, "--stack", target.stack], { cwd: REPO_ROOT, env: target.env, echo: true });
    return run.code;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
