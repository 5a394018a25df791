import type { PortClient } from "../core/client/port-client";
import { listActions, type PortActionBody } from "../kinds/action/client";
import { listBlueprints, type PortBlueprintBody } from "../kinds/blueprint/client";
import { listEntities, type PortEntity } from "../kinds/entity/client";
import { getSidebar, type PortSidebar } from "../kinds/folder/client";
import { listIntegrations, type PortIntegration } from "../kinds/integration/client";
import { getPagePermissions, listPages, type PortPageBody, type PortPagePermissions } from "../kinds/page/client";
import { getActionPermissions, getBlueprintPermissions, type PortPermissions } from "../kinds/permissions/client";
import { listScorecards, type PortScorecardBody } from "../kinds/scorecard/client";
import { listTeams, type PortTeam } from "../kinds/team/client";
import { listUsers, type PortUser } from "../kinds/user/client";
import { listWebhooks, type PortWebhook } from "../kinds/webhook/client";

/** Everything the export reads from an org, with GETs only (and Port's read-only searches). */
export interface OrgSnapshot {
  blueprints: PortBlueprintBody[];
  scorecards: PortScorecardBody[];
  actions: PortActionBody[];
  pages: PortPageBody[];
  sidebar: PortSidebar;
  webhooks: PortWebhook[];
  integrations: PortIntegration[];
  teams: PortTeam[];
  users: PortUser[];
  blueprintPermissions: Map<string, PortPermissions>;
  actionPermissions: Map<string, PortPermissions>;
  pagePermissions: Map<string, PortPagePermissions>;
  /** Entities of the blueprints named with `--entities` only: integrations own most entities. */
  entities: Map<string, PortEntity[]>;
}

export async function readOrg(client: PortClient, entitiesOf: string[] = []): Promise<OrgSnapshot> {
  const [blueprints, actions, pages, sidebar, webhooks, integrations, teams, users] = await Promise.all([
    listBlueprints(client),
    listActions(client),
    listPages(client),
    getSidebar(client),
    listWebhooks(client),
    listIntegrations(client),
    listTeams(client),
    listUsers(client),
  ]);
  const scorecards = (await Promise.all(blueprints.map((b) => listScorecards(client, String(b.identifier))))).flat();
  const keyed = async <T>(ids: string[], get: (id: string) => Promise<T | undefined>) =>
    new Map((await Promise.all(ids.map(async (id) => [id, await get(id)] as const))).filter((e): e is readonly [string, Awaited<T>] => e[1] !== undefined));
  return {
    blueprints,
    scorecards,
    actions,
    pages,
    sidebar,
    webhooks,
    integrations,
    teams,
    users,
    blueprintPermissions: await keyed(
      blueprints.map((b) => String(b.identifier)),
      (id) => getBlueprintPermissions(client, id),
    ),
    actionPermissions: await keyed(
      actions.map((a) => String(a.identifier)),
      (id) => getActionPermissions(client, id),
    ),
    pagePermissions: await keyed(
      pages.map((p) => String(p.identifier)),
      (id) => getPagePermissions(client, id),
    ),
    entities: new Map(await Promise.all(entitiesOf.map(async (b) => [b, await listEntities(client, b)] as const))),
  };
}
