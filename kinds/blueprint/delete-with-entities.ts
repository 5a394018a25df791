import type { PortClient } from "../../core/client/port-client";
import { PollWait, pollUntil } from "../../core/client/poll";
import { FINAL_MIGRATION_STATUSES, deleteAllEntities, getBlueprint, getMigration, type PortMigration } from "./client";

/**
 * Deleting a blueprint with its entities the way Port's own clients do (terraform-provider-port-labs
 * port/blueprint/resource.go, Ocean's blueprint client): one `DELETE /v1/blueprints/{id}/all-entities
 * ?delete_blueprint=true`, which starts a migration, then polling the migration until it ends. No entity
 * of another blueprint is deleted (unlike deleting each entity with `delete_dependents=true`).
 */

/** Port deletes entities in the background; a large blueprint takes minutes. */
export const DEFAULT_DELETION_WAIT: PollWait = { timeoutMs: 30 * 60_000, firstDelayMs: 250, maxDelayMs: 5_000 };

function counts(migration: PortMigration): string {
  return `${migration.successCount ?? "?"} entities deleted, ${migration.failureCount ?? "?"} not`;
}

/** Deletes the blueprint and all its entities, and resolves once Port reports it done; throws when Port's migration fails. */
export async function deleteBlueprintWithEntities(client: PortClient, blueprint: string, wait: PollWait = DEFAULT_DELETION_WAIT): Promise<void> {
  const { migrationId } = await deleteAllEntities(client, blueprint, { deleteBlueprint: true });
  const seconds = Math.round(wait.timeoutMs / 1000);
  if (migrationId === undefined) {
    // No migration named in the answer (Port's published schema lists `ok` only): wait for the blueprint to be gone.
    const gone = await pollUntil(async () => ((await getBlueprint(client, blueprint)) ? undefined : true), wait);
    if (!gone)
      throw new Error(`Blueprint "${blueprint}": Port accepted deleting it with its entities, but it still exists after ${seconds} s. Run the command again once Port is done.`);
    return;
  }
  const ended = await pollUntil(async () => {
    const migration = await getMigration(client, migrationId);
    return FINAL_MIGRATION_STATUSES.includes(migration.status) ? migration : undefined;
  }, wait);
  if (!ended) {
    throw new Error(
      `Blueprint "${blueprint}": Port's migration ${migrationId} deleting its entities has not ended after ${seconds} s. Check GET /v1/migrations/${migrationId}, then run the command again.`,
    );
  }
  if (ended.status !== "COMPLETED") {
    throw new Error(
      `Blueprint "${blueprint}": Port's migration ${migrationId} deleting it with its entities ended ${ended.status} (${counts(ended)}). ` +
        `Entities that entities of other blueprints require (through required relations) are not deleted: delete or re-link those first, then run the command again.`,
    );
  }
}
