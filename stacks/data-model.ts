import { Blueprint } from "@port-portal/pulumi";
import { incidentArgs, vulnerabilityArgs, githubRepositoryArgs } from "@port-portal/pulumi/guide";

/**
 * The data model of the default portal, for the guide's five use cases: SDLC management
 * (services, repositories, deployments, environments), incident management (incidents), the API
 * catalog (APIs), onboarding (every service's README and on-call), and application security
 * (vulnerabilities). Teams are Port's own (`_team`): services are owned by them directly, APIs
 * inherit their service's owners.
 */
export interface DataModel {
  environment: Blueprint;
  service: Blueprint;
  api: Blueprint;
  deployment: Blueprint;
  incident: Blueprint;
  repository: Blueprint;
  vulnerability: Blueprint;
}

export function dataModel(): DataModel {
  const environment = new Blueprint("environment", {
    identifier: "environment",
    title: "Environment",
    icon: "Environment",
    description: "Where services run: development, staging, production.",
    schema: {
      properties: {
        type: {
          type: "string",
          title: "Type",
          enum: ["development", "staging", "production"],
          enumColors: { development: "lightGray", staging: "yellow", production: "green" },
        },
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
        language: { type: "string", title: "Language", enum: ["TypeScript", "Go", "Java", "Python"] },
        repository: { type: "string", format: "url", title: "Repository" },
        tier: { type: "string", title: "Tier", enum: ["critical", "standard", "experimental"], default: "standard" },
        onCall: { type: "string", format: "user", title: "On call" },
        readme: { type: "string", format: "markdown", title: "README" },
        health: {
          type: "string",
          title: "Health",
          enum: ["Healthy", "Degraded", "Down"],
          enumColors: { Healthy: "green", Degraded: "orange", Down: "red" },
        },
        openIncidents: { type: "number", title: "Open incidents", minimum: 0 },
      },
    },
  });

  const api = new Blueprint("api", {
    identifier: "api",
    title: "API",
    icon: "API",
    description: "An API a service exposes, with its contract and availability.",
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

  const incident = new Blueprint("incident", incidentArgs(service));
  const repository = new Blueprint("repository", githubRepositoryArgs(service, "repository"));
  const vulnerability = new Blueprint("vulnerability", vulnerabilityArgs(service));
  return { environment, service, api, deployment, incident, repository, vulnerability };
}
