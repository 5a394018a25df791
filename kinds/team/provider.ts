import { createTeam, deleteTeam, getTeam, replaceTeam, teamMemberEmails, type PortTeam, type PortTeamBody } from "./client";
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
 * A team, addressed by name (a new name replaces it). Membership is managed only when the code
 * lists `users`; otherwise Port's members (from users' teams, SSO or the UI) are kept on update.
 */
export const teamLogic = documentLogic({
  kind: "Team",
  schema: TeamSpec,
  idOf: (spec) => String(spec.name),
  nameOf: (spec) => String(spec.name),
  serverFields: ["id", "provider"],
  normalize: (doc) => (Array.isArray(doc.users) ? { ...doc, users: asSet(doc.users as string[]) } : doc),
  api: {
    get: async (client, name) => {
      const team = await getTeam(client, name);
      return team && teamDocument(team);
    },
    create: async (client, spec) => teamDocument(await createTeam(client, spec as PortTeamBody)),
    replace: async (client, name, body) => teamDocument(await replaceTeam(client, name, body as PortTeamBody)),
    remove: async (client, name) => {
      await deleteTeam(client, name); // already gone counts as done
    },
  },
});
