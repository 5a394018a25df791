/**
 * /v1/teams (port-api.md §12): teams addressed by name. Members are users of the organization
 * (listing an email that is not a user is refused), held on the users (see directory.ts).
 * Each team is also a `_team` entity with an identifier of its own (people-entities.ts); the team
 * routes still address teams by name (apispec.yaml: /v1/teams/{name}), and their answers carry
 * no identifier (apispec.yaml: POST /v1/teams answers id, name, dates, provider, description, users).
 */
import { randomUUID } from "crypto";
import { identifierTaken, notFound } from "./api-error";
import { checkNames, teamsOf, teamView, usersOf, type StoredTeam } from "./directory";
import { checkNoExtraKeys, checkString } from "./field-checks";
import type { OrgStore } from "./org-store";
import { seedPeopleBlueprints, syncPeopleEntities } from "./people-entities";
import type { Router } from "./router";
import { jsonType, Problems, requireBodyObject } from "./validation-problems";

/** Port's team name pattern (port-api.md §0). */
const TEAM_NAME = /^[^;#/?\s][^;#/?]*[^;#/?\s]$/;
const TEAM_KEYS = ["name", "description", "users"];
/** Fields the server writes; clients may echo them back. */
const SERVER_KEYS = ["id", "provider", "createdAt", "updatedAt"];

type Body = Record<string, unknown>;

export function registerTeamRoutes(router: Router, store: OrgStore): void {
  // Looked up per request: a reset of the emulator replaces the collections.
  const teams = () => teamsOf(store);
  seedPeopleBlueprints(store); // `_user` and `_team`, once per org (the user routes rely on them too)

  // `fields` narrows Port's answer; the emulator accepts it and answers with every field.
  router.add("GET", "/v1/teams", () => ({ body: { ok: true, teams: [...teams().values()].map((team) => teamView(store, team)) } }));

  router.add("GET", "/v1/teams/:name", ({ params }) => ({ body: { ok: true, team: teamView(store, getTeam(store, params.name)) } }));

  router.add("POST", "/v1/teams", ({ body }) => {
    const doc = validateTeam(store, requireBodyObject(body), { nameRequired: true });
    const name = doc.name as string;
    if (teams().has(name)) throw identifierTaken("Team", name);
    const now = new Date().toISOString();
    const team: StoredTeam = { id: randomUUID(), name, provider: "port", createdAt: now, updatedAt: now };
    if (typeof doc.description === "string") team.description = doc.description;
    teams().set(name, team);
    if (Array.isArray(doc.users)) setMembers(store, name, doc.users as string[]);
    syncPeopleEntities(store);
    store.changed();
    return { body: { ok: true, team: teamView(store, team) } };
  });

  // PUT replaces name and description; `users`, when given, replaces the membership.
  router.add("PUT", "/v1/teams/:name", ({ params, body }) => {
    const existing = getTeam(store, params.name);
    const doc = validateTeam(store, requireBodyObject(body), { nameRequired: true });
    const team = writeTeam(store, existing, { name: doc.name as string, description: doc.description, users: doc.users });
    return { body: { ok: true, team: teamView(store, team) } };
  });

  // PATCH changes only what is given; `description: null` clears it.
  router.add("PATCH", "/v1/teams/:name", ({ params, body }) => {
    const existing = getTeam(store, params.name);
    const doc = validateTeam(store, requireBodyObject(body), { nameRequired: false });
    const description = "description" in doc ? doc.description : existing.description;
    const team = writeTeam(store, existing, { name: (doc.name as string | undefined) ?? existing.name, description, users: doc.users });
    return { body: { ok: true, team: teamView(store, team) } };
  });

  router.add("DELETE", "/v1/teams/:name", ({ params }) => {
    const team = getTeam(store, params.name);
    teams().delete(team.name);
    for (const user of usersOf(store).values()) user.teams = user.teams.filter((name) => name !== team.name);
    syncPeopleEntities(store);
    store.changed();
    return { body: { ok: true } };
  });
}

function getTeam(store: OrgStore, name: string): StoredTeam {
  const team = teamsOf(store).get(name);
  if (!team) throw notFound("Team", name, "name");
  return team;
}

/** Stores a team under its (possibly new) name, keeping list order; members follow a rename. */
function writeTeam(store: OrgStore, existing: StoredTeam, doc: { name: string; description: unknown; users: unknown }): StoredTeam {
  const teams = teamsOf(store);
  if (doc.name !== existing.name && teams.has(doc.name)) throw identifierTaken("Team", doc.name);
  const team: StoredTeam = { ...existing, name: doc.name, updatedAt: new Date().toISOString() };
  if (typeof doc.description === "string") team.description = doc.description;
  else delete team.description;
  if (doc.name !== existing.name) {
    const entries = [...teams.entries()].map(([key, value]): [string, StoredTeam] => (key === existing.name ? [doc.name, team] : [key, value]));
    teams.clear();
    for (const [key, value] of entries) teams.set(key, value);
    for (const user of usersOf(store).values()) user.teams = user.teams.map((name) => (name === existing.name ? doc.name : name));
  } else {
    teams.set(team.name, team);
  }
  if (Array.isArray(doc.users)) setMembers(store, team.name, doc.users as string[]);
  syncPeopleEntities(store);
  store.changed();
  return team;
}

/** Exactly `emails` are members afterwards. */
function setMembers(store: OrgStore, team: string, emails: string[]): void {
  for (const user of usersOf(store).values()) {
    const member = emails.includes(user.email);
    if (member && !user.teams.includes(team)) user.teams = [...user.teams, team];
    if (!member && user.teams.includes(team)) user.teams = user.teams.filter((name) => name !== team);
  }
}

function validateTeam(store: OrgStore, body: Body, opts: { nameRequired: boolean }): Body {
  const problems = new Problems();
  const doc: Body = { ...body };
  for (const key of SERVER_KEYS) delete doc[key];
  checkNoExtraKeys(problems, "/", doc, TEAM_KEYS);
  checkString(problems, "/name", doc.name, { required: opts.nameRequired, pattern: TEAM_NAME });
  if (doc.description !== undefined && doc.description !== null && typeof doc.description !== "string") {
    problems.add("/description", `must be string or null (got ${jsonType(doc.description)})`);
  }
  if (doc.users !== undefined) {
    const users = usersOf(store);
    checkNames(problems, "/users", doc.users, "user", (email) => users.has(email));
  }
  problems.throwIfAny();
  return doc;
}
