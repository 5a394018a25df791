import { useScriptedClient, type Handler } from "../../tests/support/scripted-port-server";
import { deleteBlueprintWithEntities } from "./delete-with-entities";

// Deleting a blueprint with its entities against scripted answers: the migration's ends, and an answer without one.
const clientWith = useScriptedClient();

const fastWait = { timeoutMs: 2_000, firstDelayMs: 1, maxDelayMs: 5 };

/** Port answering the delete with migration "m1", whose status is read from `statuses` in turn (the last one repeats). */
function migrationPort(statuses: string[], counts: Record<string, number> = {}): Handler {
  let reads = 0;
  return (req) => {
    if (req.method === "DELETE") return { status: 200, body: { ok: true, migrationId: "m1" } };
    const status = statuses[Math.min(reads++, statuses.length - 1)];
    return { status: 200, body: { ok: true, migration: { id: "m1", status, sourceBlueprint: "svc", ...counts } } };
  };
}

describe("deleting a blueprint with its entities", () => {
  it("asks Port to delete all entities and the blueprint, and resolves once the migration has completed", async () => {
    const { client, s } = await clientWith(migrationPort(["INITIALIZING", "RUNNING", "COMPLETED"]));

    await deleteBlueprintWithEntities(client, "svc", fastWait);

    expect(s.apiRequests().map((r) => [r.method, r.path, r.query.toString()])).toEqual([
      ["DELETE", "/v1/blueprints/svc/all-entities", "delete_blueprint=true"],
      ["GET", "/v1/migrations/m1", ""],
      ["GET", "/v1/migrations/m1", ""],
      ["GET", "/v1/migrations/m1", ""],
    ]);
  });

  it("throws naming the blueprint, the migration, its status and counts when the migration fails or is cancelled", async () => {
    const { client } = await clientWith(migrationPort(["RUNNING", "FAILURE"], { successCount: 3, failureCount: 1 }));
    await expect(deleteBlueprintWithEntities(client, "svc", fastWait)).rejects.toThrow(
      `Blueprint "svc": Port's migration m1 deleting it with its entities ended FAILURE (3 entities deleted, 1 not).`,
    );
    const cancelled = await clientWith(migrationPort(["CANCELLED"]));
    await expect(deleteBlueprintWithEntities(cancelled.client, "svc", fastWait)).rejects.toThrow("ended CANCELLED");
  });

  it("gives up after the wait, naming the migration to check", async () => {
    const { client } = await clientWith(migrationPort(["RUNNING"]));
    await expect(deleteBlueprintWithEntities(client, "svc", { timeoutMs: 50, firstDelayMs: 5, maxDelayMs: 10 })).rejects.toThrow(
      `Blueprint "svc": Port's migration m1 deleting its entities has not ended after 0 s. Check GET /v1/migrations/m1, then run the command again.`,
    );
  });

  it("without a migration id in Port's answer, waits for the blueprint to be gone", async () => {
    let reads = 0;
    const { client, s } = await clientWith((req) => {
      if (req.method === "DELETE") return { status: 200, body: { ok: true } };
      reads += 1;
      return reads < 3
        ? { status: 200, body: { ok: true, blueprint: { identifier: "svc", title: "Svc" } } }
        : { status: 404, body: { ok: false, error: "not_found", message: "gone" } };
    });

    await deleteBlueprintWithEntities(client, "svc", fastWait);

    expect(s.apiRequests().map((r) => [r.method, r.path])).toEqual([
      ["DELETE", "/v1/blueprints/svc/all-entities"],
      ["GET", "/v1/blueprints/svc"],
      ["GET", "/v1/blueprints/svc"],
      ["GET", "/v1/blueprints/svc"],
    ]);
  });
});
