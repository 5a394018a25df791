/** Typed user calls used by the providers (Port API §13: invitations, then /v1/users/{email}). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** An invitation: who, with which roles and teams (omitted roles: Port's default, Member). */
export type PortInvitee = { email: string; roles?: string[]; teams?: string[] };

/** Roles and teams to set on an existing user; a list left out is not changed. Port requires at least one role. */
export type PortUserUpdate = { roles?: string[]; teams?: string[] };

/** A named item as Port lists a user's roles (`{name}` objects) and teams (names; apispec.yaml types them as strings). */
type Named = { name: string; [key: string]: unknown } | string;

/** What Port answers for a user (only the fields the providers read are typed). */
export type PortUser = { email: string; status?: string; roles?: Named[]; teams?: Named[]; [key: string]: unknown };

const USERS = "/v1/users";

function userPath(email: string): string {
  return `${USERS}/${pathSegment("user", email)}`;
}

const names = (items: Named[] | undefined): string[] => (items ?? []).map((item) => (typeof item === "string" ? item : item.name));

/** The user's role names, e.g. `["Member", "service-moderator"]`. */
export function userRoleNames(user: PortUser): string[] {
  return names(user.roles);
}

/** The names of the user's teams. */
export function userTeamNames(user: PortUser): string[] {
  return names(user.teams);
}

/** The user, or undefined when Port answers 404 `not_found`. */
export async function getUser(client: PortClient, email: string): Promise<PortUser | undefined> {
  const path = userPath(email);
  return undefinedWhenNotFound(async () => envelopeField<PortUser>(await client.request("GET", path), "user", "GET", path));
}

export async function listUsers(client: PortClient): Promise<PortUser[]> {
  return envelopeField<PortUser[]>(await client.request("GET", USERS), "users", "GET", USERS);
}

/** Invites a user (Port answers only `{ok}`); `notify: false` spares the invitee Port's email. */
export async function inviteUser(client: PortClient, invitee: PortInvitee, opts: { notify?: boolean } = {}): Promise<void> {
  await client.request("POST", `${USERS}/invite`, { body: { invitee }, query: { notify: opts.notify } });
}

/** apispec.yaml: PATCH /v1/users/{user_email} answers the user's fields beside `ok`, not under a `user` key. */
export async function updateUser(client: PortClient, email: string, update: PortUserUpdate): Promise<PortUser> {
  const { ok: _ok, ...user } = await client.request("PATCH", userPath(email), { body: update });
  return { email, ...user } as PortUser;
}

/** True when deleted, false when the user was already gone (404 `not_found`). */
export async function deleteUser(client: PortClient, email: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", userPath(email)));
}
