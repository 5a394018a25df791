import { getIntegration, updateIntegrationConfig, type PortIntegration } from "./client";
import { type PortClient } from "../../core/client/port-client";
import { IntegrationMappingSpec, integrationJqFields } from "./schema";
import { validateSpec } from "../../core/schemas/problems";
import { jqProblems } from "../../core/schemas/jq";
import { sameJson } from "../../core/providers/canonical-json";
import { withUnmanagedKeys } from "../../core/providers/managed-keys";
import { ResourceLogic, checkFailures, containsUnknown, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * The mapping of an integration that is already installed (Ocean or an exporter installs
 * itself; this code never installs nor deletes one). Create adopts the installation: it reads the
 * config Port holds, keeps it in the outputs as `originalConfig`, and writes ours. Delete puts
 * the original config back. Id = installationId; another installation means a replacement.
 *
 * Top-level config keys in Port that the code never managed (flags set in Port's UI, keys of the
 * integration's own) are kept on update; keys the code stops declaring are removed.
 */
type Doc = Record<string, any>;

/** Written when Port has no config at all, so a restore never sends `undefined`. */
const EMPTY_CONFIG = { resources: [] };

function notInstalled(installationId: string): Error {
  return new Error(
    `IntegrationMapping "${installationId}": Port has no integration with installationId "${installationId}". ` +
      "Install the integration first (Port: Data sources, + Data source, or run its Ocean/exporter installation), then run again; " +
      "this component only manages the mapping of an installed integration.",
  );
}

/** Outputs: what identifies the installation, its config as Port holds it, and what restores it. */
function outputsOf(integration: PortIntegration, originalConfig: unknown, managedKeys: unknown): Doc {
  const outs: Doc = {
    installationId: integration.installationId,
    installationAppType: integration.installationAppType,
    title: integration.title,
    config: integration.config ?? null,
    originalConfig: originalConfig ?? null,
    managedKeys,
  };
  for (const key of Object.keys(outs)) if (outs[key] === undefined) delete outs[key];
  return outs;
}

async function installed(client: PortClient, installationId: string): Promise<PortIntegration> {
  const integration = await getIntegration(client, installationId);
  if (!integration) throw notInstalled(installationId);
  return integration;
}

export const integrationLogic: ResourceLogic = {
  async check(_olds, news) {
    const spec = withoutPulumiKeys(news);
    const name = String(spec.installationId ?? "(no installationId)");
    const result = validateSpec(IntegrationMappingSpec, "IntegrationMapping", name, spec);
    if (!result.ok) return { failures: checkFailures(result.problems) };
    const value = result.value as Doc;
    const jq = containsUnknown(value) ? [] : await jqProblems("IntegrationMapping", name, integrationJqFields(result.value));
    if (jq.length > 0) return { failures: checkFailures(jq) };
    return { inputs: value };
  },

  async diff(id, olds, news) {
    const spec = withoutPulumiKeys(news);
    if (!containsUnknown(spec.installationId) && spec.installationId !== id) return { changes: true, replaces: ["installationId"] };
    if (containsUnknown(spec)) return { changes: true };
    const lastManaged = olds.managedKeys as string[] | undefined;
    const changes = !sameJson(withUnmanagedKeys(spec.config, olds.config, lastManaged), olds.config) || !sameJson(lastManaged, Object.keys(spec.config).sort());
    return { changes };
  },

  async create(client, inputs) {
    const spec = withoutPulumiKeys(inputs);
    const current = await installed(client, spec.installationId);
    const config = withUnmanagedKeys(spec.config, current.config, undefined);
    // The installation's mapping is already the code's (adopted as it is, or a repeated create): nothing to write.
    const updated = sameJson(config, current.config) ? current : await updateIntegrationConfig(client, spec.installationId, config);
    return { id: spec.installationId, outs: outputsOf(updated, current.config, Object.keys(spec.config).sort()) };
  },

  async read(client, id, props) {
    const current = await getIntegration(client, id);
    if (!current) return {}; // uninstalled: the engine drops the mapping from state
    return { id, props: outputsOf(current, props.originalConfig, props.managedKeys) };
  },

  async update(client, id, olds, news) {
    const spec = withoutPulumiKeys(news);
    // Read Port again rather than trusting state: keep what was set in Port since the last refresh.
    const current = await installed(client, id);
    const updated = await updateIntegrationConfig(client, id, withUnmanagedKeys(spec.config, current.config, olds.managedKeys));
    return { outs: outputsOf(updated, olds.originalConfig, Object.keys(spec.config).sort()) };
  },

  async delete(client, id, props) {
    // Give the installation back as it was adopted; an integration uninstalled meanwhile is done.
    if (!(await getIntegration(client, id))) return;
    await updateIntegrationConfig(client, id, (props.originalConfig as Doc | null) ?? EMPTY_CONFIG);
  },
};
