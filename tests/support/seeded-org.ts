/**
 * Test helper: an emulator whose org starts with given blueprints and actions, written to its
 * state file before it starts. Actions are another kind's routes; seeding them this way keeps
 * the permission tests independent of that kind.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/server";

export interface SeededEmulator {
  emulator: RunningEmulator;
  close(): Promise<void>;
}

const longAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** A self-service DAY-2 action on `blueprint`, as Port stores it. */
export function day2Action(identifier: string, blueprint: string): Record<string, unknown> {
  return {
    identifier,
    title: identifier,
    trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: blueprint, userInputs: { properties: {} } },
    invocationMethod: { type: "KAFKA" },
    createdAt: longAgo(),
  };
}

export async function startSeededEmulator(seed: { blueprints?: string[]; actions?: Record<string, unknown>[] }, opts: EmulatorOptions = {}): Promise<SeededEmulator> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seeded-org-"));
  const stateFile = path.join(dir, "state.json");
  const at = longAgo();
  const blueprints = (seed.blueprints ?? []).map((identifier) => ({
    identifier,
    title: identifier,
    schema: { properties: {}, required: [] },
    relations: {},
    mirrorProperties: {},
    calculationProperties: {},
    aggregationProperties: {},
    createdAt: at,
    updatedAt: at,
    createdBy: "seed",
    updatedBy: "seed",
  }));
  const actions = (seed.actions ?? []).map((action) => [String(action.identifier), action]);
  fs.writeFileSync(stateFile, JSON.stringify({ version: 1, blueprints, entities: [], collections: { actions } }));
  const emulator = await startEmulator({ port: 0, ...opts, stateFile });
  return {
    emulator,
    close: async () => {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
