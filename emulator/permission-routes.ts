/**
 * Permission singletons (apispec.yaml: `GET|PATCH /v1/blueprints/{blueprint_identifier}/permissions`
 * and `GET|PATCH /v1/actions/{action_identifier}/permissions`). They have no id and cannot be created or deleted:
 * each exists with its parent, but only `delayMs` after the parent's `createdAt` (Port creates
 * permission scopes asynchronously; before that the emulator answers 404). Until the first
 * PATCH they hold Port's defaults; what a PATCH sends is kept as an override of those defaults.
 * Users, teams and roles named must exist (422 naming them).
 */
import { ApiError, notFound } from "./api-error";
import { checkNames, MODERATOR_SUFFIX, roleExists, teamsOf, usersOf } from "./directory";
import { checkBoolean, checkNoExtraKeys, checkObject } from "./field-checks";
import type { OrgStore, StoredObject } from "./org-store";
import type { Router } from "./router";
import { jsonType, pointer, Problems, requireBodyObject } from "./validation-problems";

export const BLUEPRINT_PERMISSIONS = "blueprint-permissions";
export const ACTION_PERMISSIONS = "action-permissions";
const ACTIONS = "actions";

type Doc = Record<string, unknown>;
/** What a PATCH changed, remembered against the parent's `createdAt` (a recreated parent starts from the defaults). */
type Override = { parentCreatedAt: unknown; permissions: Doc };

const ENTITY_BLOCKS = ["read", "register", "update", "unregister"];
const KEYED_BLOCKS = ["updateProperties", "updateRelations"];
/** Meta-properties whose update permission Port keeps beside the blueprint's properties. */
const META_PROPERTIES = ["$identifier", "$title", "$icon", "$team"];

export function registerPermissionRoutes(router: Router, store: OrgStore, opts: { delayMs: number }): void {
  // Looked up per request: a reset of the emulator replaces the collections.
  const blueprintOverrides = () => store.collection<Override>(BLUEPRINT_PERMISSIONS);
  const actionOverrides = () => store.collection<Override>(ACTION_PERMISSIONS);
  store.onBlueprint({
    renamed: (from, to) => moveKey(blueprintOverrides(), from, to),
    deleted: (identifier) => blueprintOverrides().delete(identifier),
  });

  const blueprintScope = (id: string) => {
    const blueprint = store.getBlueprint(id);
    requireReady("blueprint", id, blueprint.createdAt, opts.delayMs);
    return blueprint;
  };
  const actionScope = (id: string) => {
    const action = store.collection(ACTIONS).get(id);
    if (!action) throw notFound("Action", id);
    requireReady("action", id, action.createdAt, opts.delayMs);
    return action;
  };

  router.add("GET", "/v1/blueprints/:id/permissions", ({ params }) => {
    const blueprint = blueprintScope(params.id);
    return { body: { ok: true, permissions: blueprintPermissions(blueprint, overrideOf(blueprintOverrides(), params.id, blueprint)) } };
  });

  router.add("PATCH", "/v1/blueprints/:id/permissions", ({ params, body }) => {
    const blueprint = blueprintScope(params.id);
    const patch = validateBlueprintPatch(store, blueprint, requireBodyObject(body));
    const merged = mergePermissions(overrideOf(blueprintOverrides(), params.id, blueprint), patch);
    blueprintOverrides().set(params.id, { parentCreatedAt: blueprint.createdAt, permissions: merged });
    store.changed();
    return { body: { ok: true, permissions: blueprintPermissions(blueprint, merged) } };
  });

  router.add("GET", "/v1/actions/:id/permissions", ({ params }) => {
    const action = actionScope(params.id);
    return { body: { ok: true, permissions: actionPermissions(action, overrideOf(actionOverrides(), params.id, action)) } };
  });

  router.add("PATCH", "/v1/actions/:id/permissions", ({ params, body }) => {
    const action = actionScope(params.id);
    const patch = validateActionPatch(store, requireBodyObject(body));
    const merged = mergePermissions(overrideOf(actionOverrides(), params.id, action), patch);
    actionOverrides().set(params.id, { parentCreatedAt: action.createdAt, permissions: merged });
    store.changed();
    return { body: { ok: true, permissions: actionPermissions(action, merged) } };
  });
}

/**
 * Both GET and PATCH fail until the scope exists: Port creates scopes asynchronously after their parent
 * (terraform-provider-port-labs internal/cli/client.go repeats every `/permissions` call until it is ok).
 * The 404 `not_found` answer meanwhile: assumption; see emulator/README.md.
 */
function requireReady(kind: "blueprint" | "action", id: string, createdAt: unknown, delayMs: number): void {
  const created = typeof createdAt === "string" ? Date.parse(createdAt) : NaN;
  if (Number.isNaN(created) || Date.now() >= created + delayMs) return;
  const resource = kind === "blueprint" ? "BlueprintPermissions" : "ActionPermissions";
  throw new ApiError(404, "not_found", `Permissions of ${kind} "${id}" were not found`, { resource, byField: "identifier", withValue: id });
}

function overrideOf(overrides: Map<string, Override>, id: string, parent: StoredObject): Doc {
  const override = overrides.get(id);
  return override && override.parentCreatedAt === parent.createdAt ? override.permissions : {};
}

function moveKey(map: Map<string, Override>, from: string, to: string): void {
  const value = map.get(from);
  map.delete(from);
  if (value) map.set(to, value);
}

const block = (roles: string[], extra: Doc = {}): Doc => ({ users: [], teams: [], roles, ...extra });

/** Port's defaults for a blueprint, with the override laid over them; per-key blocks only for keys the blueprint still has. */
function blueprintPermissions(blueprint: StoredObject, override: Doc): Doc {
  const moderator = `${blueprint.identifier}${MODERATOR_SUFFIX}`;
  const editors = () => block(["Admin", moderator], { ownedByTeam: false });
  const set = (override.entities ?? {}) as Doc;
  const entities: Doc = {};
  entities.read = { ...block(["Admin", "Member", moderator], { ownedByTeam: false }), ...(set.read as Doc) };
  for (const name of ["register", "update", "unregister"]) entities[name] = { ...editors(), ...(set[name] as Doc) };
  const keyed = (keys: string[], overrides: unknown) => Object.fromEntries(keys.map((key) => [key, { ...editors(), ...((overrides as Doc | undefined)?.[key] as Doc) }]));
  entities.updateProperties = keyed([...propertyKeys(blueprint), ...META_PROPERTIES], set.updateProperties);
  entities.updateRelations = keyed(Object.keys((blueprint.relations ?? {}) as Doc), set.updateRelations);
  return { entities };
}

/** Port's defaults for an action: Admins (and the moderators of its blueprint) execute; Admins approve. */
function actionPermissions(action: StoredObject, override: Doc): Doc {
  const blueprint = (action.trigger as Doc | undefined)?.blueprintIdentifier;
  const executors = typeof blueprint === "string" ? ["Admin", `${blueprint}${MODERATOR_SUFFIX}`] : ["Admin"];
  return {
    execute: { ...block(executors, { ownedByTeam: false, policy: null }), ...(override.execute as Doc) },
    approve: { ...block(["Admin"], { policy: null }), ...(override.approve as Doc) },
  };
}

function propertyKeys(blueprint: StoredObject): string[] {
  return Object.keys((((blueprint.schema ?? {}) as Doc).properties ?? {}) as Doc);
}

/** Lays a validated patch over an override: fields of a block replace, keyed blocks merge per key. */
function mergePermissions(current: Doc, patch: Doc): Doc {
  const out: Doc = structuredClone(current);
  for (const [key, value] of Object.entries(patch)) {
    if (key === "entities") {
      out.entities = mergePermissions((out.entities ?? {}) as Doc, value as Doc);
    } else if (KEYED_BLOCKS.includes(key)) {
      const map = (out[key] ?? {}) as Doc;
      for (const [name, fields] of Object.entries(value as Doc)) map[name] = { ...(map[name] as Doc), ...(fields as Doc) };
      out[key] = map;
    } else {
      out[key] = { ...(out[key] as Doc), ...(value as Doc) };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation

function validateBlueprintPatch(store: OrgStore, blueprint: StoredObject, body: Doc): Doc {
  const problems = new Problems();
  checkNoExtraKeys(problems, "/", body, ["entities"]);
  const entities = checkObject(problems, "/entities", body.entities, true);
  if (entities) {
    checkNoExtraKeys(problems, "/entities", entities, [...ENTITY_BLOCKS, ...KEYED_BLOCKS]);
    for (const name of ENTITY_BLOCKS) {
      if (entities[name] !== undefined) checkBlock(store, problems, `/entities/${name}`, entities[name], { ownedByTeam: true, policy: name === "read" });
    }
    const keyed: [string, string[], string][] = [
      ["updateProperties", [...propertyKeys(blueprint), ...META_PROPERTIES], "property"],
      ["updateRelations", Object.keys((blueprint.relations ?? {}) as Doc), "relation"],
    ];
    for (const [name, known, what] of keyed) {
      const map = checkObject(problems, `/entities/${name}`, entities[name]);
      for (const [key, value] of Object.entries(map ?? {})) {
        const path = pointer(`/entities/${name}`, key);
        if (!known.includes(key)) problems.add(path, `${what} "${key}" does not exist on blueprint "${blueprint.identifier}"`);
        checkBlock(store, problems, path, value, { ownedByTeam: true, policy: false });
      }
    }
  }
  problems.throwIfAny();
  return body;
}

function validateActionPatch(store: OrgStore, body: Doc): Doc {
  const problems = new Problems();
  checkNoExtraKeys(problems, "/", body, ["execute", "approve"]);
  if (body.execute !== undefined) checkBlock(store, problems, "/execute", body.execute, { ownedByTeam: true, policy: true });
  if (body.approve !== undefined) checkBlock(store, problems, "/approve", body.approve, { ownedByTeam: false, policy: true });
  problems.throwIfAny();
  return body;
}

/** One permission block: `{users, teams, roles, ownedByTeam?, policy?}`, every name existing. */
function checkBlock(store: OrgStore, problems: Problems, path: string, value: unknown, allow: { ownedByTeam: boolean; policy: boolean }): void {
  const doc = checkObject(problems, path, value, true);
  if (!doc) return;
  const keys = ["users", "teams", "roles", ...(allow.ownedByTeam ? ["ownedByTeam"] : []), ...(allow.policy ? ["policy"] : [])];
  checkNoExtraKeys(problems, path, doc, keys);
  const users = usersOf(store);
  const teams = teamsOf(store);
  if (doc.users !== undefined) checkNames(problems, `${path}/users`, doc.users, "user", (email) => users.has(email));
  if (doc.teams !== undefined) checkNames(problems, `${path}/teams`, doc.teams, "team", (name) => teams.has(name));
  if (doc.roles !== undefined) checkNames(problems, `${path}/roles`, doc.roles, "role", (role) => roleExists(store, role));
  if (allow.ownedByTeam) checkBoolean(problems, `${path}/ownedByTeam`, doc.ownedByTeam);
  if (allow.policy && doc.policy !== undefined && doc.policy !== null && checkObject(problems, `${path}/policy`, doc.policy)) {
    checkPolicy(problems, `${path}/policy`, doc.policy as Doc, path.endsWith("/read"));
  }
}

/** A read policy is an entity query; an action policy is `{queries, conditions}`. Only the outline is checked. */
function checkPolicy(problems: Problems, path: string, policy: Doc, isQuery: boolean): void {
  if (isQuery) {
    checkNoExtraKeys(problems, path, policy, ["combinator", "rules"]);
    if (!Array.isArray(policy.rules)) problems.add(`${path}/rules`, `must be array (got ${jsonType(policy.rules)})`);
    return;
  }
  checkNoExtraKeys(problems, path, policy, ["queries", "conditions"]);
  checkObject(problems, `${path}/queries`, policy.queries, true);
  const conditions = policy.conditions;
  if (!Array.isArray(conditions) || conditions.some((c) => typeof c !== "string")) {
    problems.add(`${path}/conditions`, "must be array of strings");
  }
}
