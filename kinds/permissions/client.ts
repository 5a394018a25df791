/**
 * Typed permission calls used by the providers (Port API §9): one singleton per blueprint and per
 * action, read with GET and changed with PATCH. Port creates a scope some time after its parent;
 * until then it answers 404, which the reads return as undefined (callers repeat both calls: until-ok.ts).
 */

import { envelopeField } from "../../core/client/envelope-field";
import { undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/** Wire shape only (`{entities: {...}}` or `{execute, approve}`); the validated shapes live in schema.ts. */
export type PortPermissions = Record<string, unknown>;

function blueprintPermissionsPath(blueprint: string): string {
  return `/v1/blueprints/${pathSegment("blueprint", blueprint)}/permissions`;
}

function actionPermissionsPath(action: string): string {
  return `/v1/actions/${pathSegment("action", action)}/permissions`;
}

async function getPermissions(client: PortClient, path: string): Promise<PortPermissions | undefined> {
  return undefinedWhenNotFound(async () => envelopeField<PortPermissions>(await client.request("GET", path), "permissions", "GET", path));
}

async function patchPermissions(client: PortClient, path: string, body: PortPermissions): Promise<PortPermissions> {
  return envelopeField<PortPermissions>(await client.request("PATCH", path, { body }), "permissions", "PATCH", path);
}

/** The blueprint's permissions, or undefined when Port has no scope (yet) for it. */
export function getBlueprintPermissions(client: PortClient, blueprint: string): Promise<PortPermissions | undefined> {
  return getPermissions(client, blueprintPermissionsPath(blueprint));
}

/** PATCH: the blocks in `body` change; blocks left out keep what Port holds. */
export function updateBlueprintPermissions(client: PortClient, blueprint: string, body: PortPermissions): Promise<PortPermissions> {
  return patchPermissions(client, blueprintPermissionsPath(blueprint), body);
}

/** The action's permissions, or undefined when Port has no scope (yet) for it. */
export function getActionPermissions(client: PortClient, action: string): Promise<PortPermissions | undefined> {
  return getPermissions(client, actionPermissionsPath(action));
}

/** PATCH: `execute` and/or `approve`; a block left out keeps what Port holds. */
export function updateActionPermissions(client: PortClient, action: string, body: PortPermissions): Promise<PortPermissions> {
  return patchPermissions(client, actionPermissionsPath(action), body);
}
