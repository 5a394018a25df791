import * as fs from "fs";
import { SYSTEM_BLUEPRINTS } from "../support/org-blueprints";

/** What Port keeps about runs, not the portal: runs, migrations, the emulator's own bookkeeping. */
const NOT_THE_PORTAL = ["action-runs", "migrations", "team-entity-identifiers"];

/**
 * What an emulated org holds, read from its state file, as `kind:identifier` lines: every
 * blueprint and entity (but Port's system ones) and every object of the other kinds. Two runs
 * that end with the same inventory created nothing twice and left nothing out.
 */
export function orgInventory(stateFile: string): string[] {
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as {
    blueprints: { identifier: string }[];
    entities: { blueprint: string; identifier: string }[];
    collections?: Record<string, [string, unknown][]>;
  };
  const lines = [
    ...state.blueprints.filter((b) => !SYSTEM_BLUEPRINTS.includes(b.identifier)).map((b) => `blueprint:${b.identifier}`),
    ...state.entities.filter((e) => !SYSTEM_BLUEPRINTS.includes(e.blueprint)).map((e) => `entity:${e.blueprint}/${e.identifier}`),
    ...Object.entries(state.collections ?? {})
      .filter(([name]) => !NOT_THE_PORTAL.includes(name))
      .flatMap(([name, entries]) => entries.map(([key]) => `${name}:${key}`)),
  ];
  return lines.sort();
}
