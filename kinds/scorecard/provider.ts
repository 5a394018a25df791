import { createScorecard, deleteScorecard, getScorecard, replaceScorecard, type PortScorecardBody } from "./client";
import { type PortClient } from "../../core/client/port-client";
import { DEFAULT_SCORECARD_LEVELS, ScorecardSpec } from "./schema";
import { canonical } from "../../core/providers/canonical-json";
import { PortDocument, documentLogic } from "../../core/providers/document-logic";
import type { ResourceLogic } from "../../core/providers/resource-logic";

/**
 * Scorecards as one document each (see document-logic.ts). The Pulumi id is
 * `<blueprint>/<identifier>`, so moving a scorecard to another blueprint or renaming it
 * replaces it. Port ignores the order of rules and of the conditions of a query, so neither
 * produces a diff; the order of levels is their rank and is compared as written.
 */

/** Blueprint and scorecard identifiers of an object: from its own fields, else from the id (blueprint up to the first "/"). */
function addressOf(id: string, doc: PortDocument): { blueprint: string; identifier: string } {
  if (typeof doc.blueprint === "string" && typeof doc.identifier === "string") return { blueprint: doc.blueprint, identifier: doc.identifier };
  const slash = id.indexOf("/");
  return { blueprint: id.slice(0, slash), identifier: id.slice(slash + 1) };
}

/** Port's answer, with the blueprint it belongs to even if Port leaves it out (no source shows whether every answer carries it; the response key is an assumption: see emulator/README.md). */
function withBlueprint(doc: PortScorecardBody, blueprint: string): PortDocument {
  return { ...doc, blueprint: doc.blueprint ?? blueprint };
}

/** The body Port takes: everything but `blueprint`, which goes in the path. */
function bodyOf(doc: PortDocument): PortScorecardBody {
  const { blueprint: _blueprint, ...body } = doc;
  return body as PortScorecardBody;
}

/** Code-unit order, so the normal form does not depend on the machine's locale. */
const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
const byCanonicalJson = (a: unknown, b: unknown) => compare(JSON.stringify(canonical(a)), JSON.stringify(canonical(b)));

function normalQuery(query: unknown): unknown {
  const record = query as { conditions?: unknown } | undefined;
  if (!record || !Array.isArray(record.conditions)) return query;
  return { ...record, conditions: [...record.conditions].sort(byCanonicalJson) };
}

/** Rules sorted by identifier, conditions in canonical order, Port's default levels spelled out. */
export function normalizeScorecard(doc: PortDocument): PortDocument {
  const out: PortDocument = { ...doc, levels: doc.levels ?? DEFAULT_SCORECARD_LEVELS };
  if (doc.filter !== undefined) out.filter = normalQuery(doc.filter);
  if (Array.isArray(doc.rules)) {
    out.rules = doc.rules
      .map((rule: Record<string, unknown>): Record<string, unknown> => ({ ...rule, query: normalQuery(rule.query) }))
      .sort((a, b) => compare(String(a.identifier), String(b.identifier)) || byCanonicalJson(a, b));
  }
  return out;
}

export const scorecardLogic: ResourceLogic = documentLogic({
  kind: "Scorecard",
  schema: ScorecardSpec,
  idOf: (spec) => `${spec.blueprint}/${spec.identifier}`,
  nameOf: (spec) => String(spec.identifier ?? "(no identifier)"),
  normalize: normalizeScorecard,
  api: {
    async get(client: PortClient, id, props) {
      const { blueprint, identifier } = addressOf(id, props);
      const found = await getScorecard(client, blueprint, identifier);
      return found && withBlueprint(found, blueprint);
    },
    async create(client, spec) {
      const blueprint = String(spec.blueprint);
      return withBlueprint(await createScorecard(client, blueprint, bodyOf(spec)), blueprint);
    },
    async replace(client, id, body, current) {
      const { blueprint, identifier } = addressOf(id, current);
      return withBlueprint(await replaceScorecard(client, blueprint, identifier, bodyOf(body)), blueprint);
    },
    async remove(client, id, props) {
      const { blueprint, identifier } = addressOf(id, props);
      await deleteScorecard(client, blueprint, identifier); // already gone counts as done
    },
  },
});
