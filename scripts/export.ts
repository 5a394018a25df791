import { runExport } from "../exporter/main";
import { openStack, orgConnection } from "./stack-target";

/**
 * `npm run export -- --out <dir> [...]`: port-export (exporter/main.ts) against the org of a stack
 * of this project (PORTAL_STACK, default dev): its credentials, or, without any, its local emulator.
 */
async function main(): Promise<void> {
  const target = await openStack(process.env.PORTAL_STACK ?? "dev", { quiet: true });
  try {
    await runExport(process.argv.slice(2), await orgConnection(target));
  } finally {
    await target.close();
  }
}

main().catch((error: Error) => {
  console.error(`export: ${error.message}`);
  process.exit(1);
});
