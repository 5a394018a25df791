import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { RunningEmulator } from "../../emulator/server";
import { isWriteRoute } from "../../emulator/stats";
import { ReadOnlyPortClient, exportOrg, type ExportOptions } from "../../exporter/export-org";
import { LOCAL_DIR, REPO_ROOT } from "../../scripts/pulumi-env";
import { PulumiStack, changingSteps } from "./pulumi-stack";

/**
 * An org exported to a program, run through the real CLI as a new stack against the same org.
 * The program is written inside the repository (so it finds @port-portal/pulumi through the
 * workspace, with --preserve-symlinks as every program here; an installed package needs neither).
 */
export async function exportedStack(emulator: RunningEmulator, credentials: { clientId: string; clientSecret: string }, options: Partial<ExportOptions> = {}) {
  const dir = exportDir(options.name ?? "exported");
  const client = new ReadOnlyPortClient({ baseUrl: emulator.url, ...credentials });
  await exportOrg(client, dir, { name: "exported", release: false, libraryVersion: "*", source: emulator.url, ...options });
  return stackOfProgram(dir, emulator, credentials);
}

/** A fresh directory for an exported program, inside the repository. */
export function exportDir(name: string): string {
  const dir = path.join(LOCAL_DIR, "exports", `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** A new stack of the exported program in `dir`, against the emulator's org. */
export async function stackOfProgram(dir: string, emulator: RunningEmulator, credentials: { clientId: string; clientSecret: string }) {
  const manifest = path.join(dir, "Pulumi.yaml");
  fs.writeFileSync(manifest, fs.readFileSync(manifest, "utf8").replace("runtime: nodejs\n", "runtime:\n  name: nodejs\n  options:\n    nodeargs: --preserve-symlinks\n"));
  const stack = new PulumiStack(dir, "exported");
  await stack.init({ "port:baseUrl": emulator.url, "port:clientId": credentials.clientId }, { "port:clientSecret": credentials.clientSecret });
  return {
    dir,
    stack,
    /** The program's files, without the stack's own config file. */
    files: () =>
      fs
        .readdirSync(dir)
        .filter((f) => f !== `Pulumi.${stack.stack}.yaml`)
        .sort(),
    /** `tsc --noEmit` on the program with its own tsconfig; throws with the compiler's output. */
    typecheck: () => execFileSync(path.join(REPO_ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", dir], { encoding: "utf8" }),
    remove: () => {
      stack.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Port resources' steps of a preview that change something, as [op, kind, whether a create adopts]. */
export function portSteps(digest: Awaited<ReturnType<PulumiStack["previewJson"]>>): [string, string, boolean][] {
  return changingSteps(digest)
    .filter((s) => s.urn.includes("dynamic/port:"))
    .map((s) => [s.op, /port:([A-Za-z]+)::/.exec(s.urn)![1], s.op === "create" && Boolean(s.newState?.inputs?.__adopt)]);
}

/** The emulator's writes since its stats were reset, by route (searches and the token route are reads). */
export function writesOf(emulator: RunningEmulator): string[] {
  return Object.entries(emulator.stats().byRoute)
    .filter(([route]) => isWriteRoute(route))
    .map(([route, count]) => `${route} x${count}`);
}
