import * as fs from "fs";
import { destructiveSteps, orgContentsOf } from "../review/destructive-steps";
import { summarizePreview } from "../review/preview-summary";
import { REPO_ROOT, runPulumi } from "./pulumi-env";
import { openStack, orgClient } from "./stack-target";

/**
 * `npm run preview:summary -- dev staging prod [--out summary.md]`: previews each stack (refreshing
 * first, so drift made in Port's UI shows) and writes
 * one markdown summary, for a pull-request comment, with the data each stack's deletes would
 * destroy counted in its org. Exits non-zero when a preview fails or a stack's run would be refused.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const stacks: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") out = args[++i];
    else stacks.push(args[i]);
  }
  const sections = ["## Port portal preview", ""];
  let failed = false;
  for (const stack of stacks.length > 0 ? stacks : ["dev"]) {
    const target = await openStack(stack, { quiet: true });
    try {
      const preview = await runPulumi(["preview", "--json", "--refresh", "--stack", stack], { cwd: REPO_ROOT, env: target.env });
      if (preview.code === 0) {
        const digest = JSON.parse(preview.stdout);
        const losses = await destructiveSteps(digest, orgContentsOf(await orgClient(target)));
        if (losses.some((loss) => loss.refusal)) failed = true;
        sections.push(summarizePreview(stack, digest, losses));
      } else {
        failed = true;
        sections.push(`### ${stack}: the preview failed`, "", "```", lastLines(preview.stdout + preview.stderr, 30), "```", "");
      }
    } finally {
      await target.close();
    }
  }
  const markdown = sections.join("\n");
  if (out) fs.writeFileSync(out, markdown);
  console.log(markdown);
  return failed ? 1 : 0;
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
