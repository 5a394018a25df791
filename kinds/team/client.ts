/** Typed team calls used by the providers (Port API §12: /v1/teams, teams addressed by name). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** What the code sends: members as emails. The validated shape lives in schema.ts. */
export type PortTeamBody = { name: string; description?: string | null; users?: string[] };

/** What Port answers: members as user objects; `id`, `provider` and the dates are Port's. */
export type PortTeam = {
  name: string;
  description?: string | null;
  users?: ({ email: string; [key: string]: unknown } | string)[];
  [key: string]: unknown;
};

const TEAMS = "/v1/teams";

function teamPath(name: string): string {
  return `${TEAMS}/${pathSegment("team", name)}`;
}

/** The members' emails of a team as Port shows it (user objects, or plain emails). */
export function teamMemberEmails(team: PortTeam): string[] {
  return (team.users ?? []).map((user) => (typeof user === "string" ? user : user.email));
}

/** The team, or undefined when Port answers 404 `not_found`. */
export async function getTeam(client: PortClient, name: string): Promise<PortTeam | undefined> {
  const path = teamPath(name);
  return undefinedWhenNotFound(async () => envelopeField<PortTeam>(await client.request("GET", path), "team", "GET", path));
}

export async function listTeams(client: PortClient): Promise<PortTeam[]> {
  return envelopeField<PortTeam[]>(await client.request("GET", TEAMS), "teams", "GET", TEAMS);
}

/** Members listed in `users` must already be users of the organization. */
export async function createTeam(client: PortClient, body: PortTeamBody): Promise<PortTeam> {
  return envelopeField<PortTeam>(await client.request("POST", TEAMS, { body }), "team", "POST", TEAMS);
}

/** PUT replaces name and description (a new `name` renames); `users`, when given, replaces the membership. */
export async function replaceTeam(client: PortClient, name: string, body: PortTeamBody): Promise<PortTeam> {
  const path = teamPath(name);
  return envelopeField<PortTeam>(await client.request("PUT", path, { body }), "team", "PUT", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). */
export async function deleteTeam(client: PortClient, name: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", teamPath(name)));
}
