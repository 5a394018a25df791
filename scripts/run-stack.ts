import { REPO_ROOT, runPulumi } from "./pulumi-env";
import { openStack } from "./stack-target";

/**
 * The main job: `pulumi <up|preview|refresh|destroy>` of a stack (PORTAL_STACK, default dev),
 * against the stack's Port org, or a local emulator when no credentials are configured.
 */
// `up` and `preview` refresh first: what was changed in Port's UI shows in the diff and is put back.
const COMMANDS: Record<string, string[]> = {
  up: ["up", "--yes", "--refresh"],
  preview: ["preview", "--diff", "--refresh"],
  refresh: ["refresh", "--yes"],
  destroy: ["destroy", "--yes"],
};

/**
 * The stack and the arguments for Pulumi of `npm run <command> -- [--stack <name>] [pulumi flags]`:
 * `--stack` (or `-s`) names the stack like PORTAL_STACK does (both given must agree); every other
 * argument goes to Pulumi as written (e.g. `--target`, `--diff`).
 */
export function stackArguments(extra: string[], env: NodeJS.ProcessEnv): { stack: string; passThrough: string[] } {
  let named: string | undefined;
  const passThrough: string[] = [];
  for (let i = 0; i < extra.length; i++) {
    const arg = extra[i];
    const inline = /^--stack=(.+)$/.exec(arg);
    if (inline) named = inline[1];
    else if (arg === "--stack" || arg === "-s") {
      named = extra[++i];
      if (named === undefined) throw new Error(`${arg} needs a stack name, e.g. ${arg} staging.`);
    } else passThrough.push(arg);
  }
  const fromEnv = env.PORTAL_STACK;
  if (named !== undefined && fromEnv !== undefined && fromEnv !== named) {
    throw new Error(`PORTAL_STACK=${fromEnv} and --stack ${named} name different stacks; give one.`);
  }
  return { stack: named ?? fromEnv ?? "dev", passThrough };
}

async function main(): Promise<number> {
  const command = process.argv[2] ?? "up";
  const args = COMMANDS[command];
  if (!args) {
    console.error(`Unknown command "${command}"; use one of: ${Object.keys(COMMANDS).join(", ")}.`);
    return 2;
  }
  const { stack, passThrough } = stackArguments(process.argv.slice(3), process.env);
  const target = await openStack(stack);
  try {
    const run = await runPulumi([...args, ...passThrough, "--stack", target.stack], { cwd: REPO_ROOT, env: target.env, echo: true });
    return run.code;
  } finally {
    await target.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
