/**
 * /v1/blueprints/{bp}/scorecards: list, read, create, replace and delete (port-api.md §5), and
 * GET /v1/scorecards across blueprints. Scorecards live in the "scorecards" collection keyed
 * `<blueprint>/<identifier>`; they follow their blueprint's renames and go with it on delete.
 */
import { identifierTaken, notFound } from "./api-error";
import { withoutServerFields, type OrgStore, type StoredObject } from "./org-store";
import type { RequestContext, Router } from "./router";
import { DEFAULT_LEVELS, validateScorecard } from "./scorecard-validation";
import { requireBodyObject } from "./validation-problems";

type Scorecard = StoredObject & { identifier: string; blueprint: string };

const COLLECTION = "scorecards";

const keyOf = (blueprint: string, identifier: string) => `${blueprint}/${identifier}`;

/** Looked up per call: the store replaces its collections on reset and restore. */
function scorecards(store: OrgStore): Map<string, Scorecard> {
  return store.collection<Scorecard>(COLLECTION);
}

function getScorecard(store: OrgStore, blueprint: string, identifier: string): Scorecard {
  store.getBlueprint(blueprint);
  const scorecard = scorecards(store).get(keyOf(blueprint, identifier));
  if (!scorecard) throw notFound("Scorecard", identifier);
  return scorecard;
}

/**
 * What Port stores and answers: the body without echoed server fields, with the blueprint and,
 * when none are given, Port's default levels (terraform-provider-port-labs reads them back as
 * computed).
 */
function stored(body: Record<string, unknown>, blueprint: string): Scorecard {
  const doc = withoutServerFields(body, ["blueprint"]);
  return { ...doc, identifier: doc.identifier as string, blueprint, levels: doc.levels ?? structuredClone(DEFAULT_LEVELS) };
}

export function registerScorecardRoutes(router: Router, store: OrgStore): void {
  router.add("GET", "/v1/scorecards", () => ({ body: { ok: true, scorecards: [...scorecards(store).values()] } }));

  router.add("GET", "/v1/blueprints/:bp/scorecards", ({ params }) => {
    const blueprint = store.getBlueprint(params.bp).identifier;
    return { body: { ok: true, scorecards: [...scorecards(store).values()].filter((s) => s.blueprint === blueprint) } };
  });

  router.add("GET", "/v1/blueprints/:bp/scorecards/:id", ({ params }) => ({
    body: { ok: true, scorecard: getScorecard(store, params.bp, params.id) },
  }));

  // 201 as for blueprints and entities (assumption; see emulator/README.md).
  router.add("POST", "/v1/blueprints/:bp/scorecards", ({ params, body, clientId }) => {
    const blueprint = store.getBlueprint(params.bp).identifier;
    validateScorecard(body, blueprint);
    const key = keyOf(blueprint, body.identifier);
    if (scorecards(store).has(key)) throw identifierTaken("Scorecard", body.identifier);
    const now = new Date().toISOString();
    const scorecard = { ...stored(body, blueprint), createdAt: now, createdBy: clientId, updatedAt: now, updatedBy: clientId };
    scorecards(store).set(key, scorecard);
    store.changed();
    return { status: 201, body: { ok: true, scorecard } };
  });

  router.add("PUT", "/v1/blueprints/:bp/scorecards/:id", (ctx) => ({ body: { ok: true, scorecard: replaceScorecard(store, ctx) } }));

  router.add("DELETE", "/v1/blueprints/:bp/scorecards/:id", ({ params }) => {
    const scorecard = getScorecard(store, params.bp, params.id);
    scorecards(store).delete(keyOf(scorecard.blueprint, scorecard.identifier));
    store.changed();
    return { body: { ok: true } };
  });

  store.onBlueprint({
    renamed: (from, to) => {
      const entries = [...scorecards(store).entries()].map(([key, scorecard]): [string, Scorecard] =>
        scorecard.blueprint === from ? [keyOf(to, scorecard.identifier), { ...scorecard, blueprint: to }] : [key, scorecard],
      );
      scorecards(store).clear();
      for (const [key, scorecard] of entries) scorecards(store).set(key, scorecard);
    },
    deleted: (identifier) => {
      for (const [key, scorecard] of scorecards(store)) if (scorecard.blueprint === identifier) scorecards(store).delete(key);
    },
  });
}

/** PUT semantics: the body replaces the whole scorecard; a different body identifier renames it (as for blueprints). */
function replaceScorecard(store: OrgStore, { params, body, clientId }: RequestContext): Scorecard {
  const existing = getScorecard(store, params.bp, params.id);
  const doc = { ...requireBodyObject(body) };
  doc.identifier ??= existing.identifier;
  validateScorecard(doc, existing.blueprint);
  const key = keyOf(existing.blueprint, doc.identifier);
  const oldKey = keyOf(existing.blueprint, existing.identifier);
  if (key !== oldKey && scorecards(store).has(key)) throw identifierTaken("Scorecard", doc.identifier);
  const scorecard: Scorecard = {
    ...stored(doc, existing.blueprint),
    createdAt: existing.createdAt,
    createdBy: existing.createdBy,
    updatedAt: new Date().toISOString(),
    updatedBy: clientId,
  };
  // Keep the list position on rename, as Port lists in creation order.
  const entries = [...scorecards(store).entries()].map(([k, s]): [string, Scorecard] => (k === oldKey ? [key, scorecard] : [k, s]));
  scorecards(store).clear();
  for (const [k, s] of entries) scorecards(store).set(k, s);
  store.changed();
  return scorecard;
}
