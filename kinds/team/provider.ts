import {
  createTeam,
  deleteTeam,
  getTeam,
  replaceTeam,
  teamEntityIdentifiers,
  teamMemberEmails,
  waitForTeamEntityIdentifier,
  type PortTeam,
  type PortTeamBody,
  type WaitOptions,
} from "./client";
import type { PortClient } from "../../core/client/port-client";
import { TeamSpec } from "./schema";
import { asSet } from "../../core/providers/canonical-json";
import { documentLogic, type PortDocument } from "../../core/providers/document-logic";

/**
 * Port's answer in the spec's terms: members as emails (Port lists user objects), and no
 * `description: null` (the same as none).
 */
function teamDocument(team: PortTeam): PortDocument {
  const { users: _users, ...rest } = team;
  const doc: PortDocument = { ...rest, users: teamMemberEmails(team) };
  if (doc.description === null) delete doc.description;
  return doc;
}

/**
 * The team with `identifier`, its `_team` entity's identifier (what entities' `team` holds), where
 * the org keeps teams as `_team` entities. Port's team answers carry none (apispec.yaml: /v1/teams),
 * so it is searched for, and after a write waited for (Port creates the entity asynchronously).
 */
async function withIdentifier(client: PortClient, doc: PortDocument, wait: WaitOptions | false): Promise<PortDocument> {
  const name = String(doc.name);
  const identifier = wait ? await waitForTeamEntityIdentifier(client, name, wait) : (await teamEntityIdentifiers(client, [name]))?.get(name);
  return identifier === undefined ? doc : { ...doc, identifier };
}

/**
 * A team, addressed by name (a new name replaces it). Membership is managed only when the code
 * lists `users`; otherwise Port's members (from users' teams, SSO or the UI) are kept on update.
 * `waitForEntity` tunes the wait for the team's `_team` entity after a write (tests shorten it).
 */
export function teamLogicWith(waitForEntity: WaitOptions = {}) {
  return documentLogic({
    kind: "Team",
    schema: TeamSpec,
    idOf: (spec) => String(spec.name),
    nameOf: (spec) => String(spec.name),
    serverFields: ["id", "provider", "identifier"],
    normalize: (doc) => (Array.isArray(doc.users) ? { ...doc, users: asSet(doc.users as string[]) } : doc),
    api: {
      get: async (client, name) => {
        const team = await getTeam(client, name);
        return team && withIdentifier(client, teamDocument(team), false);
      },
      create: async (client, spec) => withIdentifier(client, teamDocument(await createTeam(client, spec as PortTeamBody)), waitForEntity),
      replace: async (client, name, body) => withIdentifier(client, teamDocument(await replaceTeam(client, name, body as PortTeamBody)), waitForEntity),
      remove: async (client, name) => {
        await deleteTeam(client, name); // already gone counts as done
      },
    },
  });
}

export const teamLogic = teamLogicWith();
