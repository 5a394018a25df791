import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isAlive } from "../emulator/state-lock";

/**
 * Pulumi's file backend locks a stack with a file per running command (`.pulumi/locks/<org>/
 * <project>/<stack>/<id>.json`, holding the pid and the host). A run killed as a cancelled CI job
 * is leaves its lock behind, and every later command fails with "the stack is currently locked".
 * A lock is stale when it was taken on this host by a process that is gone: those are removed,
 * as `pulumi cancel` would, and said so. Locks of live processes, or of other hosts (whose
 * processes cannot be seen from here), are left for Pulumi to report.
 */
interface LockContent {
  pid?: number;
  hostname?: string;
  timestamp?: string;
}

/** Removes the stack's stale locks in a `file://` backend; returns one line per lock removed. */
export function clearStaleLocks(backendUrl: string | undefined, project: string, stack: string, host = os.hostname()): string[] {
  if (!backendUrl?.startsWith("file://")) return [];
  const locks = path.join(backendUrl.slice("file://".length), ".pulumi", "locks");
  const removed: string[] = [];
  for (const file of lockFiles(locks, project, stack)) {
    let lock: LockContent;
    try {
      lock = JSON.parse(fs.readFileSync(file, "utf8")) as LockContent;
    } catch {
      continue; // unreadable: Pulumi reports it
    }
    if (lock.hostname !== host || typeof lock.pid !== "number" || isAlive(lock.pid)) continue;
    fs.rmSync(file, { force: true });
    removed.push(`Removed the lock of a run of stack ${stack} that is gone (pid ${lock.pid}, taken ${lock.timestamp ?? "at an unknown time"}).`);
  }
  return removed;
}

/** The lock files of `<project>/<stack>`, whatever the organization folder above it. */
function lockFiles(locks: string, project: string, stack: string): string[] {
  if (!fs.existsSync(locks)) return [];
  const found: string[] = [];
  for (const org of fs.readdirSync(locks)) {
    const dir = path.join(locks, org, project, stack);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) if (name.endsWith(".json")) found.push(path.join(dir, name));
  }
  return found;
}

/**
 * The file backend keeps each file's metadata in a `<file>.attrs` beside it, rewritten in place
 * (gocloud.dev's fileblob: os.Create, then the JSON): a run killed between the two leaves it empty,
 * and every later command fails with "failed to load checkpoint: EOF". A missing `.attrs` is
 * read as no metadata, so a torn one is removed, and said so. Returns one line per file removed.
 */
export function removeTornAttributes(backendUrl: string | undefined): string[] {
  if (!backendUrl?.startsWith("file://")) return [];
  const root = path.join(backendUrl.slice("file://".length).split("?")[0], ".pulumi");
  const removed: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)) : [];
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".attrs") && !parses(file)) {
        fs.rmSync(file, { force: true });
        removed.push(`Removed ${path.relative(root, file)}, which a killed run left half-written (Pulumi reads a missing one as no metadata).`);
      }
    }
  };
  walk(root);
  return removed;
}

function parses(file: string): boolean {
  try {
    JSON.parse(fs.readFileSync(file, "utf8"));
    return true;
  } catch {
    return false;
  }
}
