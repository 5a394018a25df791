import { Blueprint, startPortalModel } from "../components";
import type { StackConfig } from "./config";

/**
 * The portal's data model, from the implementation guide's Plan phase: environments, services,
 * their APIs and deployments, with ownership by team. Later issues add scorecards, dashboards,
 * actions and permissions on top of these.
 */
export interface Portal {
  blueprints: Record<string, Blueprint>;
}

export function buildPortal(config: StackConfig): Portal {
  const model = startPortalModel({
    identifierPrefix: config.identifierPrefix,
    identifierSuffix: config.identifierSuffix,
    existingBlueprints: config.existingBlueprints,
  });

  const environment = new Blueprint("environment", {
    identifier: "environment",
    title: "Environment",
    icon: "Environment",
    description: "Where services run: dev, staging, production.",
    schema: {
      properties: {
        type: { type: "string", title: "Type", enum: ["development", "staging", "production"], enumColors: { development: "lightGray", staging: "yellow", production: "green" } },
        region: { type: "string", title: "Region" },
      },
      required: ["type"],
    },
  });

  const service = new Blueprint("service", {
    identifier: "service",
    title: "Service",
    icon: "Microservice",
    description: "A deployable unit owned by one team.",
    ownership: { type: "Direct" },
    schema: {
      properties: {
        language: { type: "string", title: "Language", enum: ["TypeScript", "Go", "Python", "Java"] },
        repository: { type: "string", format: "url", title: "Repository" },
        tier: { type: "string", title: "Tier", enum: ["critical", "standard", "experimental"], default: "standard" },
        onCall: { type: "string", format: "user", title: "On call" },
        readme: { type: "string", format: "markdown", title: "README" },
      },
    },
  });

  const api = new Blueprint("api", {
    identifier: "api",
    title: "API",
    icon: "API",
    ownership: { type: "Inherited", path: "service" },
    schema: {
      properties: {
        spec: { type: "string", format: "url", spec: "open-api", title: "OpenAPI spec" },
        availability: { type: "number", title: "Availability (%)", minimum: 0, maximum: 100 },
      },
    },
    relations: { service: { title: "Service", target: service, required: true, many: false } },
  });

  const deployment = new Blueprint("deployment", {
    identifier: "deployment",
    title: "Deployment",
    icon: "Deployment",
    schema: {
      properties: {
        version: { type: "string", title: "Version" },
        deployedAt: { type: "string", format: "date-time", title: "Deployed at" },
        healthy: { type: "boolean", title: "Healthy", default: true },
      },
    },
    relations: {
      service: { title: "Service", target: service, required: true, many: false },
      environment: { title: "Environment", target: environment, required: true, many: false },
    },
    mirrorProperties: { serviceLanguage: { title: "Language", path: "service.language" } },
    calculationProperties: {
      label: { title: "Label", type: "string", calculation: '.relations.service + "@" + .properties.version' },
    },
  });

  model.check();
  return { blueprints: { environment, service, api, deployment } };
}
