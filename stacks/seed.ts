import { Entity } from "@port-portal/pulumi";
import type { DataModel } from "./data-model";
import { seedEnvironments } from "@port-portal/pulumi/guide";

/**
 * Seed entities, so a new portal's dashboards and scorecards show something: the environments
 * (which belong in code), and a small sample of services, APIs, a deployment, an incident and a
 * vulnerability (which an integration would fill in a real org; switch them off with
 * `port-portal:features.sampleData: false`).
 */
export function seedEntities(model: DataModel, sampleData: boolean): Entity[] {
  const environments = seedEnvironments(model.environment);
  if (!sampleData) return environments;
  const production = environments[environments.length - 1]; // seedEnvironments ends with production
  const checkout = new Entity("sample-service-checkout", {
    blueprint: model.service,
    identifier: "checkout",
    title: "Checkout",
    properties: {
      language: "TypeScript",
      tier: "critical",
      health: "Healthy",
      repository: "https://github.com/example-org/checkout",
      openIncidents: 1,
      readme: "# Checkout\n\nTakes payments.",
    },
  });
  const search = new Entity("sample-service-search", {
    blueprint: model.service,
    identifier: "search",
    title: "Search",
    properties: { language: "Go", tier: "standard", health: "Degraded", openIncidents: 0 },
  });
  return [
    ...environments,
    checkout,
    search,
    new Entity("sample-api-payments", {
      blueprint: model.api,
      identifier: "payments-api",
      title: "Payments API",
      properties: { availability: 99.95, spec: "https://api.example.com/payments/openapi.json" },
      relations: { service: checkout },
    }),
    new Entity("sample-deployment", {
      blueprint: model.deployment,
      identifier: "checkout-1-4-0-production",
      title: "checkout 1.4.0 in production",
      properties: { version: "1.4.0", deployedAt: "2026-11-20T09:30:00.000Z", healthy: true },
      relations: { service: checkout, environment: production },
    }),
    new Entity("sample-incident", {
      blueprint: model.incident,
      identifier: "inc-1042",
      title: "Checkout latency above SLO",
      properties: { severity: "SEV2", status: "acknowledged" },
      relations: { service: checkout },
    }),
    new Entity("sample-vulnerability", {
      blueprint: model.vulnerability,
      identifier: "cve-2026-1234-search",
      title: "CVE-2026-1234 in search",
      properties: { severity: "high", status: "open" },
      relations: { service: search },
    }),
  ];
}
