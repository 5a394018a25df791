/**
 * /v1/integration: installed integrations (Ocean integrations, exporters). They are installed by the
 * integration itself (`POST /v1/integration`, as Ocean and the Terraform provider do), by the
 * emulator's `integrations` option, or by `POST /_emulator/integrations` in tests; users read them
 * and change them with `PATCH /v1/integration/{installationId}` (or Ocean's `/config` sub-route).
 * Every answer carries the integration under `integration` (terraform-provider-port-labs
 * internal/cli/integration.go; Ocean port_ocean/clients/port/mixins/integrations.py).
 */
import { ApiError, identifierTaken, notFound } from "./api-error";
import { checkBoolean, checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import type { OrgStore, StoredObject } from "./org-store";
import type { Router } from "./router";
import type { EmulatorOptions } from "./types";
import { isPlainObject, jsonType, pointer, Problems, requireBodyObject } from "./validation-problems";

type Integration = StoredObject & { installationId: string; config: Record<string, unknown> | null };
export type InstalledIntegration = NonNullable<EmulatorOptions["integrations"]>[number];

const COLLECTION = "integrations";
const BY_FIELDS = ["installationId", "logIngestId"];

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

  // apispec.yaml: GET /v1/integration (list key as Port's other lists: assumption; see emulator/README.md).
  router.add("GET", "/v1/integration", () => ({ body: { ok: true, integrations: [...integrations().values()] } }));

  // apispec.yaml: GET /v1/integration/{identifier}, `byField` installationId (default) or logIngestId.
  router.add("GET", "/v1/integration/:id", ({ params, query }) => {
    const byField = query.get("byField") ?? "installationId";
    if (!BY_FIELDS.includes(byField)) {
      throw new ApiError(422, "invalid_request", `/querystring/byField must be equal to one of the allowed values (got ${JSON.stringify(byField)})`, {
        allowedValues: BY_FIELDS,
      });
    }
    if (byField === "installationId") return { body: { ok: true, integration: find(params.id) } };
    const integration = [...integrations().values()].find((candidate) => candidate.logIngestId === params.id);
    if (!integration) throw notFound("integration", params.id, byField);
    return { body: { ok: true, integration } };
  });

  // terraform-provider-port-labs internal/cli/integration.go CreateIntegration; Ocean integrations.py create_integration.
  router.add("POST", "/v1/integration", ({ body, clientId }) => {
    const integration = install(store, requireBodyObject(body), clientId);
    return { body: { ok: true, integration } };
  });

  // apispec.yaml: PATCH /v1/integration/{identifier}; every field optional, keys of the integration's own kept.
  router.add("PATCH", "/v1/integration/:id", ({ params, body, clientId }) => {
    const existing = find(params.id);
    const doc = requireBodyObject(body);
    const problems = new Problems();
    validateIntegrationFields(problems, doc);
    problems.throwIfAny();
    const { installationId: _fixed, ...changes } = doc;
    return { body: { ok: true, integration: save(existing, changes, clientId) } };
  });

  // apispec.yaml: PATCH /v1/integration/{identifier}/config, body `{config}` only (Ocean's patch_integration_config).
  router.add("PATCH", "/v1/integration/:id/config", ({ params, body, clientId }) => {
    const existing = find(params.id);
    const doc = requireBodyObject(body);
    const problems = new Problems();
    checkNoExtraKeys(problems, "/", doc, ["config"]);
    if (doc.config === undefined) problems.add("/config", "is required");
    else validateConfig(problems, "/config", doc.config);
    problems.throwIfAny();
    return { body: { ok: true, integration: save(existing, { config: doc.config }, clientId) } };
  });

  // apispec.yaml: DELETE /v1/integration/{identifier}.
  router.add("DELETE", "/v1/integration/:id", ({ params }) => {
    find(params.id);
    integrations().delete(params.id);
    store.changed();
    return { body: { ok: true } };
  });

  function save(existing: Integration, changes: Record<string, unknown>, by: string): Integration {
    const integration = { ...existing, ...changes, updatedAt: new Date().toISOString(), updatedBy: by } as Integration;
    integrations().set(existing.installationId, integration);
    store.changed();
    return integration;
  }
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
  validateIntegrationFields(problems, body);
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

/** The typed fields of an integration (apispec.yaml: PATCH /v1/integration/{identifier}); other keys pass. */
function validateIntegrationFields(problems: Problems, doc: Record<string, unknown>): void {
  if (doc.title !== null) checkString(problems, "/title", doc.title);
  for (const key of ["installationAppType", "version"]) checkString(problems, pointer("/", key), doc[key]);
  checkObject(problems, "/spec", doc.spec);
  checkBoolean(problems, "/actionsProcessingEnabled", doc.actionsProcessingEnabled);
  if (doc.config !== undefined) validateConfig(problems, "/config", doc.config);
  const destination = checkObject(problems, "/changelogDestination", doc.changelogDestination);
  if (destination && Object.keys(destination).length > 0) {
    checkString(problems, "/changelogDestination/type", destination.type, { required: true, allowed: ["WEBHOOK", "KAFKA"] });
    if (destination.type === "WEBHOOK") checkString(problems, "/changelogDestination/url", destination.url, { required: true });
  }
}

/**
 * The mapping config (apispec.yaml: the `config` of PATCH /v1/integration/{identifier}): `null`, or an
 * object whose known parts are typed; other keys, at every level, belong to the integration and pass.
 */
function validateConfig(problems: Problems, path: string, value: unknown): void {
  if (value === null) return;
  const config = checkObject(problems, path, value, true);
  if (!config) return;
  for (const key of ["deleteDependentEntities", "createMissingRelatedEntities", "enableMergeEntity"]) checkBoolean(problems, pointer(path, key), config[key]);
  // Ocean port_ocean/core/handlers/port_app_config/models.py: entityDeletionThreshold ge=0, le=1.
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

/** A resource: `kind`, `selector` and `port` required; `selector.query` a string when given; `port.entity.mappings` required. */
function validateResource(problems: Problems, path: string, value: unknown): void {
  const resource = checkObject(problems, path, value, true);
  if (!resource) return;
  checkString(problems, pointer(path, "kind"), resource.kind, { required: true });
  const selector = checkObject(problems, pointer(path, "selector"), resource.selector, true);
  if (selector) checkString(problems, pointer(pointer(path, "selector"), "query"), selector.query);
  const portPath = pointer(path, "port");
  const port = checkObject(problems, portPath, resource.port, true);
  if (!port) return;
  const entityPath = pointer(portPath, "entity");
  const entity = checkObject(problems, entityPath, port.entity, true);
  if (!entity) return;
  const mappingsPath = pointer(entityPath, "mappings");
  const mappings = entity.mappings;
  if (mappings === undefined) problems.add(mappingsPath, "is required");
  else if (Array.isArray(mappings)) mappings.forEach((m, j) => validateEntityMapping(problems, pointer(mappingsPath, j), m));
  else validateEntityMapping(problems, mappingsPath, mappings);
}

/** One entity mapping: `identifier` (a string or a search query) and `blueprint` required; `title` a string; `properties` and `relations` objects. */
function validateEntityMapping(problems: Problems, path: string, value: unknown): void {
  const mapping = checkObject(problems, path, value, true);
  if (!mapping) return;
  if (isPlainObject(mapping.identifier)) validateSearchIdentifier(problems, pointer(path, "identifier"), mapping.identifier);
  else checkString(problems, pointer(path, "identifier"), mapping.identifier, { required: true });
  checkString(problems, pointer(path, "blueprint"), mapping.blueprint, { required: true });
  checkString(problems, pointer(path, "title"), mapping.title);
  for (const key of ["properties", "relations"]) checkObject(problems, pointer(path, key), mapping[key]);
}

/** A search-query identifier: exactly `combinator` (a string) and `rules` (objects). */
function validateSearchIdentifier(problems: Problems, path: string, query: Record<string, unknown>): void {
  checkNoExtraKeys(problems, path, query, ["combinator", "rules"]);
  checkString(problems, pointer(path, "combinator"), query.combinator, { required: true });
  const rulesPath = pointer(path, "rules");
  if (query.rules === undefined) problems.add(rulesPath, "is required");
  else if (!Array.isArray(query.rules)) problems.add(rulesPath, `must be array (got ${jsonType(query.rules)})`);
  else query.rules.forEach((rule, i) => checkObject(problems, pointer(rulesPath, i), rule, true));
}
