/**
 * /v1/users (port-api.md §13): invitations by email with roles and teams, then read, update
 * (roles, teams) and delete by email. A role or team named must exist (422 naming it). Each user
 * is also a `_user` entity (people-entities.ts).
 */
import { identifierTaken, notFound } from "./api-error";
import { checkNames, followBlueprintRoles, newUser, roleExists, teamsOf, usersOf, type StoredUser } from "./directory";
import { syncPeopleEntities, teamEntityIdentifiers } from "./people-entities";
import { checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import type { OrgStore } from "./org-store";
import { booleanParams } from "./query-params";
import type { Router } from "./router";
import { Problems, requireBodyObject } from "./validation-problems";

/** Loose on purpose: Port's exact email rule is not published; this catches the obvious mistakes. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerUserRoutes(router: Router, store: OrgStore): void {
  // Looked up per request: a reset of the emulator replaces the collections.
  const users = () => usersOf(store);
  followBlueprintRoles(store);
  // Moderator roles follow their blueprint (followBlueprintRoles); so do the `_user` entities.
  store.onBlueprint({ renamed: () => syncPeopleEntities(store), deleted: () => syncPeopleEntities(store) });

  // `fields` narrows Port's answer; the emulator accepts it and answers with every field.
  router.add("GET", "/v1/users", () => ({ body: { ok: true, users: [...users().values()].map(publishedUser) } }));

  // apispec.yaml: GET /v1/users/{user_email} answers `{ok, user}`; only this answer lists `teamsIdentifiers`.
  router.add("GET", "/v1/users/:email", ({ params }) => {
    const user = getUser(store, params.email);
    const identifiers = teamEntityIdentifiers(store);
    const teamsIdentifiers = user.teams.map((name) => identifiers.get(name)).filter((id) => id !== undefined);
    return { body: { ok: true, user: { ...publishedUser(user), teamsIdentifiers } } };
  });

  router.add("POST", "/v1/users/invite", ({ query, body }) => {
    booleanParams(query, ["notify"]); // Port emails the invitee unless notify=false; nobody to email here.
    const problems = new Problems();
    const doc = requireBodyObject(body);
    checkNoExtraKeys(problems, "/", doc, ["invitee"]);
    const invitee = checkObject(problems, "/invitee", doc.invitee, true);
    let email: string | undefined;
    let roles: string[] | undefined;
    let teams: string[] | undefined;
    if (invitee) {
      checkNoExtraKeys(problems, "/invitee", invitee, ["email", "roles", "teams"]);
      if (checkString(problems, "/invitee/email", invitee.email, { required: true, pattern: EMAIL })) email = invitee.email as string;
      if (invitee.roles !== undefined) roles = checkRoles(store, problems, "/invitee/roles", invitee.roles);
      if (invitee.teams !== undefined) teams = checkTeams(store, problems, "/invitee/teams", invitee.teams);
    }
    problems.throwIfAny();
    if (users().has(email!)) throw identifierTaken("User", email!);
    users().set(email!, newUser(email!, roles ?? ["Member"], teams ?? []));
    syncPeopleEntities(store);
    store.changed();
    return { body: { ok: true } };
  });

  router.add("PATCH", "/v1/users/:email", ({ params, body }) => {
    const user = getUser(store, params.email);
    const problems = new Problems();
    const doc = requireBodyObject(body);
    checkNoExtraKeys(problems, "/", doc, ["roles", "teams"]);
    const roles = doc.roles === undefined ? undefined : checkRoles(store, problems, "/roles", doc.roles);
    const teams = doc.teams === undefined ? undefined : checkTeams(store, problems, "/teams", doc.teams);
    problems.throwIfAny();
    if (roles) user.roles = [...new Set(roles)];
    if (teams) user.teams = [...new Set(teams)];
    user.updatedAt = new Date().toISOString();
    syncPeopleEntities(store);
    store.changed();
    // apispec.yaml: PATCH /v1/users/{user_email} answers the user's fields beside `ok`, with no `user` key.
    return { body: { ok: true, ...publishedUser(user) } };
  });

  router.add("DELETE", "/v1/users/:email", ({ params }) => {
    const user = getUser(store, params.email);
    users().delete(user.email);
    syncPeopleEntities(store);
    store.changed();
    return { body: { ok: true } };
  });
}

/** A user as apispec.yaml publishes it (GET /v1/users, GET and PATCH /v1/users/{user_email}): roles as `{name}` objects, teams as names. */
function publishedUser(user: StoredUser): Record<string, unknown> {
  return { ...user, roles: user.roles.map((name) => ({ name })), teams: [...user.teams] };
}

function getUser(store: OrgStore, email: string): StoredUser {
  const user = usersOf(store).get(email);
  if (!user) throw notFound("User", email, "email");
  return user;
}

/** Roles: at least one (Port's PATCH rule), each existing. */
function checkRoles(store: OrgStore, problems: Problems, path: string, value: unknown): string[] | undefined {
  const roles = checkNames(problems, path, value, "role", (role) => roleExists(store, role));
  if (roles && roles.length === 0) problems.add(path, "must NOT have fewer than 1 items");
  return roles;
}

function checkTeams(store: OrgStore, problems: Problems, path: string, value: unknown): string[] | undefined {
  const teams = teamsOf(store);
  return checkNames(problems, path, value, "team", (name) => teams.has(name));
}
