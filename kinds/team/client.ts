/** Typed team calls used by the providers (Port API §12: /v1/teams, teams addressed by name). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import { pollUntil } from "../../core/client/poll";
import type { PortClient } from "../../core/client/port-client";
import { searchEntities } from "../entity/client";

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

/** Port's system blueprint of teams: one entity per team, titled with the team's name (docs: manage-users-teams). */
export const TEAM_BLUEPRINT = "_team";

/**
 * The `_team` identifier of each of `values` that names a team, by team name (the entity's title)
 * or by identifier; values that name neither are left out. Undefined when the org has no `_team`
 * blueprint, where entities name teams by name. One search, as terraform-provider-port-labs
 * (internal/cli/team.go) finds a team's identifier by searching `_team` by title.
 */
export async function teamEntityIdentifiers(client: PortClient, values: string[]): Promise<Map<string, string> | undefined> {
  const entities = await searchTeamEntities(client, [
    { property: "$identifier", operator: "in", value: values },
    { property: "$title", operator: "in", value: values },
  ]);
  if (!entities) return undefined;
  const found = new Map<string, string>();
  for (const entity of entities) if (typeof entity.title === "string" && values.includes(entity.title)) found.set(entity.title, entity.identifier);
  // An identifier names itself, even where another team is titled with it.
  for (const entity of entities) if (values.includes(entity.identifier)) found.set(entity.identifier, entity.identifier);
  return found;
}

/** The `_team` entities matching any of `rules`, or undefined when the org has no `_team` blueprint. */
function searchTeamEntities(client: PortClient, rules: unknown[]) {
  return searchEntities(client, TEAM_BLUEPRINT, { combinator: "or", rules }, { include: ["$identifier", "$title"] });
}

export interface WaitOptions {
  /** How many searches before giving up. Default 10, as terraform-provider-port-labs retries a missing team entity. */
  attempts?: number;
  /** Wait between searches. Default 1000 ms. */
  delayMs?: number;
}

/**
 * The identifier of the team's `_team` entity, which Port creates asynchronously after the team
 * (terraform-provider-port-labs internal/cli/team.go retries "team entity is missing"); undefined
 * where the org has no `_team` blueprint. Throws when the entity does not appear in time.
 */
export async function waitForTeamEntityIdentifier(client: PortClient, name: string, opts: WaitOptions = {}): Promise<string | undefined> {
  const attempts = opts.attempts ?? 10;
  const delayMs = opts.delayMs ?? 1000;
  const found = await pollUntil(
    async () => {
      const entities = await searchTeamEntities(client, [{ property: "$title", operator: "=", value: name }]);
      if (!entities) return { identifier: undefined }; // no _team blueprint: nothing to wait for
      return entities.length > 0 ? { identifier: entities[0].identifier } : undefined;
    },
    { timeoutMs: Infinity, firstDelayMs: delayMs, maxDelayMs: delayMs, maxAttempts: attempts },
  );
  if (!found)
    throw new Error(`Team "${name}": Port has not created its ${TEAM_BLUEPRINT} entity after ${attempts} searches. Run again; if it persists, check the team in Port's UI.`);
  return found.identifier;
}
