/**
 * The organization's people: users (collection "users", keyed by email) and teams (collection
 * "teams", keyed by name), and Port's roles. Membership is held once, on the user (`teams`), and
 * shown on both sides, so a team and its members can never disagree. Shared by the team, user
 * and permission routes, which all apply the rule that a role or team referred to must exist.
 */
import { randomUUID } from "crypto";
import type { OrgStore } from "./org-store";
import { jsonType, pointer, type Problems } from "./validation-problems";

export const TEAMS = "teams";
export const USERS = "users";

/** A stored team; members are not stored here (see the users' `teams`). */
export type StoredTeam = {
  id: string;
  name: string;
  description?: string;
  provider: string;
  createdAt: string;
  updatedAt: string;
};

/** A stored user: roles and teams as plain names (the API shows them as `{name}` objects). */
export type StoredUser = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  picture: string;
  status: string;
  type: string;
  providers: string[];
  roles: string[];
  teams: string[];
  createdAt: string;
  updatedAt: string;
};

export const BUILT_IN_ROLES = ["Admin", "Member"];
export const MODERATOR_SUFFIX = "-moderator";

export function teamsOf(store: OrgStore): Map<string, StoredTeam> {
  return store.collection<StoredTeam>(TEAMS);
}

export function usersOf(store: OrgStore): Map<string, StoredUser> {
  return store.collection<StoredUser>(USERS);
}

/** Roles that exist now: Admin, Member, and `<blueprint>-moderator` for every blueprint. */
export function roleExists(store: OrgStore, role: string): boolean {
  if (BUILT_IN_ROLES.includes(role)) return true;
  return role.endsWith(MODERATOR_SUFFIX) && store.blueprints.has(role.slice(0, -MODERATOR_SUFFIX.length));
}

/** A new user record, as an invitation creates it (status INVITED until the user logs in). */
export function newUser(email: string, roles: string[], teams: string[]): StoredUser {
  const now = new Date().toISOString();
  const local = email.split("@")[0];
  return {
    id: randomUUID(),
    email,
    firstName: local,
    lastName: "",
    picture: "",
    status: "INVITED",
    type: "standard",
    providers: ["port"],
    roles: [...new Set(roles)],
    teams: [...new Set(teams)],
    createdAt: now,
    updatedAt: now,
  };
}

/** A team as the API shows it, with its members read from the users. */
export function teamView(store: OrgStore, team: StoredTeam): Record<string, unknown> {
  const users = [...usersOf(store).values()]
    .filter((user) => user.teams.includes(team.name))
    .map(({ email, firstName, lastName, picture, status }) => ({ email, firstName, lastName, picture, status }));
  return { ...team, users };
}

/**
 * Checks a list of names (`roles`, `teams`, `users`): an array of strings, each of which exists.
 * Returns the list when its shape is right (even if some names do not exist), else undefined.
 */
export function checkNames(problems: Problems, path: string, value: unknown, what: "role" | "team" | "user", exists: (name: string) => boolean): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(path, `must be array (got ${jsonType(value)})`);
    return undefined;
  }
  let shapeOk = true;
  value.forEach((name, index) => {
    if (typeof name !== "string") {
      problems.add(pointer(path, index), `must be string (got ${jsonType(name)})`);
      shapeOk = false;
    } else if (!exists(name)) {
      problems.add(pointer(path, index), missingText(what, name));
    }
  });
  return shapeOk ? (value as string[]) : undefined;
}

function missingText(what: "role" | "team" | "user", name: string): string {
  if (what === "role") {
    return `role "${name}" does not exist (roles: ${BUILT_IN_ROLES.join(", ")}, or <blueprint>${MODERATOR_SUFFIX} of an existing blueprint)`;
  }
  if (what === "team") return `team "${name}" does not exist`;
  return `user "${name}" is not a user of the organization (invite them first)`;
}

/**
 * Keeps moderator roles in step with their blueprint: a renamed blueprint renames the role on
 * every user, a deleted one removes it. Teams and permissions name roles the same way.
 */
export function followBlueprintRoles(store: OrgStore): void {
  store.onBlueprint({
    renamed: (from, to) => {
      for (const user of usersOf(store).values()) {
        user.roles = user.roles.map((role) => (role === `${from}${MODERATOR_SUFFIX}` ? `${to}${MODERATOR_SUFFIX}` : role));
      }
    },
    deleted: (identifier) => {
      for (const user of usersOf(store).values()) user.roles = user.roles.filter((role) => role !== `${identifier}${MODERATOR_SUFFIX}`);
    },
  });
}
