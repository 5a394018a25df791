import { TeamRoles, type IdentifiedComponent, type PagePermissionsArgs, type TeamRolesArgs, type PortComponentOptions } from "../kinds";

/**
 * The implementation guide's Plan-phase roles as code: a platform team that runs the portal
 * (admins, and moderators of the service catalog), a product team of developers (members), team
 * ownership of services, and the Build-phase permissions that follow from it: developers register
 * and change the services their team owns, run the deploy action on them, and see the
 * operations dashboard. Comes as its args (`teamRolesArgs`, for composing or adjusting) and as a
 * function creating the `TeamRoles`.
 */

/** Who is who, by email. Each list may be empty; the team names default to the guide's. */
export interface PortalPeople {
  /** Run the portal: Admins, in the platform team. */
  admins: string[];
  /** Curate the service catalog: moderators of `service`, in the platform team. */
  platformEngineers: string[];
  /** Build the product: Members, in the product team. */
  developers: string[];
  /** Team names in this org. Default `platform` and `product`. */
  teamNames?: { platform?: string; product?: string };
}

/** What the roles apply to: the service blueprint (its ownership, moderators and permissions), and optionally an action and a page. */
export interface RolesTargets {
  /** The service blueprint; it must have `ownership: {type: "Direct"}` (see {@link SERVICE_OWNERSHIP}). */
  service: IdentifiedComponent;
  /** A DAY-2 action on services (e.g. deploy) that the owning team may run. */
  serviceAction?: IdentifiedComponent | string;
  /** A dashboard every team may see. */
  dashboard?: PagePermissionsArgs["page"];
}

/** The service blueprint's ownership decision: each service is owned directly by teams. Pass it to the Blueprint too. */
export const SERVICE_OWNERSHIP = { type: "Direct" } as const;

export function teamRolesArgs(targets: RolesTargets, people: PortalPeople): TeamRolesArgs {
  const platform = people.teamNames?.platform ?? "platform";
  const product = people.teamNames?.product ?? "product";
  const users: TeamRolesArgs["users"] = {};
  for (const email of people.admins) users[email] = { roles: ["Admin"] };
  for (const email of [...people.platformEngineers, ...people.developers]) users[email] = { roles: ["Member"] };
  const serviceIdentifier = targets.service.declaredIdentifier ?? "service";

  const args: TeamRolesArgs = {
    teams: {
      [platform]: { description: "Runs the developer portal and the platform", members: [...people.admins, ...people.platformEngineers] },
      [product]: { description: "Builds and runs the product's services", members: [...people.developers] },
    },
    users,
    moderators: people.platformEngineers.length > 0 ? [{ blueprint: targets.service, users: [...people.platformEngineers] }] : [],
    ownership: { [serviceIdentifier]: SERVICE_OWNERSHIP },
    blueprintPermissions: [
      {
        blueprint: targets.service,
        entities: {
          // Everyone sees the catalog; owners and the platform team change it; only moderators and admins delete.
          read: { roles: ["Admin", "Member", `${serviceIdentifier}-moderator`] },
          register: { roles: ["Admin", `${serviceIdentifier}-moderator`], teams: [platform], ownedByTeam: false },
          update: { roles: ["Admin", `${serviceIdentifier}-moderator`], ownedByTeam: true },
          unregister: { roles: ["Admin", `${serviceIdentifier}-moderator`] },
        },
      },
    ],
    actionPermissions: [],
    pagePermissions: [],
  };
  if (targets.serviceAction !== undefined) {
    args.actionPermissions!.push({ action: targets.serviceAction, execute: { roles: ["Admin"], teams: [platform], ownedByTeam: true } });
  }
  if (targets.dashboard !== undefined) {
    args.pagePermissions!.push({ page: targets.dashboard, read: { roles: ["Admin"], teams: [platform, product] } });
  }
  return args;
}

export function portalTeamRoles(name: string, targets: RolesTargets, people: PortalPeople, opts?: PortComponentOptions): TeamRoles {
  return new TeamRoles(name, teamRolesArgs(targets, people), opts);
}
