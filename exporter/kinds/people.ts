import type { Area, ExportPlan, KindExporter } from "../plan";
import type { PortTeam } from "../../kinds/team/client";
import { userRoleNames, userTeamNames, type PortUser } from "../../kinds/user/client";

/** A team as other declarations name it: its `Team` variable when the export declares it, else its name. */
export const teamRef = (plan: ExportPlan, name: string, from: Area) => plan.ref(`team:${name}`, from) ?? name;

/** A user as other declarations name it: its `User` variable when the export declares it, else the email. */
export const userRef = (plan: ExportPlan, email: string, from: Area) => plan.ref(`user:${email}`, from) ?? email;

/** Teams Port syncs from an identity provider say so; Port's own are "port". */
const syncedFrom = (team: PortTeam) => (typeof team.provider === "string" && team.provider !== "port" ? team.provider : undefined);

/**
 * Teams: name and description. Membership is left to the users' `teams` (exported next): the
 * Team component manages members only when it lists `users`, and membership belongs in one place.
 */
export const exportTeams: KindExporter = (org, plan) => {
  for (const team of [...org.teams].sort((a, b) => a.name.localeCompare(b.name))) {
    const args: Record<string, unknown> = { name: team.name };
    if (typeof team.description === "string" && team.description !== "") args.description = team.description;
    const provider = syncedFrom(team);
    const comment = provider ? `Synced from ${provider}: changes to it belong there.` : undefined;
    plan.add({ area: "people", component: "Team", key: `team:${team.name}`, name: team.name, args, comment });
  }
};

/**
 * Port's human users (invited or active) with all their roles and teams: the User component sends
 * both lists whole, so a role or team left out would be taken away on the first change. Users of
 * another `type` than "standard" (Port's service users) are Port's to manage and are left out.
 */
export const exportUsers: KindExporter = (org, plan) => {
  const humans = org.users.filter((user: PortUser) => user.type === undefined || user.type === "standard");
  for (const user of humans.sort((a, b) => a.email.localeCompare(b.email))) {
    plan.add({
      area: "people",
      component: "User",
      key: `user:${user.email}`,
      name: user.email,
      args: { email: user.email, roles: userRoleNames(user), teams: userTeamNames(user).map((team) => teamRef(plan, team, "people")) },
    });
  }
};
