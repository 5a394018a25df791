/**
 * Action runs (apispec.yaml: /v1/actions/{action_identifier}/runs, /v1/actions/runs): `POST
 * /v1/actions/{id}/runs` starts a run of a self-service action and answers 202 with the run IN_PROGRESS (WAITING_FOR_APPROVAL when the action requires
 * approval); `GET /v1/actions/runs[/{run}]` reads them; `PATCH /v1/actions/runs/{run}` reports
 * progress, and a final status (SUCCESS, FAILURE) cannot change again. Runs are not executed.
 *
 * Register these before the /v1/actions routes: `/v1/actions/runs` must not be read as the
 * action named "runs".
 */
import { randomBytes } from "crypto";
import { ApiError, notFound } from "./api-error";
import { findAction, type StoredAction } from "./action-routes";
import { isJqQuery } from "./action-input-validation";
import { checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import type { OrgStore, StoredObject } from "./org-store";
import type { Router } from "./router";
import { jsonType, pointer, Problems, requireBodyObject } from "./validation-problems";

type Run = StoredObject & { id: string; status: string };

export const ACTION_RUNS = "action-runs";
const FINAL_STATUSES = ["SUCCESS", "FAILURE", "DECLINED"];

export function registerActionRunRoutes(router: Router, store: OrgStore): void {
  // Looked up on every use: reset() and restore() replace the collection's map.
  const runs = () => store.collection<Run>(ACTION_RUNS);
  const find = (id: string): Run => {
    const run = runs().get(id);
    if (!run) throw notFound("Run", id, "id");
    return run;
  };

  router.add("GET", "/v1/actions/runs", ({ query }) => {
    const action = query.get("action");
    const active = query.get("active");
    const list = [...runs().values()].filter(
      (run) =>
        (action === null || (run.action as Record<string, unknown>).identifier === action) && (active === null || (active === "true") === !FINAL_STATUSES.includes(run.status)),
    );
    return { body: { ok: true, runs: list } };
  });

  router.add("GET", "/v1/actions/runs/:run", ({ params }) => ({ body: { ok: true, run: find(params.run) } }));

  router.add("PATCH", "/v1/actions/runs/:run", ({ params, body, clientId }) => {
    const run = find(params.run);
    const update = requireBodyObject(body);
    const problems = new Problems();
    checkNoExtraKeys(problems, "/", update, ["status", "statusLabel", "link", "summary", "externalRunId"]);
    checkString(problems, "/status", update.status, { allowed: ["SUCCESS", "FAILURE"] });
    for (const key of ["statusLabel", "summary", "externalRunId"]) checkString(problems, `/${key}`, update[key]);
    if (update.link !== undefined && typeof update.link !== "string" && !(Array.isArray(update.link) && update.link.every((l) => typeof l === "string"))) {
      problems.add("/link", `must be string or array of strings (got ${jsonType(update.link)})`);
    }
    problems.throwIfAny();
    if (update.status !== undefined && FINAL_STATUSES.includes(run.status)) {
      throw new ApiError(422, "run_status_final", `Run "${run.id}" already ended with status ${run.status}; a final status cannot change`, { runId: run.id, status: run.status });
    }
    const now = new Date().toISOString();
    const link = update.link === undefined ? run.link : typeof update.link === "string" ? [update.link] : update.link;
    Object.assign(run, { ...update, link, updatedAt: now, updatedBy: clientId }, update.status ? { endedAt: now } : {});
    store.changed();
    return { body: { ok: true, run } };
  });

  router.add("POST", "/v1/actions/:id/runs", ({ params, body, query, clientId }) => {
    const action = findAction(store, params.id);
    const request = requireBodyObject(body ?? {});
    const trigger = action.trigger;
    if (trigger.type !== "self-service") {
      throw new ApiError(422, "invalid_request", `"${action.identifier}" is an automation: it runs on its event and cannot be run through the API`);
    }
    // `publish` is not checked: apispec.yaml says it matters only for automations.
    const properties = validateRunRequest(request, action);
    const entity = runEntity(store, action, request.entity);
    const blueprint = typeof trigger.blueprintIdentifier === "string" ? store.blueprints.get(trigger.blueprintIdentifier) : undefined;
    const waits = action.requiredApproval !== undefined && action.requiredApproval !== false;
    const now = new Date().toISOString();
    const runAs = query.get("run_as");
    const run: Run = {
      id: `r_${randomBytes(8).toString("hex")}`,
      action: { identifier: action.identifier, title: action.title ?? null, icon: action.icon ?? null, deleted: false },
      blueprint: blueprint ? { identifier: blueprint.identifier, title: blueprint.title ?? null, icon: blueprint.icon ?? null, deleted: false } : null,
      entity: entity ? { identifier: entity.identifier, title: entity.title ?? null, icon: entity.icon ?? null, deleted: false } : null,
      properties,
      status: waits ? "WAITING_FOR_APPROVAL" : "IN_PROGRESS",
      statusLabel: null,
      link: [],
      summary: null,
      source: "API",
      requiredApproval: action.requiredApproval ?? false,
      externalRunId: null,
      endedAt: null,
      createdBy: runAs ?? clientId,
      impersonatedBy: runAs === null ? null : clientId,
      updatedBy: clientId,
      createdAt: now,
      updatedAt: now,
    };
    runs().set(run.id, run);
    store.changed();
    return { status: 202, body: { ok: true, run } };
  });
}

/**
 * The request is `{properties, entity?}`, `properties` required (apispec.yaml: POST
 * /v1/actions/{action_identifier}/runs); its values must be declared inputs of the right JSON type,
 * and required inputs must be given.
 */
function validateRunRequest(request: Record<string, unknown>, action: StoredAction): Record<string, unknown> {
  const problems = new Problems();
  checkNoExtraKeys(problems, "/", request, ["properties", "entity"]);
  const properties = checkObject(problems, "/properties", request.properties, true) ?? {};
  const userInputs = (action.trigger.userInputs ?? {}) as Record<string, unknown>;
  const inputs = (userInputs.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(properties)) {
    const input = inputs[key];
    const path = pointer("/properties", key);
    if (!input) {
      problems.add(path, `is not an input of action "${action.identifier}" (inputs: ${Object.keys(inputs).join(", ") || "none"})`);
      continue;
    }
    // An input's type names the JSON type of its value (entity, user and team inputs send identifiers).
    const expected = String(input.type);
    if (jsonType(value) !== expected) {
      problems.add(path, `must be ${expected} (got ${jsonType(value)})`);
    } else if (Array.isArray(input.enum) && !input.enum.includes(value)) {
      problems.add(path, `must be equal to one of the allowed values (got ${JSON.stringify(value)})`, input.enum);
    }
  }
  const required = Array.isArray(userInputs.required) && !isJqQuery(userInputs.required) ? (userInputs.required as string[]) : [];
  for (const key of required) if (properties[key] === undefined) problems.add(pointer("/properties", key), "is required");
  problems.throwIfAny();
  return properties;
}

/** DAY-2 and DELETE runs name an existing entity of the action's blueprint; CREATE runs name none. */
function runEntity(store: OrgStore, action: StoredAction, entity: unknown): StoredObject | undefined {
  const operation = action.trigger.operation;
  const blueprint = action.trigger.blueprintIdentifier as string | undefined;
  if (operation === "CREATE") {
    if (entity !== undefined) throw new ApiError(422, "invalid_request", "/entity must NOT be present: a CREATE action runs without an entity");
    return undefined;
  }
  if (typeof entity !== "string" || entity === "") {
    throw new ApiError(422, "invalid_request", `/entity is required: a ${String(operation)} action runs on an entity of "${String(blueprint)}"`);
  }
  const found = blueprint === undefined ? undefined : store.entitiesOf(blueprint).get(entity);
  if (!found) throw notFound("Entity", entity);
  return found;
}
