/**
 * /v1/migrations: Port's record of asynchronous work on a blueprint's data (apispec.yaml: GET
 * /v1/migrations, GET /v1/migrations/{migration_id}). The emulator starts migrations itself, for
 * DELETE /v1/blueprints/{id}/all-entities (blueprint-routes.ts); migrations mapping data between
 * blueprints (POST /v1/migrations) are not emulated.
 */
import { randomUUID } from "crypto";
import { notFound } from "./api-error";
import type { OrgStore, StoredObject } from "./org-store";
import type { Router } from "./router";
import { Problems } from "./validation-problems";

/** Statuses: apispec.yaml GET /v1/migrations `status`; terraform-provider-port-labs internal/consts/migrations.go. */
export const MIGRATION_STATUSES = ["INITIALIZING", "PENDING", "RUNNING", "COMPLETED", "FAILURE", "CANCELLED", "PENDING_CANCELLATION"];

/** Fields: terraform-provider-port-labs internal/cli/models.go `Migration`, plus meta fields. */
export type Migration = StoredObject & {
  id: string;
  actor: string;
  sourceBlueprint: string;
  status: string;
  deleteBlueprint: boolean;
  deleteEntities: boolean;
  successCount: number;
  failureCount: number;
};

/** What a migration's work reports: how many items it handled, and whether it failed. */
export interface MigrationOutcome {
  successCount: number;
  failureCount: number;
  failed: boolean;
}

const COLLECTION = "migrations";

function migrations(store: OrgStore): Map<string, Migration> {
  return store.collection<Migration>(COLLECTION);
}

/**
 * Records a RUNNING migration and runs `work` after the store's entity deletion delay; the
 * migration ends COMPLETED, or FAILURE when the work failed. Starting in RUNNING
 * (rather than INITIALIZING or PENDING) is an assumption: see emulator/README.md.
 */
export function startMigration(
  store: OrgStore,
  fields: Pick<Migration, "actor" | "sourceBlueprint" | "deleteBlueprint" | "deleteEntities">,
  work: () => MigrationOutcome,
): Migration {
  const now = new Date().toISOString();
  const migration: Migration = {
    id: `migration_${randomUUID()}`,
    ...fields,
    mapping: {},
    status: "RUNNING",
    successCount: 0,
    failureCount: 0,
    createdAt: now,
    createdBy: fields.actor,
    updatedAt: now,
    updatedBy: fields.actor,
  };
  migrations(store).set(migration.id, migration);
  store.later(store.entityDeletionDelayMs, () => {
    const outcome = work();
    const status = outcome.failed ? "FAILURE" : "COMPLETED";
    migrations(store).set(migration.id, { ...migration, status, successCount: outcome.successCount, failureCount: outcome.failureCount, updatedAt: new Date().toISOString() });
  });
  return migration;
}

export function registerMigrationRoutes(router: Router, store: OrgStore): void {
  // Filters of apispec.yaml GET /v1/migrations (AND of all given); the list key `migrations` is an assumption: see emulator/README.md.
  router.add("GET", "/v1/migrations", ({ query }) => {
    const statuses = query.getAll("status");
    const problems = new Problems();
    statuses.forEach((status) => {
      if (!MIGRATION_STATUSES.includes(status))
        problems.add("/querystring/status", `must be one of ${MIGRATION_STATUSES.join(", ")} (got ${JSON.stringify(status)})`, MIGRATION_STATUSES);
    });
    problems.throwIfAny();
    const actor = query.get("actor");
    const blueprint = query.get("blueprint");
    const list = [...migrations(store).values()].filter(
      (m) => (statuses.length === 0 || statuses.includes(m.status)) && (actor === null || m.actor === actor) && (blueprint === null || m.sourceBlueprint === blueprint),
    );
    return { body: { ok: true, migrations: list } };
  });

  // Answer key `migration`: terraform-provider-port-labs internal/cli/migrations.go, Ocean port_ocean/clients/port/mixins/migrations.py.
  router.add("GET", "/v1/migrations/:id", ({ params }) => {
    const migration = migrations(store).get(params.id);
    if (!migration) throw notFound("Migration", params.id, "id");
    return { body: { ok: true, migration } };
  });
}
