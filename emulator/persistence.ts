/**
 * State-file persistence. Writes are synchronous and atomic (temp file + rename) so that a
 * response is only sent once its mutation is on disk, and a crash never leaves half a file.
 * Tokens are deliberately not persisted: clients must cope with a restarted Port.
 */
import * as fs from "fs";
import * as path from "path";
import type { OrgSnapshot } from "./org-store";

export function loadSnapshot(file: string): OrgSnapshot | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`Port emulator state file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const snapshot = parsed as Partial<OrgSnapshot>;
  if (snapshot.version !== 1 || !Array.isArray(snapshot.blueprints) || !Array.isArray(snapshot.entities)) {
    throw new Error(`Port emulator state file ${file} has an unknown layout (expected {version: 1, blueprints: [], entities: []})`);
  }
  return snapshot as OrgSnapshot;
}

export function saveSnapshot(file: string, snapshot: OrgSnapshot): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot, null, 2));
  fs.renameSync(tmp, file);
}
