import * as fs from "fs";
import { declaredPortal } from "../review/declared-portal";
import { roadmap, roadmapMarkdown, roadmapTable } from "../review/roadmap";
import { stackFileConfig } from "../review/stack-file";
import { REPO_ROOT } from "./pulumi-env";

/**
 * `npm run roadmap [-- --stack dev] [--out roadmap.md]`: for each use case, user story, KPI and
 * integration of the plan, which declared objects implement it and what is missing. Runs the
 * portal definition under Pulumi's mocks: no engine, no Port. Exits 1 when something is missing.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const stack = option("--stack") ?? "dev";
  const { config, secrets } = stackFileConfig(REPO_ROOT, stack);
  const declared = await declaredPortal(async () => (await import("../stacks/portal")).buildPortal(config, secrets));
  const { defaultPlan } = await import("../stacks/plan");
  const rows = roadmap(defaultPlan, declared);
  process.stdout.write(roadmapTable(rows));
  const out = option("--out");
  if (out) fs.writeFileSync(out, roadmapMarkdown(rows));
  const missing = rows.filter((r) => !r.built).length;
  console.log(missing === 0 ? `\nEvery planned item is built (${rows.length}).` : `\n${missing} of ${rows.length} planned items are missing.`);
  return missing === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
