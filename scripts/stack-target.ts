import * as fs from "fs";
import * as path from "path";
import { startEmulator } from "../emulator/server";
import { PortClient } from "../core/client/port-client";
import { type PortConnection, resolveConnection } from "../core/providers/port-connection";
import { LOCAL_DIR, REPO_ROOT, pulumiEnv, runPulumi } from "./pulumi-env";
import { removeTornAttributes } from "./stale-locks";

/**
 * The Port org a stack command talks to. With credentials (PORT_CLIENT_ID and PORT_CLIENT_SECRET,
 * or the stack's port:clientId) it is that org; otherwise a local emulator, one per stack with its
 * state in .portal-local/emulator-<stack>.json, so each local stack is its own org, in step with
 * the local Pulumi state.
 */
export interface StackTarget {
  stack: string;
  env: NodeJS.ProcessEnv;
  /** Set when the target is a local emulator. */
  emulatorUrl?: string;
  close(): Promise<void>;
}

export async function openStack(stack: string, options: { quiet?: boolean } = {}): Promise<StackTarget> {
  const known = projectStacks();
  // A stack is its committed config: a name without one is a typo, not a new stack to create.
  if (!known.includes(stack)) {
    throw new Error(
      `Stack "${stack}" has no Pulumi.${stack}.yaml in ${REPO_ROOT}; the project's stacks are: ${known.join(", ")}. Fix the name (PORTAL_STACK), or create Pulumi.${stack}.yaml with the stack's config first.`,
    );
  }
  const env = pulumiEnv();
  for (const line of removeTornAttributes(env.PULUMI_BACKEND_URL)) console.error(line);
  const select = await runPulumi(["stack", "select", "--create", stack], { cwd: REPO_ROOT, env });
  if (select.code !== 0) throw new Error(`pulumi stack select ${stack} failed:\n${select.stderr || select.stdout}`);
  if (Boolean(process.env.PORT_CLIENT_ID && process.env.PORT_CLIENT_SECRET) || (await stackHasCredentials(stack, env))) {
    return { stack, env, close: async () => undefined };
  }
  // A local org comes with the pre-built GitHub integration installed, as Pulumi.dev.yaml expects.
  const emulator = await startEmulator({
    port: 0,
    stateFile: path.join(LOCAL_DIR, `emulator-${stack}.json`),
    integrations: [{ installationId: "github-ocean", installationAppType: "GitHub", title: "GitHub" }],
  });
  if (!options.quiet) console.error(`No Port credentials configured for stack ${stack}: targeting a local Port emulator at ${emulator.url}`);
  return {
    stack,
    emulatorUrl: emulator.url,
    env: { ...env, PORT_BASE_URL: emulator.url, PORT_CLIENT_ID: "emulator-client-id", PORT_CLIENT_SECRET: "emulator-client-secret" },
    close: () => emulator.close(),
  };
}

/** The project's name in Pulumi.yaml (the backend files its stacks under it). */
export const PROJECT_NAME = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8"))?.[1] ?? "port-portal";

/** The stacks the project defines: one `Pulumi.<stack>.yaml` each. */
export function projectStacks(root = REPO_ROOT): string[] {
  return fs
    .readdirSync(root)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

async function stackHasCredentials(stack: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const got = await runPulumi(["config", "get", "port:clientId", "--stack", stack], { cwd: REPO_ROOT, env });
  return got.code === 0 && got.stdout.trim() !== "";
}

/** `pulumi config --json` of a stack: key -> { value, secret } (secret values stay "[secret]"). */
export async function stackConfig(stack: string, env: NodeJS.ProcessEnv): Promise<Record<string, { value?: string; secret: boolean }>> {
  const got = await runPulumi(["config", "--json", "--stack", stack], { cwd: REPO_ROOT, env });
  if (got.code !== 0) throw new Error(`pulumi config --stack ${stack} failed:\n${got.stderr || got.stdout}`);
  return JSON.parse(got.stdout);
}

/** A read-only look at the stack's org, with the connection the providers resolve (the stack's config first, then the environment). */
export async function orgClient(target: StackTarget): Promise<PortClient> {
  return new PortClient(await orgConnection(target));
}

/** Where the stack's org is and its credentials: the stack's config, then the environment, as the providers resolve them. */
export async function orgConnection(target: StackTarget): Promise<PortConnection> {
  const got = await runPulumi(["config", "--json", "--show-secrets", "--stack", target.stack], { cwd: REPO_ROOT, env: target.env });
  const config = got.code === 0 ? (JSON.parse(got.stdout) as Record<string, { value?: string }>) : {};
  return resolveConnection({ get: (key) => config[key]?.value }, target.env);
}
