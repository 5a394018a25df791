/**
 * /v1/actions: list, read, create, replace and delete self-service actions and automations
 * (port-api.md §6, §8; both trigger types share the route and the "actions" collection).
 * Port adds an `id` and meta fields. Blueprint renames are followed (assumption; see
 * emulator/README.md). Deleting a blueprint with `delete_actions=true` deletes the actions and
 * automations bound to it (apispec.yaml: DELETE /v1/blueprints/{identifier}); without it they stay,
 * still naming the deleted blueprint (assumption; see emulator/README.md).
 */
import { randomBytes } from "crypto";
import { ApiError, identifierTaken, notFound } from "./api-error";
import { validateAction } from "./action-validation";
import { withoutServerFields, type OrgStore, type StoredObject } from "./org-store";
import type { RequestContext, Router } from "./router";
import { isPlainObject, requireBodyObject } from "./validation-problems";

export type StoredAction = StoredObject & { identifier: string; id: string; trigger: Record<string, unknown>; invocationMethod: Record<string, unknown> };

/** Shared with action-run-routes.ts. */
export const ACTIONS = "actions";

export function findAction(store: OrgStore, identifier: string): StoredAction {
  const action = store.collection<StoredAction>(ACTIONS).get(identifier);
  if (!action) throw notFound("Action", identifier);
  return action;
}

export function registerActionRoutes(router: Router, store: OrgStore): void {
  // Looked up on every use: reset() and restore() replace the collection's map.
  const actions = () => store.collection<StoredAction>(ACTIONS);
  const validate = (body: Record<string, unknown>) =>
    validateAction(body, {
      blueprintExists: (id) => store.blueprints.has(id),
      blueprintProperties: (id) => {
        const blueprint = store.blueprints.get(id);
        return blueprint ? Object.keys(((blueprint.schema as Record<string, unknown>)?.properties ?? {}) as object) : undefined;
      },
      actionExists: (id) => actions().has(id),
    });

  router.add("GET", "/v1/actions", ({ query }) => {
    const triggerType = query.get("trigger_type");
    const blueprints = query.getAll("blueprint_identifier");
    const identifiers = query.getAll("action_identifier");
    const list = [...actions().values()].filter(
      (action) =>
        (triggerType === null || action.trigger.type === triggerType) &&
        (blueprints.length === 0 || blueprints.includes(boundBlueprint(action) ?? "")) &&
        (identifiers.length === 0 || identifiers.includes(action.identifier)),
    );
    return { body: { ok: true, actions: list } };
  });

  router.add("GET", "/v1/actions/:id", ({ params }) => ({ body: { ok: true, action: findAction(store, params.id) } }));

  router.add("POST", "/v1/actions", ({ body, clientId }) => {
    const doc = withoutServerFields(requireBodyObject(body), ["id"]);
    validate(doc);
    const identifier = doc.identifier as string;
    if (actions().has(identifier)) throw identifierTaken("Action", identifier);
    const now = new Date().toISOString();
    const action = { ...doc, id: `action_${randomBytes(8).toString("hex")}`, createdAt: now, createdBy: clientId, updatedAt: now, updatedBy: clientId } as unknown as StoredAction;
    actions().set(identifier, action);
    store.changed();
    // 201 as for blueprints (assumption; see emulator/README.md).
    return { status: 201, body: { ok: true, action } };
  });

  router.add("PUT", "/v1/actions/:id", (ctx) => ({ body: { ok: true, action: replace(ctx) } }));

  router.add("DELETE", "/v1/actions/:id", ({ params }) => {
    const action = findAction(store, params.id);
    actions().delete(action.identifier);
    // Runs outlive their action, marked as deleted (Port's run object has action.deleted).
    for (const run of store.collection("action-runs").values()) {
      const ref = run.action as Record<string, unknown> | undefined;
      if (ref?.identifier === action.identifier) ref.deleted = true;
    }
    store.changed();
    return { body: { ok: true } };
  });

  /** PUT semantics: the body replaces the document; `id` and creation meta stay; renaming is refused. */
  function replace({ params, body, clientId }: RequestContext): StoredAction {
    const existing = findAction(store, params.id);
    const doc = withoutServerFields(requireBodyObject(body), ["id"]);
    const candidate = { ...doc, identifier: doc.identifier ?? existing.identifier };
    validate(candidate);
    if (candidate.identifier !== existing.identifier) {
      // Renaming through PUT is refused (assumption; see emulator/README.md).
      throw new ApiError(422, "invalid_request", `/identifier must equal the identifier in the path ("${existing.identifier}"); actions cannot be renamed`, {
        errors: [{ path: "/identifier", message: `must equal the identifier in the path ("${existing.identifier}")` }],
      });
    }
    const action = {
      ...candidate,
      id: existing.id,
      createdAt: existing.createdAt,
      createdBy: existing.createdBy,
      updatedAt: new Date().toISOString(),
      updatedBy: clientId,
    } as unknown as StoredAction;
    actions().set(existing.identifier, action);
    store.changed();
    return action;
  }

  store.onBlueprint({
    renamed: (from, to) => {
      for (const action of actions().values()) renameBlueprint(action, from, to);
    },
    deleted: (identifier, { deleteActions }) => {
      if (!deleteActions) return;
      for (const action of [...actions().values()]) if (boundBlueprint(action) === identifier) actions().delete(action.identifier);
    },
  });
}

/** The blueprint an action (trigger blueprint) or automation (entity or timer event) is bound to. */
function boundBlueprint(action: StoredAction): string | undefined {
  const event = action.trigger.event as Record<string, unknown> | undefined;
  const bound = action.trigger.type === "automation" ? event?.blueprintIdentifier : action.trigger.blueprintIdentifier;
  return typeof bound === "string" ? bound : undefined;
}

/** Every place an action names a blueprint follows its rename. */
function renameBlueprint(action: StoredAction, from: string, to: string): void {
  const follow = (holder: unknown, key: string) => {
    if (isPlainObject(holder) && holder[key] === from) holder[key] = to;
  };
  follow(action.trigger, "blueprintIdentifier");
  follow(action.trigger.event, "blueprintIdentifier");
  follow(action.invocationMethod, "blueprintIdentifier");
  const userInputs = action.trigger.userInputs as Record<string, unknown> | undefined;
  for (const input of Object.values((userInputs?.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    follow(input, "blueprint");
    follow(input.items, "blueprint");
  }
}
