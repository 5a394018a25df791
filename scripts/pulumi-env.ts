import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

/**
 * How this project runs the Pulumi CLI: the toolchain from tools/pulumi/ensure.sh, a file backend
 * and a passphrase for secrets so nothing asks for input, and no plugin downloads.
 */
export const REPO_ROOT = path.resolve(__dirname, "..");
export const LOCAL_DIR = path.join(REPO_ROOT, ".portal-local");

/** The passphrase for local stacks (emulator only). CI against a real Port sets its own. */
export const LOCAL_PASSPHRASE = "port-portal-local";

let cachedBin: string | undefined;

/** The directory with `pulumi`, its Node.js language host and the dynamic-provider shim. */
export function toolchainBin(): string {
  cachedBin ??= execFileSync("bash", [path.join(REPO_ROOT, "tools/pulumi/ensure.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n")
    .pop()!;
  return cachedBin;
}

export interface PulumiEnvOptions {
  /** Folder of the file backend (defaults to .portal-local/state). */
  stateDir?: string;
  /** PULUMI_HOME, isolating plugins and credentials (defaults to .portal-local/pulumi-home). */
  pulumiHome?: string;
  extra?: Record<string, string | undefined>;
}

export function pulumiEnv(options: PulumiEnvOptions = {}): NodeJS.ProcessEnv {
  const stateDir = options.stateDir ?? path.join(LOCAL_DIR, "state");
  const pulumiHome = options.pulumiHome ?? process.env.PULUMI_HOME ?? path.join(LOCAL_DIR, "pulumi-home");
  // A file backend's folder must exist, whether it is ours or one PULUMI_BACKEND_URL names.
  const backendUrl = process.env.PULUMI_BACKEND_URL ?? `file://${stateDir}`;
  if (backendUrl.startsWith("file://")) fs.mkdirSync(backendUrl.slice("file://".length).split("?")[0], { recursive: true });
  fs.mkdirSync(pulumiHome, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${toolchainBin()}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: pulumiHome,
    PULUMI_BACKEND_URL: backendUrl,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    // Every program, including those in tests/ and bench/, compiles with the project's tsconfig
    // (which makes ts-node transpile with swc; `npm run typecheck` and `npm test` type-check).
    PULUMI_NODEJS_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json"),
  };
  if (env.PULUMI_CONFIG_PASSPHRASE === undefined && env.PULUMI_CONFIG_PASSPHRASE_FILE === undefined) {
    env.PULUMI_CONFIG_PASSPHRASE = LOCAL_PASSPHRASE;
  }
  return { ...env, ...options.extra };
}

export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi <args>`; `echo` streams its output to this process as well. */
export function runPulumi(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean }): Promise<PulumiRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (opts.echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (opts.echo) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
