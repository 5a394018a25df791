/**
 * Typed calls on installed integrations (apispec.yaml: /v1/integration). Integrations are
 * installed by Ocean or an exporter; this code only reads them and changes their mapping config.
 */

import { envelopeField } from "../../core/client/envelope-field";
import { undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only; the validated mapping lives in schema.ts. */
export type PortIntegration = {
  installationId: string;
  installationAppType?: string;
  title?: string;
  version?: string;
  config?: Record<string, unknown>;
  [key: string]: unknown;
};

const INTEGRATIONS = "/v1/integration";

function integrationPath(installationId: string): string {
  return `${INTEGRATIONS}/${pathSegment("integration", installationId)}`;
}

/** The installed integration (`GET /v1/integration/{installationId}`, answered under `integration`), or undefined when Port answers 404. */
export async function getIntegration(client: PortClient, installationId: string): Promise<PortIntegration | undefined> {
  const path = integrationPath(installationId);
  return undefinedWhenNotFound(async () => envelopeField<PortIntegration>(await client.request("GET", path), "integration", "GET", path));
}

export async function listIntegrations(client: PortClient): Promise<PortIntegration[]> {
  return envelopeField<PortIntegration[]>(await client.request("GET", INTEGRATIONS), "integrations", "GET", INTEGRATIONS);
}

/**
 * Replaces the integration's mapping config; the integration applies it on its next resync.
 * `PATCH /v1/integration/{installationId}` with the fields to change, answered under `integration`, as
 * Port's own clients update an integration (apispec.yaml; terraform-provider-port-labs
 * internal/cli/integration.go UpdateIntegration; Ocean port_ocean/clients/port/mixins/integrations.py
 * patch_integration). Not the `/config` sub-route: only Ocean uses it, and its answer has no published schema.
 */
export async function updateIntegrationConfig(client: PortClient, installationId: string, config: Record<string, unknown>): Promise<PortIntegration> {
  const path = integrationPath(installationId);
  return envelopeField<PortIntegration>(await client.request("PATCH", path, { body: { config } }), "integration", "PATCH", path);
}
