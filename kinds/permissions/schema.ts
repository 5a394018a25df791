/**
 * Permission singletons (port-api.md §9): who may read, register, update and unregister a
 * blueprint's entities, and who may execute and approve an action. Each block names users (by
 * email), teams (by name) and roles; `ownedByTeam` grants it to the owning teams of the entity.
 * Port has one permissions document per blueprint and per action, with no id of its own: these
 * schemas add the parent's identifier (`blueprint`, `action`) to Port's JSON.
 */
import { z } from "zod";
import { asRecord, closedObject, crossCheck } from "../../core/schemas/closed";
import { EntityQuery } from "../../core/schemas/entity-query";
import { ActionIdentifier, BlueprintIdentifier, PORT_IDENTIFIER_PATTERNS, PropertyIdentifier, TeamName } from "../../core/schemas/identifiers";
import { templateExpressions, type JqField } from "../../core/schemas/jq";
import { didYouMean, showValue } from "../../core/schemas/messages";
import { PortRole, UserEmail } from "../user/schema";

// ---------------------------------------------------------------------------------------------
// Who: users, teams, roles (sets: Port ignores their order)

const subjects = {
  /** Emails of users granted the permission. Default `[]`. */
  users: z.array(UserEmail).default([]),
  /** Names of teams whose members are granted the permission. Default `[]`. */
  teams: z.array(TeamName).default([]),
  /** Roles granted the permission (`Admin`, `Member`, `<blueprint>-moderator`). Default `[]`. */
  roles: z.array(PortRole).default([]),
};

/** Lists the same name twice: harmless to Port, but usually a copy-paste slip worth fixing. */
const noDuplicates = crossCheck((input, report) => {
  const block = asRecord(input);
  for (const key of ["users", "teams", "roles"]) {
    const list = block?.[key];
    if (!Array.isArray(list)) continue;
    list.forEach((value, index) => {
      if (typeof value === "string" && list.indexOf(value) !== index) {
        report({ path: [key, index], input: value, message: `${JSON.stringify(value)} is listed twice in ${key}. Remove the duplicate.` });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Blueprint permissions

/** Who may register, update or unregister the blueprint's entities (or update one property or relation). */
export const EntityPermission = closedObject("an entity permission", {
  ...subjects,
  /** Also grant it, per entity, to the members of the teams that own the entity (needs blueprint `ownership`). Default `false`. */
  ownedByTeam: z.boolean().default(false),
}).check(noDuplicates);
export type EntityPermission = z.output<typeof EntityPermission>;
export type EntityPermissionInput = z.input<typeof EntityPermission>;

/**
 * Who may see the blueprint's entities, optionally narrowed by a `policy` query. A `null` policy, as
 * Port answers a read block without one, means no narrowing and is not sent: the PATCH takes an
 * object there (apispec.yaml: PATCH /v1/blueprints/{blueprint_identifier}/permissions).
 */
export const EntityReadPermission = closedObject("an entity read permission", {
  ...subjects,
  /** Also let the members of an entity's owning teams see it. Default `false`. */
  ownedByTeam: z.boolean().default(false),
  /** Only entities matching this query are visible to those granted; see {@link EntityQuery}. Omitted or `null`: no narrowing. */
  policy: EntityQuery.nullable().optional(),
})
  .check(noDuplicates)
  .transform(({ policy, ...block }) => (policy === null || policy === undefined ? block : { ...block, policy }));
export type EntityReadPermission = z.output<typeof EntityReadPermission>;

/** Meta-properties whose update permission Port keeps beside the blueprint's own properties. */
export const META_PROPERTY_KEYS = ["$identifier", "$title", "$icon", "$team"] as const;

/** A key of `updateProperties`: a property identifier of the blueprint, or a meta-property such as `$title`. */
export const PermissionPropertyKey = z.string().check((payload) => {
  const key = payload.value;
  if (PORT_IDENTIFIER_PATTERNS.property.test(key) || (META_PROPERTY_KEYS as readonly string[]).includes(key)) return;
  payload.issues.push({
    code: "custom",
    input: key,
    continue: true,
    message: `${showValue(key)} is neither a property identifier (letters, digits and @ _ = \\ -) nor one of ${META_PROPERTY_KEYS.join(", ")}.${didYouMean(key, [...META_PROPERTY_KEYS])} Fix the key.`,
  });
});

/** The `entities` document of a blueprint's permissions. A block left out is not managed: Port keeps it as it is. */
export const BlueprintEntityPermissions = closedObject("blueprint entity permissions", {
  /** Who may see the entities. */
  read: EntityReadPermission.optional(),
  /** Who may create entities. */
  register: EntityPermission.optional(),
  /** Who may change any field of an entity. */
  update: EntityPermission.optional(),
  /** Who may delete entities. */
  unregister: EntityPermission.optional(),
  /** Who may change one property (or meta-property such as `$title`), by key. Keys left out are not managed. */
  updateProperties: z.record(PermissionPropertyKey, EntityPermission).optional(),
  /** Who may change one relation, by relation identifier. Keys left out are not managed. */
  updateRelations: z.record(PropertyIdentifier, EntityPermission).optional(),
});
export type BlueprintEntityPermissions = z.output<typeof BlueprintEntityPermissions>;

/** A blueprint's permissions: `PATCH /v1/blueprints/{blueprint}/permissions` with `{entities}`. */
export const BlueprintPermissionsSpec = closedObject("blueprint permissions", {
  /** The blueprint these permissions belong to. Changing it moves them (the old blueprint's are restored). */
  blueprint: BlueprintIdentifier,
  /** The entity permissions; see {@link BlueprintEntityPermissions}. */
  entities: BlueprintEntityPermissions,
});
export type BlueprintPermissionsSpec = z.output<typeof BlueprintPermissionsSpec>;
export type BlueprintPermissionsSpecInput = z.input<typeof BlueprintPermissionsSpec>;

// ---------------------------------------------------------------------------------------------
// Action permissions

/**
 * A dynamic permission: named entity queries run when the action is used, and JQ conditions over
 * their results (e.g. `.results.owners.entities | length > 0`); all conditions must hold.
 */
export const PermissionPolicy = closedObject("a permission policy", {
  /** Entity queries by name; a condition reads a query's results as `.results.<name>`. Default `{}`. */
  queries: z.record(PropertyIdentifier, EntityQuery).default({}),
  /** JQ expressions that must all be true for the permission to apply; at least one. */
  conditions: z.array(z.string().min(1)).min(1),
});
export type PermissionPolicy = z.output<typeof PermissionPolicy>;

/** Who may run the action. */
export const ActionExecutePermission = closedObject("an execute permission", {
  ...subjects,
  /** Also let the members of the teams owning the action's entity run it. Default `false`. */
  ownedByTeam: z.boolean().default(false),
  /** A dynamic condition on top of the lists; see {@link PermissionPolicy}. Omitted or `null`: none. */
  policy: PermissionPolicy.nullable().optional(),
}).check(noDuplicates);
export type ActionExecutePermission = z.output<typeof ActionExecutePermission>;

/** Who may approve a run of the action (when the action requires approval). */
export const ActionApprovePermission = closedObject("an approve permission", {
  ...subjects,
  /** A dynamic condition on top of the lists; see {@link PermissionPolicy}. Omitted or `null`: none. */
  policy: PermissionPolicy.nullable().optional(),
}).check(noDuplicates);
export type ActionApprovePermission = z.output<typeof ActionApprovePermission>;

/** An action's permissions: `PATCH /v1/actions/{action}/permissions` with `{execute, approve}`. A block left out is not managed. */
export const ActionPermissionsSpec = closedObject("action permissions", {
  /** The action (or automation) these permissions belong to. */
  action: ActionIdentifier,
  /** Who may run the action. */
  execute: ActionExecutePermission.optional(),
  /** Who may approve its runs. */
  approve: ActionApprovePermission.optional(),
}).check(
  crossCheck((input, report) => {
    const spec = asRecord(input);
    if (spec !== undefined && spec.execute === undefined && spec.approve === undefined) {
      report({ path: [], input: spec, message: "declares neither execute nor approve, so it would change nothing. Add execute or approve." });
    }
  }),
);
export type ActionPermissionsSpec = z.output<typeof ActionPermissionsSpec>;
export type ActionPermissionsSpecInput = z.input<typeof ActionPermissionsSpec>;

// ---------------------------------------------------------------------------------------------
// Comparison and JQ checks

const SET_KEYS = ["users", "teams", "roles"];

/**
 * The normal form of any permissions document for comparison: `users`, `teams` and `roles` as
 * sorted sets, and a `null` policy as no policy (Port treats both the same).
 */
export function normalizePermissions<T>(doc: T): T {
  if (Array.isArray(doc)) return doc.map(normalizePermissions) as T;
  const record = asRecord(doc);
  if (record === undefined) return doc;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "policy" && value === null) continue;
    if (SET_KEYS.includes(key) && Array.isArray(value) && value.every((v) => typeof v === "string")) {
      out[key] = [...new Set(value as string[])].sort();
    } else {
      out[key] = normalizePermissions(value);
    }
  }
  return out as T;
}

/** The JQ of a policy: every condition, and every `{{ }}` template inside its queries' values. */
export function policyJqFields(policy: unknown, field: string): JqField[] {
  const record = asRecord(policy);
  if (record === undefined) return [];
  const fields: JqField[] = [];
  const conditions = Array.isArray(record.conditions) ? record.conditions : [];
  conditions.forEach((expression, index) => {
    if (typeof expression === "string") fields.push({ field: `${field}.conditions[${index}]`, expression });
  });
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      for (const expression of templateExpressions(value)) fields.push({ field: path, expression });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}[${index}]`));
    } else if (asRecord(value) !== undefined) {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) walk(item, `${path}.${key}`);
    }
  };
  walk(record.queries, `${field}.queries`);
  return fields;
}
