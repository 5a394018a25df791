import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { destructiveSteps, orgContentsOf, refusalMessage } from "../review/destructive-steps";
import { digestFromEventLog } from "../review/preview-digest";
import { REPO_ROOT, runPulumi } from "./pulumi-env";
import { clearStaleLocks } from "./stale-locks";
import { PROJECT_NAME, openStack, orgClient } from "./stack-target";

/**
 * The main job: `pulumi <up|preview|refresh|destroy>` of a stack (PORTAL_STACK, default dev),
 * against the stack's Port org, or a local emulator when no credentials are configured.
 */
// `up` and `preview` refresh first: what was changed in Port's UI shows in the diff and is put back
// (`up` refreshes the state once, `refresh`, so its check and its apply read Port only once).
// A command with a `check` previews first and stops, before anything is applied, when the
// preview's deletes would destroy data in Port the code does not allow it to (review/destructive-steps.ts).
const COMMANDS: Record<string, { refresh?: boolean; check?: string[]; apply?: string[] }> = {
  up: { refresh: true, check: ["preview"], apply: ["up", "--yes", "--skip-preview"] },
  preview: { check: ["preview", "--diff", "--refresh"] },
  refresh: { apply: ["refresh", "--yes"] },
  destroy: { check: ["destroy", "--preview-only"], apply: ["destroy", "--yes", "--skip-preview"] },
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
  const steps = COMMANDS[command];
  if (!steps) {
    console.error(`Unknown command "${command}"; use one of: ${Object.keys(COMMANDS).join(", ")}.`);
    return 2;
  }
  const { stack, passThrough } = stackArguments(process.argv.slice(3), process.env);
  const target = await openStack(stack);
  // A killed run's lock would stop this one; a lock whose process is gone is removed, and said so.
  for (const line of clearStaleLocks(target.env.PULUMI_BACKEND_URL, PROJECT_NAME, target.stack)) console.error(line);
  const pulumi = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runPulumi([...args, ...passThrough, "--stack", target.stack], { cwd: REPO_ROOT, env: { ...target.env, ...env }, echo: true });
  try {
    if (steps.refresh) {
      const refreshed = await pulumi(["refresh", "--yes"]);
      if (refreshed.code !== 0) return refreshed.code;
    }
    if (steps.check) {
      const events = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-events-")), "events.jsonl");
      // `--event-log` records the steps while the user reads the usual output; Pulumi offers it
      // with PULUMI_DEBUG_COMMANDS set.
      const checked = await pulumi([...steps.check, "--event-log", events], { PULUMI_DEBUG_COMMANDS: "true" });
      if (checked.code !== 0) return checked.code;
      const found = await destructiveSteps(digestFromEventLog(fs.readFileSync(events, "utf8")), orgContentsOf(await orgClient(target)));
      fs.rmSync(path.dirname(events), { recursive: true, force: true });
      if (found.length > 0) console.log(`\nDestroys data in Port:\n${found.map((step) => `  - ${step.line}`).join("\n")}`);
      const refused = refusalMessage(found);
      if (refused) {
        console.error(`\n${refused}`);
        return 1;
      }
    }
    return steps.apply ? (await pulumi(steps.apply)).code : 0;
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
