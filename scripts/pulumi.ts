import { spawn } from "child_process";
import { REPO_ROOT, pulumiEnv } from "./pulumi-env";

/**
 * `npm run pulumi -- <args>`: the Pulumi CLI as the project runs it (the toolchain from
 * tools/pulumi, the state backend and the passphrase of pulumi-env.ts), interactive like the CLI.
 */
const child = spawn("pulumi", process.argv.slice(2), { cwd: REPO_ROOT, env: pulumiEnv(), stdio: "inherit" });
child.on("error", (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on("close", (code) => process.exit(code ?? 1));
