import * as fs from "fs";
import * as path from "path";
import { declaredPortal } from "../review/declared-portal";
import { catalogMarkdown } from "../review/portal-docs";
import { stackFileConfig } from "../review/stack-file";
import { REPO_ROOT } from "./pulumi-env";

/** `npm run docs`: regenerates docs/portal.md (data-model diagram and catalog) from the dev stack's portal. */
export const PORTAL_DOC = path.join(REPO_ROOT, "docs", "portal.md");

async function main(): Promise<void> {
  const { config, secrets } = stackFileConfig(REPO_ROOT, "dev");
  const declared = await declaredPortal(async () => (await import("../stacks/portal")).buildPortal(config, secrets));
  fs.mkdirSync(path.dirname(PORTAL_DOC), { recursive: true });
  fs.writeFileSync(PORTAL_DOC, catalogMarkdown(declared));
  console.log(`wrote ${path.relative(REPO_ROOT, PORTAL_DOC)} (${declared.length} objects)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
