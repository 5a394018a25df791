/**
 * Typed calls on installed integrations (Port API §16: /v1/integration). Integrations are
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

/** The installed integration, or undefined when Port answers 404 `not_found`. */
export async function getIntegration(client: PortClient, installationId: string): Promise<PortIntegration | undefined> {
  const path = integrationPath(installationId);
  return undefinedWhenNotFound(async () => envelopeField<PortIntegration>(await client.request("GET", path), "integration", "GET", path));
}

export async function listIntegrations(client: PortClient): Promise<PortIntegration[]> {
  return envelopeField<PortIntegration[]>(await client.request("GET", INTEGRATIONS), "integrations", "GET", INTEGRATIONS);
}

/** Replaces the integration's mapping config; the integration applies it on its next resync. */
export async function updateIntegrationConfig(client: PortClient, installationId: string, config: Record<string, unknown>): Promise<PortIntegration> {
  const path = `${integrationPath(installationId)}/config`;
  return envelopeField<PortIntegration>(await client.request("PATCH", path, { body: { config } }), "integration", "PATCH", path);
}
