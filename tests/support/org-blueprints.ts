import type { PortClient } from "../../core/client/port-client";
import { listBlueprints } from "../../kinds/blueprint/client";

/** Port's system blueprints: every org has them from the start, and they cannot be deleted. */
export const SYSTEM_BLUEPRINTS = ["_user", "_team"];

/** The identifiers of the org's blueprints other than Port's system ones, sorted. */
export async function orgBlueprints(client: PortClient): Promise<string[]> {
  return (await listBlueprints(client))
    .map((blueprint) => blueprint.identifier)
    .filter((identifier) => !SYSTEM_BLUEPRINTS.includes(identifier))
    .sort();
}
