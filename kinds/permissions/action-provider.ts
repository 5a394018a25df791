import { getActionPermissions, updateActionPermissions } from "./client";
import { ActionPermissionsSpec, policyJqFields } from "./schema";
import { jqProblems } from "../../core/schemas/jq";
import { permissionScopeLogic, type PermissionScopeKind } from "./scope-logic";

/**
 * An action's permissions (`/v1/actions/{action}/permissions`): `execute` and `approve`, each
 * managed on its own (a block left out keeps what Port holds). Policy conditions and the `{{ }}`
 * templates in policy queries are compiled with jq at preview.
 */
export const actionPermissionsKind: PermissionScopeKind = {
  kind: "ActionPermissions",
  schema: ActionPermissionsSpec,
  parentKey: "action",
  parentNoun: "action",
  blockPaths: (body) => ["execute", "approve"].filter((name) => body[name] !== undefined).map((name) => [name]),
  extraProblems: (spec, name) =>
    jqProblems("ActionPermissions", name, [...policyJqFields(spec.execute?.policy, "execute.policy"), ...policyJqFields(spec.approve?.policy, "approve.policy")]),
  api: { get: getActionPermissions, patch: updateActionPermissions },
};

export const actionPermissionsLogic = permissionScopeLogic(actionPermissionsKind);
