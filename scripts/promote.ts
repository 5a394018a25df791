import * as fs from "fs";
import * as path from "path";
import { configDiffMarkdown, diffConfig } from "../review/config-diff";
import { summarizePreview } from "../review/preview-summary";
import { REPO_ROOT, pulumiEnv, runPulumi } from "./pulumi-env";
import { openStack, stackConfig } from "./stack-target";

/**
 * `npm run promote -- <source> <target>`: what promoting the code from one stack to another would
 * do. Prints the target's preview in Port's words and the config values that differ, and fails
 * when the target's config lacks a key the source sets. It never applies anything, and leaves
 * no trace: a target stack that does not exist yet is previewed in a stack created for the
 * preview and removed after it, and its committed config file is left as it was (creating a
 * stack writes an `encryptionsalt` for whatever passphrase is set, which is the stack owner's
 * choice to make, not promote's).
 */
async function main(): Promise<number> {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    console.error("usage: npm run promote -- <source stack> <target stack>   e.g. npm run promote -- dev staging");
    return 2;
  }
  const env = pulumiEnv();
  const stackFile = path.join(REPO_ROOT, `Pulumi.${target}.yaml`);
  const committed = fs.existsSync(stackFile) ? fs.readFileSync(stackFile) : undefined;
  const targetIsNew = !(await stackNames(env)).includes(target);
  // Selecting the target creates it when it is new (locally, against its own emulator).
  const opened = await openStack(target, { quiet: true });
  try {
    const diff = diffConfig(await stackConfig(source, env), await stackConfig(target, env));
    const preview = await runPulumi(["preview", "--json", "--stack", target], { cwd: REPO_ROOT, env: opened.env });
    if (preview.code !== 0) {
      console.log(configDiffMarkdown(source, target, diff));
      console.error(`The preview of ${target} failed:\n${preview.stdout}\n${preview.stderr}`);
      return 1;
    }
    console.log(`## Promote ${source} -> ${target}\n`);
    console.log(summarizePreview(target, JSON.parse(preview.stdout)));
    console.log(configDiffMarkdown(source, target, diff));
    if (diff.missingInTarget.length > 0) {
      console.error(`${target} lacks config that ${source} sets: ${diff.missingInTarget.join(", ")}. Nothing was applied.`);
      return 1;
    }
    return 0;
  } finally {
    await opened.close();
    if (targetIsNew) {
      await runPulumi(["stack", "rm", "--yes", "--force", "--preserve-config", "--stack", target], { cwd: REPO_ROOT, env });
      if (committed) fs.writeFileSync(stackFile, committed);
    }
  }
}

/** The stacks the backend holds (`pulumi stack ls` of this project). */
async function stackNames(env: NodeJS.ProcessEnv): Promise<string[]> {
  const listed = await runPulumi(["stack", "ls", "--json"], { cwd: REPO_ROOT, env });
  if (listed.code !== 0) throw new Error(`pulumi stack ls failed:\n${listed.stderr || listed.stdout}`);
  return (JSON.parse(listed.stdout) as { name: string }[]).map((stack) => stack.name);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
