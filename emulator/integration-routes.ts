/**
 * /v1/integration: installed integrations (Ocean integrations, exporters; port-api.md §16). They
 * are installed by the integration itself (`POST /v1/integration`, as Ocean does), by the
 * emulator's `integrations` option, or by `POST /_emulator/integrations` in tests; users read
 * them and change their mapping with `PATCH /v1/integration/{installationId}/config`.
 */
import { ApiError, identifierTaken, notFound } from "./api-error";
import { checkBoolean, checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import type { OrgStore, StoredObject } from "./org-store";
import type { Router } from "./router";
import type { EmulatorOptions } from "./types";
import { isPlainObject, jsonType, pointer, Problems, requireBodyObject } from "./validation-problems";

type Integration = StoredObject & { installationId: string; config: Record<string, unknown> };
export type InstalledIntegration = NonNullable<EmulatorOptions["integrations"]>[number];

const COLLECTION = "integrations";

export function registerIntegrationRoutes(router: Router, store: OrgStore, installed: InstalledIntegration[] = []): void {
  // Looked up per call: reset() replaces the collection's map.
  const integrations = () => store.collection<Integration>(COLLECTION);
  // Installed from the start and again after a reset; a state file's copy wins over the option.
  store.seed(() => {
    for (const spec of installed) if (!integrations().has(spec.installationId)) integrations().set(spec.installationId, newIntegration(spec, "emulator"));
  });
  const find = (installationId: string): Integration => {
    const integration = integrations().get(installationId);
    if (!integration) throw notFound("integration", installationId, "installationId");
    return integration;
  };

  router.add("GET", "/v1/integration", () => ({ body: { ok: true, integrations: [...integrations().values()] } }));

  router.add("GET", "/v1/integration/:id", ({ params, query }) => {
    const byField = query.get("byField") ?? "installationId";
    if (byField !== "installationId") {
      throw new ApiError(422, "invalid_request", `/querystring/byField must be "installationId" (the emulator supports no other)`);
    }
    return { body: { ok: true, integration: find(params.id) } };
  });

  router.add("POST", "/v1/integration", ({ body, clientId }) => {
    const integration = install(store, requireBodyObject(body), clientId);
    return { body: { ok: true, integration } };
  });

  router.add("PATCH", "/v1/integration/:id/config", ({ params, body, clientId }) => {
    const existing = find(params.id);
    const doc = requireBodyObject(body);
    const problems = new Problems();
    checkNoExtraKeys(problems, "/", doc, ["config"]);
    validateConfig(problems, "/config", doc.config);
    problems.throwIfAny();
    const integration: Integration = { ...existing, config: doc.config as Record<string, unknown>, updatedAt: new Date().toISOString(), updatedBy: clientId };
    integrations().set(existing.installationId, integration);
    store.changed();
    return { body: { ok: true, integration } };
  });

  router.add("DELETE", "/v1/integration/:id", ({ params }) => {
    find(params.id);
    integrations().delete(params.id);
    store.changed();
    return { body: { ok: true } };
  });
}

/** `POST /_emulator/integrations`: installs an integration the way Ocean would, for tests that drive another process. */
export function registerIntegrationAdminRoutes(admin: Router, store: OrgStore): void {
  admin.add("POST", "/_emulator/integrations", ({ body }) => ({ body: { ok: true, integration: install(store, requireBodyObject(body), "emulator") } }), {
    public: true,
  });
}

function install(store: OrgStore, body: Record<string, unknown>, clientId: string): Integration {
  const problems = new Problems();
  checkString(problems, "/installationId", body.installationId, { required: true, minLength: 1 });
  for (const key of ["installationAppType", "title", "version"]) checkString(problems, pointer("/", key), body[key]);
  if (body.config !== undefined) validateConfig(problems, "/config", body.config);
  problems.throwIfAny();
  const integrations = store.collection<Integration>(COLLECTION);
  if (integrations.has(body.installationId as string)) throw identifierTaken("Integration", body.installationId as string);
  const integration = newIntegration(body as InstalledIntegration, clientId);
  integrations.set(integration.installationId, integration);
  store.changed();
  return integration;
}

function newIntegration(spec: InstalledIntegration & Record<string, unknown>, by: string): Integration {
  const now = new Date().toISOString();
  return {
    ...spec,
    installationId: spec.installationId,
    installationAppType: spec.installationAppType ?? "custom",
    title: spec.title ?? spec.installationId,
    version: spec.version ?? "1.0.0",
    config: spec.config ?? { resources: [] },
    createdAt: now,
    createdBy: by,
    updatedAt: now,
    updatedBy: by,
  };
}

/**
 * The mapping config's known parts (Port's port-app-config); other top-level and selector keys
 * belong to each integration and pass through.
 */
function validateConfig(problems: Problems, path: string, value: unknown): void {
  const config = checkObject(problems, path, value, true);
  if (!config) return;
  for (const key of ["deleteDependentEntities", "createMissingRelatedEntities", "enableMergeEntity"]) checkBoolean(problems, pointer(path, key), config[key]);
  const threshold = config.entityDeletionThreshold;
  if (threshold !== undefined && (typeof threshold !== "number" || threshold < 0 || threshold > 1)) {
    problems.add(pointer(path, "entityDeletionThreshold"), `must be a number between 0 and 1 (got ${JSON.stringify(threshold)})`);
  }
  if (config.resources === undefined) return;
  if (!Array.isArray(config.resources)) {
    problems.add(pointer(path, "resources"), `must be array (got ${jsonType(config.resources)})`);
    return;
  }
  config.resources.forEach((resource, i) => validateResource(problems, pointer(pointer(path, "resources"), i), resource));
}

function validateResource(problems: Problems, path: string, value: unknown): void {
  const resource = checkObject(problems, path, value, true);
  if (!resource) return;
  checkNoExtraKeys(problems, path, resource, ["kind", "selector", "port"]);
  checkString(problems, pointer(path, "kind"), resource.kind, { required: true, minLength: 1 });
  const selector = checkObject(problems, pointer(path, "selector"), resource.selector, true);
  if (selector) checkString(problems, pointer(pointer(path, "selector"), "query"), selector.query, { required: true });
  const portPath = pointer(path, "port");
  const port = checkObject(problems, portPath, resource.port, true);
  if (!port) return;
  checkNoExtraKeys(problems, portPath, port, ["entity", "itemsToParse", "itemsToParseName"]);
  checkString(problems, pointer(portPath, "itemsToParse"), port.itemsToParse);
  const entity = checkObject(problems, pointer(portPath, "entity"), port.entity, true);
  if (!entity) return;
  const mappingsPath = pointer(pointer(portPath, "entity"), "mappings");
  const mappings = entity.mappings;
  if (Array.isArray(mappings)) mappings.forEach((m, j) => validateEntityMapping(problems, pointer(mappingsPath, j), m));
  else validateEntityMapping(problems, mappingsPath, mappings);
}

function validateEntityMapping(problems: Problems, path: string, value: unknown): void {
  const mapping = checkObject(problems, path, value, true);
  if (!mapping) return;
  checkNoExtraKeys(problems, path, mapping, ["identifier", "title", "blueprint", "team", "icon", "properties", "relations"]);
  if (!isPlainObject(mapping.identifier)) checkString(problems, pointer(path, "identifier"), mapping.identifier, { required: true, minLength: 1 });
  checkString(problems, pointer(path, "blueprint"), mapping.blueprint, { required: true, minLength: 1 });
  for (const key of ["title", "team", "icon"]) if (!isPlainObject(mapping[key])) checkString(problems, pointer(path, key), mapping[key]);
  for (const key of ["properties", "relations"]) checkObject(problems, pointer(path, key), mapping[key]);
}
