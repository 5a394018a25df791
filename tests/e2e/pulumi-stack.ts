import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PulumiRun, REPO_ROOT, pulumiEnv, runPulumi } from "../../scripts/pulumi-env";

/**
 * A throwaway stack of one of tests/programs, driven through the real Pulumi CLI with a file
 * backend in a temp dir. Credentials go in as stack config, the client secret as a secret.
 */
export class PulumiStack {
  readonly dir: string;
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly runs: PulumiRun[] = [];

  readonly stack: string;

  /** `stack` is suffixed with the process id: stacks of one program may run in parallel jest workers. `env` adds to (or, with undefined, removes from) the CLI's environment. */
  constructor(program: string, stack = "e2e", backend?: { stateDir: string; home: string }, env: Record<string, string | undefined> = {}) {
    this.stack = `${stack}-${process.pid}`;
    this.dir = path.isAbsolute(program) ? program : path.resolve(__dirname, "../programs", program);
    const tmp = backend ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), `portal-e2e-${path.basename(program)}-`));
    this.stateDir = backend?.stateDir ?? path.join(tmp!, "state");
    this.env = pulumiEnv({
      stateDir: this.stateDir,
      pulumiHome: backend?.home ?? path.join(tmp!, "home"),
      extra: {
        PULUMI_BACKEND_URL: `file://${this.stateDir}`,
        PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
        PULUMI_NODEJS_TRANSPILE_ONLY: "true", // `tsc --noEmit` type-checks the tests once
        PORT_CLIENT_ID: undefined,
        PORT_CLIENT_SECRET: undefined,
        PORT_BASE_URL: undefined,
        ...env,
      },
    });
  }

  async init(config: Record<string, string>, secrets: Record<string, string> = {}): Promise<void> {
    await this.ok(["stack", "init"]);
    for (const [key, value] of Object.entries(config)) await this.ok(["config", "set", key, value]);
    for (const [key, value] of Object.entries(secrets)) await this.ok(["config", "set", "--secret", key, value]);
  }

  async run(args: string[]): Promise<PulumiRun> {
    const result = await runPulumi([...args, "--stack", this.stack, "--non-interactive"], { cwd: this.dir, env: this.env });
    this.runs.push(result);
    return result;
  }

  /** Runs a command that must succeed; a failure throws with the CLI's output. */
  async ok(args: string[]): Promise<PulumiRun> {
    const result = await this.run(args);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
    return result;
  }

  async previewJson(): Promise<PreviewDigest> {
    const result = await this.ok(["preview", "--json", "--diff"]);
    return JSON.parse(result.stdout) as PreviewDigest;
  }

  /** Every file of the stack's backend, concatenated (to search the state for secrets). */
  stateText(): string {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(fs.readFileSync(full, "utf8"));
      }
    };
    walk(this.stateDir);
    return files.join("\n");
  }

  remove(): void {
    fs.rmSync(path.dirname(this.stateDir), { recursive: true, force: true });
    fs.rmSync(path.join(this.dir, `Pulumi.${this.stack}.yaml`), { force: true });
  }
}

export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: { inputs?: Record<string, unknown> };
  newState?: { inputs?: Record<string, unknown> };
}

export interface PreviewDigest {
  steps: PreviewStep[];
  changeSummary: Record<string, number>;
}

/** The steps that change something (anything but "same"). */
export function changingSteps(digest: PreviewDigest): PreviewStep[] {
  return digest.steps.filter((s) => s.op !== "same");
}

/** The top-level inputs a step changes (Pulumi's dynamic providers report no detailed diff of their own). */
export function changedInputKeys(step: PreviewStep): string[] {
  const before = step.oldState?.inputs ?? {};
  const after = step.newState?.inputs ?? {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== "__provider" && JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

/** Runs one of the npm scripts' entry points (`scripts/<file>.ts`) from the repo root; resolves with its exit code and output. */
export function runScript(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return collected(spawn("npx", ["ts-node", "--transpile-only", file, ...args], { cwd: REPO_ROOT, env }));
}

/** The project's tracked and new files, copied with their timestamps (so the lock is not newer than node_modules), as one commit. */
export function cleanCopy(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "readme-commands-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(REPO_ROOT, file))) continue; // deleted in the checkout, not yet committed
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, file), path.join(copy, file), { preserveTimestamps: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(copy, "node_modules"));
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: copy });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "clean copy");
  return copy;
}

/** Runs a command line in `dir` through a shell, as a user types it; resolves with its exit code and output. */
export function runCommand(dir: string, command: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return collected(spawn("bash", ["-c", command], { cwd: dir, env }));
}

/** A child's exit code and its output, stdout and stderr interleaved as they came. */
export function collected(child: ChildProcess): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    let out = "";
    child.stdout?.on("data", (chunk) => (out += chunk));
    child.stderr?.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}
