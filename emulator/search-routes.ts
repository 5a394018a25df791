/**
 * Entity search (apispec.yaml): `POST /v1/entities/search` takes a query over every blueprint and
 * answers `{ok, matchingBlueprints, entities}`; `POST /v1/blueprints/{blueprint_identifier}/entities/search`
 * takes `{query?, include?, exclude?, limit (1-1000, default 200), from?}` and answers one page,
 * `{ok, next?, entities}`, where `next` is passed back as `from` for the following page.
 */
import type { Entity, OrgStore } from "./org-store";
import { booleanParams } from "./query-params";
import type { Router } from "./router";
import { compileQuery, type Matcher } from "./search-query";
import { isPlainObject, jsonType, Problems, requireBodyObject } from "./validation-problems";

type Doc = Record<string, unknown>;

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1000;
const PAGE_KEYS = ["query", "include", "exclude", "limit", "from"];

export function registerSearchRoutes(router: Router, store: OrgStore): void {
  router.add("POST", "/v1/entities/search", ({ query, body }) => {
    booleanParams(query, ["exclude_calculated_properties", "attach_title_to_relation", "attach_identifier_to_title_mirror_properties", "allow_partial_results"]);
    const problems = new Problems();
    const matches = compileQuery(problems, "", requireBodyObject(body));
    problems.throwIfAny();
    const entities: Entity[] = [];
    for (const blueprint of store.blueprints.keys()) entities.push(...[...store.entitiesOf(blueprint).values()].filter(matches));
    const matchingBlueprints = [...new Set(entities.map((entity) => entity.blueprint))];
    // apispec.yaml: `include`/`exclude` are query parameters here (terraform-provider-port-labs internal/cli/search.go joins them with commas).
    const fields = { include: listParam(query, "include"), exclude: listParam(query, "exclude") };
    return { body: { ok: true, matchingBlueprints, entities: entities.map((entity) => project(entity, fields)) } };
  });

  router.add("POST", "/v1/blueprints/:blueprint/entities/search", ({ params, body }) => {
    const blueprint = store.getBlueprint(params.blueprint);
    const page = checkPage(requireBodyObject(body));
    const all = [...store.entitiesOf(blueprint.identifier).values()].filter(page.matches);
    const entities = all.slice(page.offset, page.offset + page.limit).map((entity) => project(entity, page));
    const reply: Doc = { ok: true, entities };
    if (page.offset + page.limit < all.length) reply.next = cursor(page.offset + page.limit);
    return { body: reply };
  });
}

interface Page {
  matches: Matcher;
  limit: number;
  offset: number;
  include?: string[];
  exclude?: string[];
}

function checkPage(doc: Doc): Page {
  const problems = new Problems();
  for (const key of Object.keys(doc)) if (!PAGE_KEYS.includes(key)) problems.add(`/${key}`, "must NOT have additional properties");
  const matches = doc.query === undefined ? () => true : compileQuery(problems, "/query", doc.query);
  const limit = doc.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== "number" || limit < 1 || limit > MAX_LIMIT) problems.add("/limit", `must be a number from 1 to ${MAX_LIMIT} (got ${JSON.stringify(limit)})`);
  const include = stringList(problems, "/include", doc.include);
  const exclude = stringList(problems, "/exclude", doc.exclude);
  let offset = 0;
  if (doc.from !== undefined) {
    const decoded = typeof doc.from === "string" ? offsetOf(doc.from) : undefined;
    if (decoded === undefined) problems.add("/from", "must be the `next` value of a previous answer");
    else offset = decoded;
  }
  problems.throwIfAny();
  return { matches, limit: Math.floor(limit as number), offset, include, exclude };
}

function stringList(problems: Problems, path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  problems.add(path, `must be array of strings (got ${jsonType(value)})`);
  return undefined;
}

/** `next`: an opaque string (apispec.yaml: "a string hash"); here the offset, encoded (assumption: see emulator/README.md). */
function cursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function offsetOf(from: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(from, "base64url").toString("utf8"));
    const offset = isPlainObject(parsed) ? parsed.offset : undefined;
    return typeof offset === "number" && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name).flatMap((value) => value.split(","));
  return values.length > 0 ? values : undefined;
}

/**
 * `include` keeps only the fields named, `exclude` drops them: top-level fields (`identifier`,
 * `$identifier`, `title`, ...) or `properties.<key>` / `relations.<key>`.
 */
function project(entity: Entity, fields: { include?: string[]; exclude?: string[] }): Doc {
  const paths = (names: string[]) => names.map((name) => (name.startsWith("$") ? name.slice(1) : name).split("."));
  let out: Doc = entity;
  if (fields.include) {
    out = {};
    for (const [top, key] of paths(fields.include)) {
      const value = entity[top];
      if (key === undefined) out[top] = value;
      else if (isPlainObject(value) && key in value) out[top] = { ...((out[top] as Doc | undefined) ?? {}), [key]: value[key] };
    }
  }
  if (fields.exclude) {
    out = { ...out };
    for (const [top, key] of paths(fields.exclude)) {
      if (key === undefined) delete out[top];
      else if (isPlainObject(out[top])) {
        const inner = { ...(out[top] as Doc) };
        delete inner[key];
        out[top] = inner;
      }
    }
  }
  return out;
}
