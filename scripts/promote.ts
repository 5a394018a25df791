import { configDiffMarkdown, diffConfig } from "../review/config-diff";
import { summarizePreview } from "../review/preview-summary";
import { REPO_ROOT, pulumiEnv, runPulumi } from "./pulumi-env";
import { openStack, stackConfig } from "./stack-target";

/**
 * `npm run promote -- <source> <target>`: what promoting the code from one stack to another would
 * do. Prints the target's preview in Port's words and the config values that differ, and fails
 * when the target's config lacks a key the source sets. It never applies anything.
 */
async function main(): Promise<number> {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    console.error("usage: npm run promote -- <source stack> <target stack>   e.g. npm run promote -- dev staging");
    return 2;
  }
  // Selecting the target first creates it when it is new (locally, against its own emulator).
  const opened = await openStack(target, { quiet: true });
  const env = pulumiEnv();
  const diff = diffConfig(await stackConfig(source, env), await stackConfig(target, env));
  try {
    const preview = await runPulumi(["preview", "--json", "--stack", target], { cwd: REPO_ROOT, env: opened.env });
    if (preview.code !== 0) {
      console.log(configDiffMarkdown(source, target, diff));
      console.error(`The preview of ${target} failed:\n${preview.stdout}\n${preview.stderr}`);
      return 1;
    }
    console.log(`## Promote ${source} -> ${target}\n`);
    console.log(summarizePreview(target, JSON.parse(preview.stdout)));
    console.log(configDiffMarkdown(source, target, diff));
  } finally {
    await opened.close();
  }
  if (diff.missingInTarget.length > 0) {
    console.error(`${target} lacks config that ${source} sets: ${diff.missingInTarget.join(", ")}. Nothing was applied.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
