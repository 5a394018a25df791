/**
 * Typed calls for self-service actions and automations (Port API §6–§8: /v1/actions; both kinds
 * share the route) and for action runs (/v1/actions/{id}/runs, /v1/actions/runs/{run}).
 */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient, QueryParams } from "../../core/client/port-client";

/** Wire shape only; the validated shapes live in schemas/ (ActionSpec, AutomationSpec). */
export type PortActionBody = { identifier: string; trigger: Record<string, unknown>; invocationMethod: Record<string, unknown>; [key: string]: unknown };

/** A run as Port returns it: `id`, `status` (IN_PROGRESS, SUCCESS, FAILURE, WAITING_FOR_APPROVAL, DECLINED), and more. */
export type PortActionRun = { id: string; status: string; [key: string]: unknown };

export interface ListActionsOptions {
  /** `self-service` or `automation`. Omitted: both. */
  triggerType?: "self-service" | "automation";
  /** Only actions of this blueprint. */
  blueprintIdentifier?: string;
}

/** What a run is started with: the form's values, and for DAY-2 / DELETE actions the entity. */
export interface ActionRunRequest {
  /** The form's values. Omitted: `{}` is sent, since Port requires `properties` (apispec.yaml: POST /v1/actions/{action_identifier}/runs). */
  properties?: Record<string, unknown>;
  entity?: string;
}

/** Fields of a run that the backend reports (`PATCH /v1/actions/runs/{id}`); a status, once set, is final. */
export interface ActionRunUpdate {
  status?: "SUCCESS" | "FAILURE";
  statusLabel?: string;
  link?: string | string[];
  summary?: string;
  externalRunId?: string;
}

const ACTIONS = "/v1/actions";

function actionPath(identifier: string): string {
  return `${ACTIONS}/${pathSegment("action", identifier)}`;
}

function runPath(runId: string): string {
  return `${ACTIONS}/runs/${pathSegment("action run", runId)}`;
}

/** The action or automation, or undefined when Port answers 404 `not_found`. */
export async function getAction(client: PortClient, identifier: string): Promise<PortActionBody | undefined> {
  const path = actionPath(identifier);
  return undefinedWhenNotFound(async () => envelopeField<PortActionBody>(await client.request("GET", path), "action", "GET", path));
}

export async function listActions(client: PortClient, opts: ListActionsOptions = {}): Promise<PortActionBody[]> {
  const query: QueryParams = { trigger_type: opts.triggerType, blueprint_identifier: opts.blueprintIdentifier };
  return envelopeField<PortActionBody[]>(await client.request("GET", ACTIONS, { query }), "actions", "GET", ACTIONS);
}

export async function createAction(client: PortClient, body: PortActionBody): Promise<PortActionBody> {
  return envelopeField<PortActionBody>(await client.request("POST", ACTIONS, { body }), "action", "POST", ACTIONS);
}

/** PUT replaces the whole document: keys left out of `body` are dropped by Port. */
export async function replaceAction(client: PortClient, identifier: string, body: PortActionBody): Promise<PortActionBody> {
  const path = actionPath(identifier);
  return envelopeField<PortActionBody>(await client.request("PUT", path, { body }), "action", "PUT", path);
}

/** True when deleted, false when it was already gone (404 `not_found`). */
export async function deleteAction(client: PortClient, identifier: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", actionPath(identifier)));
}

/**
 * Starts a run of a self-service action (Port answers 202: the run is IN_PROGRESS, or
 * WAITING_FOR_APPROVAL when the action requires approval). `runAs` runs it as that user's email.
 */
export async function runAction(client: PortClient, identifier: string, request: ActionRunRequest, opts: { runAs?: string } = {}): Promise<PortActionRun> {
  const path = `${actionPath(identifier)}/runs`;
  const body = { ...request, properties: request.properties ?? {} };
  const res = await client.request("POST", path, { body, query: { run_as: opts.runAs } });
  return envelopeField<PortActionRun>(res, "run", "POST", path);
}

/** Runs of the action still in progress or waiting for approval (apispec.yaml: GET /v1/actions/runs, `action` and `active`). */
export async function listActiveRuns(client: PortClient, identifier: string): Promise<PortActionRun[]> {
  const path = `${ACTIONS}/runs`;
  return envelopeField<PortActionRun[]>(await client.request("GET", path, { query: { action: identifier, active: true } }), "runs", "GET", path);
}

/** The run, or undefined when Port answers 404 `not_found`. */
export async function getActionRun(client: PortClient, runId: string): Promise<PortActionRun | undefined> {
  const path = runPath(runId);
  return undefinedWhenNotFound(async () => envelopeField<PortActionRun>(await client.request("GET", path), "run", "GET", path));
}

/** Reports progress or the result of a run. */
export async function updateActionRun(client: PortClient, runId: string, update: ActionRunUpdate): Promise<PortActionRun> {
  const path = runPath(runId);
  return envelopeField<PortActionRun>(await client.request("PATCH", path, { body: update }), "run", "PATCH", path);
}
