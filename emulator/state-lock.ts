/**
 * One emulator per state file. Two emulators on one file would each hold the org in memory and
 * overwrite each other's writes, so the second one refuses to start and names the first. The
 * lock is a file beside the state holding the owner's pid and URL; a lock whose process is gone
 * is stale (a killed emulator) and is taken over.
 */
import * as fs from "fs";
import * as path from "path";

export interface StateLock {
  /** Records the owner's URL, so a refused second emulator can say where the first one listens. */
  setUrl(url: string): void;
  release(): void;
}

interface LockHolder {
  pid: number;
  url?: string;
}

export function lockStateFile(stateFile: string): StateLock {
  const lockFile = `${stateFile}.lock`;
  fs.mkdirSync(path.dirname(path.resolve(lockFile)), { recursive: true });
  const write = (holder: LockHolder, flag: "wx" | "w") => fs.writeFileSync(lockFile, JSON.stringify(holder), { flag });
  try {
    write({ pid: process.pid }, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const holder = readHolder(lockFile);
    if (holder && isAlive(holder.pid)) {
      const where = holder.url ? ` at ${holder.url}` : "";
      throw new Error(
        `state file ${stateFile} is in use by another Port emulator (pid ${holder.pid}${where}). Point your commands at that emulator (PORT_BASE_URL), or give this one another --state file.`,
      );
    }
    write({ pid: process.pid }, "w"); // stale: its emulator was killed
  }
  return {
    setUrl: (url) => write({ pid: process.pid, url }, "w"),
    release: () => fs.rmSync(lockFile, { force: true }),
  };
}

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, "utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, url: parsed.url } : undefined;
  } catch {
    return undefined; // unreadable or half-written: nobody can be relying on it
  }
}

/**
 * Whether process `pid` runs on this host (EPERM: it does, as another user's). A zombie (killed,
 * not yet reaped by a parent that died with it) holds nothing any more and counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/** Linux's process state from /proc (the field after the parenthesised command name); elsewhere nothing is a zombie. */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}
