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

/**
 * Reads what the kinds to export need, and nothing more (`kinds` absent: every kind): a real org
 * has hundreds of blueprints, actions and pages, each with its own permissions to GET.
 */
export async function readOrg(client: PortClient, kinds?: Set<string>, entitiesOf: string[] = []): Promise<OrgSnapshot> {
  const wants = (...any: string[]) => !kinds || any.some((kind) => kinds.has(kind));
  const list = <T>(wanted: boolean, read: () => Promise<T[]>) => (wanted ? read() : Promise.resolve([] as T[]));
  const [blueprints, actions, pages, sidebar, webhooks, integrations, teams, users] = await Promise.all([
    list(wants("blueprints", "scorecards", "permissions"), () => listBlueprints(client)),
    list(wants("actions", "automations", "permissions"), () => listActions(client)),
    list(wants("pages", "permissions"), () => listPages(client)),
    wants("folders") ? getSidebar(client) : Promise.resolve<PortSidebar>({ identifier: "catalog", items: [] }),
    list(wants("webhooks"), () => listWebhooks(client)),
    list(wants("integrations"), () => listIntegrations(client)),
    list(wants("teams"), () => listTeams(client)),
    list(wants("users"), () => listUsers(client)),
  ]);
  const keyed = async <T>(wanted: boolean, ids: string[], get: (id: string) => Promise<T | undefined>) =>
    wanted
      ? new Map((await Promise.all(ids.map(async (id) => [id, await get(id)] as const))).filter((e): e is readonly [string, Awaited<T>] => e[1] !== undefined))
      : new Map<string, T>();
  const permissions = wants("permissions");
  return {
    blueprints,
    scorecards: wants("scorecards") ? (await Promise.all(blueprints.map((b) => listScorecards(client, String(b.identifier))))).flat() : [],
    actions,
    pages,
    sidebar,
    webhooks,
    integrations,
    teams,
    users,
    blueprintPermissions: await keyed(
      permissions,
      blueprints.map((b) => String(b.identifier)),
      (id) => getBlueprintPermissions(client, id),
    ),
    actionPermissions: await keyed(
      permissions,
      actions.map((a) => String(a.identifier)),
      (id) => getActionPermissions(client, id),
    ),
    pagePermissions: await keyed(
      permissions,
      pages.map((p) => String(p.identifier)),
      (id) => getPagePermissions(client, id),
    ),
    entities: new Map(await Promise.all((wants("entities") ? entitiesOf : []).map(async (b) => [b, await listEntities(client, b)] as const))),
  };
}
