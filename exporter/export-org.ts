import * as fs from "fs";
import * as path from "path";
import { PortClient } from "../core/client/port-client";
import type { HttpMethod, RequestOptions } from "../core/client/port-client";
import { ExportPlan, type ExportScope, type KindExporter } from "./plan";
import { renderProject, type ProjectOptions } from "./project";
import { readOrg } from "./snapshot";
import { exportBlueprints } from "./kinds/blueprints";
import { exportScorecards } from "./kinds/scorecards";
import { exportTeams, exportUsers } from "./kinds/people";
import { exportPermissions } from "./kinds/permissions";
import { exportActions, exportAutomations } from "./kinds/actions";
import { exportIntegrations, exportWebhooks } from "./kinds/ingestion";
import { exportFolders, exportPages } from "./kinds/pages";
import { exportEntities } from "./kinds/entities";

/** Every kind the export knows, in the order it declares them (see AREAS in plan.ts). */
export const EXPORTERS: Record<string, KindExporter> = {
  blueprints: exportBlueprints,
  teams: exportTeams,
  users: exportUsers,
  actions: exportActions,
  automations: exportAutomations,
  scorecards: exportScorecards,
  folders: exportFolders,
  pages: exportPages,
  webhooks: exportWebhooks,
  integrations: exportIntegrations,
  entities: exportEntities,
  permissions: exportPermissions,
};

/**
 * A client that can only read: GETs, and Port's searches (POSTs that change nothing). The export
 * never writes to the org it reads; this makes that a fact rather than a promise.
 */
export class ReadOnlyPortClient extends PortClient {
  request<T = Record<string, unknown>>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    if (method !== "GET" && !(method === "POST" && path.endsWith("/search"))) {
      return Promise.reject(new Error(`The export only reads from Port; it refused ${method} ${path}.`));
    }
    return super.request<T>(method, path, opts);
  }
}

export interface ExportOptions extends ExportScope, ProjectOptions {
  /** Blueprints whose entities are exported too. */
  entities?: string[];
}

/** Reads the org and plans its declarations. */
export async function planExport(client: PortClient, options: ExportOptions): Promise<ExportPlan> {
  const org = await readOrg(client, options.kinds, options.entities ?? []);
  const plan = new ExportPlan();
  for (const [kind, exporter] of Object.entries(EXPORTERS)) if (!options.kinds || options.kinds.has(kind)) exporter(org, plan, options);
  return plan;
}

/** Writes the exported program into `dir` (created; files the export writes are replaced, others kept); resolves with its files and what was left out. */
export async function exportOrg(client: PortClient, dir: string, options: ExportOptions): Promise<{ files: string[]; leftOut: string[] }> {
  const plan = await planExport(client, options);
  const files = renderProject(plan, options);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of files) fs.writeFileSync(path.join(dir, file), text);
  return { files: [...files.keys()], leftOut: plan.leftOut };
}
