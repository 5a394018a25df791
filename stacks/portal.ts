import * as pulumi from "@pulumi/pulumi";
import { Action, Blueprint, Dashboard, Folder, OrgLookup, Portal } from "@port-portal/pulumi";
import type { StackConfig } from "./config";
import { DataModel, dataModel } from "./data-model";
import {
  reportIncident,
  requestCloudResource,
  scaffoldService,
  incidentOnDegradedHealth,
  notifyServiceChanges,
  developersDashboard,
  homePage,
  rndManagersDashboard,
  securityDashboard,
  githubIntegrationMapping,
  githubWebhook,
  apiHealth,
  incidents,
  productionReadiness,
  serviceHealth,
  portalTeamRoles,
} from "@port-portal/pulumi/guide";
import { seedEntities } from "./seed";

/**
 * The default portal: the implementation guide's Build phase for the plan in stacks/plan.ts.
 * One definition for every environment; the stack config says what differs (URLs, teams, the
 * parts switched on, identifier prefixes for shared orgs).
 */
export interface PortalSecrets {
  /** The shared secret GitHub signs webhook deliveries with (`port-portal:githubWebhookSecret`). */
  githubWebhookSecret?: pulumi.Input<string>;
}

export interface DeclaredPortal {
  blueprints: Record<string, Blueprint>;
}

const DEFAULT_URLS = {
  notificationWebhook: "https://hooks.example.com/port",
  cloudRequestWebhook: "https://provisioner.example.com/requests",
  githubOrg: "example-org",
};

/**
 * Declares the portal in one scope, which checks it as a whole (asking the org, read-only, about
 * blueprints it refers to but does not declare, when `lookup` is given) before anything is applied.
 */
export function buildPortal(config: StackConfig, secrets: PortalSecrets = {}, lookup?: OrgLookup): Promise<DeclaredPortal> {
  const portal = new Portal({
    identifierPrefix: config.identifierPrefix,
    identifierSuffix: config.identifierSuffix,
    existingBlueprints: config.existingBlueprints,
    // The plan's security team reads the security dashboard but is not one the stack declares (SSO, Port's UI).
    existingTeams: config.teams.security ? [config.teams.security] : [],
    lookup,
  });
  return portal.declare(() => declarePortal(config, secrets));
}

function declarePortal(config: StackConfig, secrets: PortalSecrets): DeclaredPortal {
  const features = config.features;
  const urls = { ...DEFAULT_URLS, ...config.urls };
  const blueprints = dataModel();
  const { service, api, incident } = blueprints;

  if (features.scorecards) {
    productionReadiness(service);
    apiHealth(api);
    serviceHealth(service);
    incidents(incident);
  }
  const developers = features.dashboards ? dashboards(blueprints, config) : undefined;
  let cloudRequest: Action | undefined;
  if (features.actions) {
    scaffoldService(service, { org: urls.githubOrg, repo: "platform-templates" });
    cloudRequest = requestCloudResource({ service, environment: blueprints.environment }, urls.cloudRequestWebhook, urls.notificationWebhook);
    reportIncident({ service, incident });
  }
  if (features.automations) {
    notifyServiceChanges(service, urls.notificationWebhook);
    incidentOnDegradedHealth({ service, incident });
  }
  if (features.ingestion) {
    if (secrets.githubWebhookSecret) githubWebhook({ service, repository: blueprints.repository }, secrets.githubWebhookSecret);
    if (config.integrations.githubInstallationId) githubIntegrationMapping(config.integrations.githubInstallationId, { service, repository: blueprints.repository });
  }
  if (features.teamRoles) {
    portalTeamRoles(
      "team-roles",
      { service, serviceAction: cloudRequest, dashboard: developers },
      {
        ...config.people,
        teamNames: { platform: config.teams.platform, product: config.teams.product },
      },
    );
  }
  seedEntities(blueprints, features.sampleData);
  return { blueprints: { ...blueprints } };
}

/** The persona dashboards in one sidebar folder, and the home page; returns the developers' dashboard. */
function dashboards(model: DataModel, config: StackConfig): Dashboard {
  const folder = new Folder("dashboards-folder", { identifier: "persona_dashboards", title: "Dashboards" });
  const developers = developersDashboard({ service: model.service, incident: model.incident }, { folder });
  rndManagersDashboard({ service: model.service, api: model.api, deployment: model.deployment }, { folder });
  securityDashboard({ service: model.service, vulnerability: model.vulnerability }, { folder }, config.teams.security ? [config.teams.security] : []);
  homePage();
  return developers;
}
