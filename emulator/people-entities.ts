/**
 * Port's system blueprints for people, `_user` and `_team`, and the entity Port keeps for each
 * user and team (docs sso-rbac/users-and-teams/manage-users-teams.md: "two blueprints will be
 * automatically created ... User and Team", synced with Port's users and teams). The team and user
 * routes call `syncPeopleEntities` after every change, so the entities always mirror the directory.
 */
import { randomBytes } from "crypto";
import { teamsOf, usersOf, MODERATOR_SUFFIX, type StoredUser } from "./directory";
import type { Blueprint, Entity, OrgStore } from "./org-store";

export const USER_BLUEPRINT = "_user";
export const TEAM_BLUEPRINT = "_team";
/** Team id → identifier of its `_team` entity, so a renamed team keeps its entity. */
const TEAM_ENTITY_IDS = "team-entity-identifiers";
/** Who Port names as the writer of entities it keeps in step with users and teams (assumption: see emulator/README.md). */
const SYSTEM_WRITER = "port";

type Doc = Record<string, unknown>;

function systemBlueprint(identifier: string, title: string, properties: Doc): Blueprint {
  const now = new Date().toISOString();
  return {
    identifier,
    title,
    icon: title,
    schema: { properties, required: [] },
    relations: {},
    mirrorProperties: {},
    calculationProperties: {},
    aggregationProperties: {},
    createdAt: now,
    createdBy: SYSTEM_WRITER,
    updatedAt: now,
    updatedBy: SYSTEM_WRITER,
  };
}

/**
 * Seeds `_user` and `_team` in every org. Their properties follow the docs' list (manage-users-teams.md)
 * as far as identifiers are published: `port_role` (docs: dynamic-permissions.md queries it); the
 * other identifiers are an assumption: see emulator/README.md.
 */
export function seedPeopleBlueprints(store: OrgStore): void {
  store.seed(() => {
    store.blueprints.set(
      USER_BLUEPRINT,
      systemBlueprint(USER_BLUEPRINT, "User", {
        port_role: { type: "string", title: "Port Role", enum: ["Admin", "Member", "Moderator"] },
        status: { type: "string", title: "Status" },
        moderated_blueprints: { type: "array", title: "Moderated Blueprints", items: { type: "string" } },
      }),
    );
    store.blueprints.set(TEAM_BLUEPRINT, systemBlueprint(TEAM_BLUEPRINT, "Team", { description: { type: "string", title: "Description" } }));
  });
}

/** A new `_team` identifier: Port generates one (terraform-provider-port-labs internal/cli/team.go reads it back by search); the format is an assumption: see emulator/README.md. */
function newTeamIdentifier(): string {
  return `team_${randomBytes(6).toString("hex")}`;
}

/** The `_team` identifier of each team, by team name. */
export function teamEntityIdentifiers(store: OrgStore): Map<string, string> {
  const ids = store.collection<{ identifier: string }>(TEAM_ENTITY_IDS);
  const out = new Map<string, string>();
  for (const team of teamsOf(store).values()) {
    const entry = ids.get(team.id);
    if (entry) out.set(team.name, entry.identifier);
  }
  return out;
}

/** Port's role label on `_user` (docs dynamic-permissions.md compares `port_role` with "Moderator"). */
function portRole(user: StoredUser): string {
  if (user.roles.includes("Admin")) return "Admin";
  return user.roles.some((role) => role.endsWith(MODERATOR_SUFFIX)) ? "Moderator" : "Member";
}

/** Writes `doc` over the stored entity when it differs; properties and relations added by the org are kept. */
function upsert(store: OrgStore, blueprint: string, doc: { identifier: string; title: string; team?: string[]; properties: Doc }): void {
  const entities = store.entitiesOf(blueprint);
  const existing = entities.get(doc.identifier);
  const properties = { ...((existing?.properties as Doc | undefined) ?? {}), ...doc.properties };
  const next: Entity = {
    ...(existing ?? {}),
    identifier: doc.identifier,
    title: doc.title,
    ...(doc.team ? { team: doc.team } : {}),
    properties,
    relations: (existing?.relations as Doc | undefined) ?? {},
    blueprint,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
    createdBy: existing?.createdBy ?? SYSTEM_WRITER,
    updatedAt: (existing?.updatedAt as string | undefined) ?? new Date().toISOString(),
    updatedBy: existing?.updatedBy ?? SYSTEM_WRITER,
  };
  if (existing && JSON.stringify({ ...existing, updatedAt: 0, updatedBy: 0 }) === JSON.stringify({ ...next, updatedAt: 0, updatedBy: 0 })) return;
  if (existing) Object.assign(next, { updatedAt: new Date().toISOString(), updatedBy: SYSTEM_WRITER });
  entities.set(doc.identifier, next);
}

/**
 * Brings the `_team` and `_user` entities in step with the teams and users: one `_team` entity per
 * team (title = name, docs manage-users-teams.md), one `_user` entity per user (identifier = email,
 * `team` = its teams' identifiers, docs sso-rbac/ownership.md maps a user's teams into `team`).
 * Entities of teams and users that are gone are deleted, and a deleted team's identifier is removed
 * from every entity's `team` (assumption: see emulator/README.md).
 */
export function syncPeopleEntities(store: OrgStore): void {
  if (!store.blueprints.has(TEAM_BLUEPRINT) || !store.blueprints.has(USER_BLUEPRINT)) return;
  const ids = store.collection<{ identifier: string }>(TEAM_ENTITY_IDS);
  const teams = teamsOf(store);
  const liveTeamIds = new Set([...teams.values()].map((team) => team.id));
  const gone = new Set<string>();
  for (const [teamId, { identifier }] of [...ids.entries()]) {
    if (liveTeamIds.has(teamId)) continue;
    ids.delete(teamId);
    store.entitiesOf(TEAM_BLUEPRINT).delete(identifier);
    gone.add(identifier);
  }
  for (const team of teams.values()) {
    if (!ids.has(team.id)) ids.set(team.id, { identifier: newTeamIdentifier() });
    upsert(store, TEAM_BLUEPRINT, { identifier: ids.get(team.id)!.identifier, title: team.name, properties: { description: team.description ?? null } });
  }
  if (gone.size > 0) stripTeams(store, gone);

  const identifiers = teamEntityIdentifiers(store);
  const users = usersOf(store);
  for (const identifier of [...store.entitiesOf(USER_BLUEPRINT).keys()]) if (!users.has(identifier)) store.entitiesOf(USER_BLUEPRINT).delete(identifier);
  for (const user of users.values()) {
    const title = `${user.firstName} ${user.lastName}`.trim() || user.email;
    const moderated = user.roles.filter((role) => role.endsWith(MODERATOR_SUFFIX)).map((role) => role.slice(0, -MODERATOR_SUFFIX.length));
    upsert(store, USER_BLUEPRINT, {
      identifier: user.email,
      title,
      team: user.teams.map((name) => identifiers.get(name)).filter((id): id is string => id !== undefined),
      properties: { port_role: portRole(user), status: user.status, moderated_blueprints: moderated },
    });
  }
}

function stripTeams(store: OrgStore, gone: Set<string>): void {
  for (const blueprint of store.blueprints.keys()) {
    for (const entity of store.entitiesOf(blueprint).values()) {
      if (Array.isArray(entity.team)) entity.team = entity.team.filter((id) => !gone.has(id as string));
      else if (typeof entity.team === "string" && gone.has(entity.team)) entity.team = [];
    }
  }
}
