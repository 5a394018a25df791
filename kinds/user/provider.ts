import { reconciledCreate } from "../../core/providers/reconcile";
import { deleteUser, getUser, inviteUser, updateUser, userRoleNames, userTeamNames, type PortUser } from "./client";
import { getBlueprint } from "../blueprint/client";
import { listTeams } from "../team/client";
import { type PortClient } from "../../core/client/port-client";
import { moderatedBlueprint, UserInvitationSpec } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { asSet, sameJson } from "../../core/providers/canonical-json";
import { ResourceLogic, checkFailures, containsUnknown, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * A user invitation: roles and teams of one user, by email (a new email replaces it).
 *
 * Removing a user from the code must undo only what the code did. A user who was not in the org
 * is invited, and deleted again on delete. A user who already was (invited or active) keeps their
 * account: create remembers their roles and teams (`previous`), and delete puts those back.
 */
type Access = { roles: string[]; teams: string[] };

function outputsOf(user: PortUser, previous: Access | undefined): Record<string, unknown> {
  const outs: Record<string, unknown> = { email: user.email, roles: userRoleNames(user), teams: userTeamNames(user), status: user.status };
  if (previous) outs.previous = previous;
  return outs;
}

const sameAccess = (a: Access, b: Access) => sameJson(asSet(a.roles), asSet(b.roles)) && sameJson(asSet(a.teams), asSet(b.teams));

/** Reads the user back; Port's invite answers only `{ok}`. */
async function mustGetUser(client: PortClient, email: string): Promise<PortUser> {
  const user = await getUser(client, email);
  if (!user) throw new Error(`User "${email}": Port accepted the invitation but does not show the user. Run again; if it persists, check the user in Port's UI.`);
  return user;
}

/**
 * The previous access, minus teams and moderator roles that no longer exist (Port refuses them),
 * and at least one role (Port's rule).
 */
async function restorable(client: PortClient, previous: Access): Promise<Access> {
  const teams = new Set((await listTeams(client)).map((team) => team.name));
  const roles: string[] = [];
  for (const role of previous.roles) {
    const blueprint = moderatedBlueprint(role);
    if (blueprint === undefined || (await getBlueprint(client, blueprint))) roles.push(role);
  }
  return { roles: roles.length > 0 ? roles : ["Member"], teams: previous.teams.filter((team) => teams.has(team)) };
}

export const userLogic: ResourceLogic = {
  async check(_olds, news) {
    const spec = withoutPulumiKeys(news);
    const result = validateSpec(UserInvitationSpec, "User", String(spec.email ?? "(no email)"), spec);
    if (!result.ok) return { failures: checkFailures(result.problems, "email") };
    return { inputs: result.value };
  },

  async diff(id, olds, news) {
    const spec = withoutPulumiKeys(news);
    if (!containsUnknown(spec.email) && spec.email !== id) return { changes: true, replaces: ["email"] };
    if (containsUnknown(spec)) return { changes: true };
    const held = { roles: (olds.roles ?? []) as string[], teams: (olds.teams ?? []) as string[] };
    return { changes: !sameAccess(held, { roles: spec.roles, teams: spec.teams }) };
  },

  async create(client, inputs) {
    const { email, roles, teams } = withoutPulumiKeys(inputs) as Access & { email: string };
    const existing = await getUser(client, email);
    if (existing) {
      const previous = { roles: userRoleNames(existing), teams: userTeamNames(existing) };
      // The user already has the code's access (adopted as it is, or a repeated create): nothing to write.
      const current = sameAccess(previous, { roles, teams }) ? existing : await updateUser(client, email, { roles, teams });
      return { id: email, outs: outputsOf(current, previous) };
    }
    // An invitation whose answer was lost is read back: the user with the access sent is ours.
    await reconciledCreate<PortUser | undefined>({
      what: `User "${email}"`,
      create: async () => {
        await inviteUser(client, { email, roles, teams });
        return undefined;
      },
      read: () => getUser(client, email),
      differences: (user) => (user && sameAccess({ roles: userRoleNames(user), teams: userTeamNames(user) }, { roles, teams }) ? [] : ["roles", "teams"]),
    });
    return { id: email, outs: outputsOf(await mustGetUser(client, email), undefined) };
  },

  async read(client, id, props) {
    const user = await getUser(client, id);
    if (!user) return {}; // removed in Port: the engine drops it from state
    return { id, props: outputsOf(user, props.previous) };
  },

  async update(client, id, olds, news) {
    const { roles, teams } = withoutPulumiKeys(news) as Access;
    return { outs: outputsOf(await updateUser(client, id, { roles, teams }), olds.previous) };
  },

  async delete(client, id, props) {
    if (!props.previous) {
      await deleteUser(client, id); // already gone counts as done
      return;
    }
    if (!(await getUser(client, id))) return;
    await updateUser(client, id, await restorable(client, props.previous as Access));
  },
};
