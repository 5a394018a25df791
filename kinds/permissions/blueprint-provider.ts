import { getBlueprintPermissions, updateBlueprintPermissions } from "./client";
import { BlueprintPermissionsSpec } from "./schema";
import { permissionScopeLogic, type PermissionScopeKind } from "./scope-logic";

/** The blocks of `entities` that are one each, and those kept per property or relation. */
const SINGLE_BLOCKS = ["read", "register", "update", "unregister"];
const KEYED_BLOCKS = ["updateProperties", "updateRelations"];

/**
 * A blueprint's permissions (`/v1/blueprints/{blueprint}/permissions`). Each of read, register,
 * update, unregister, and each property's or relation's update block, is managed on its own:
 * blocks left out of the code keep what Port holds.
 */
export const blueprintPermissionsKind: PermissionScopeKind = {
  kind: "BlueprintPermissions",
  schema: BlueprintPermissionsSpec,
  parentKey: "blueprint",
  parentNoun: "blueprint",
  blockPaths(body) {
    const entities = (body.entities ?? {}) as Record<string, unknown>;
    const paths = SINGLE_BLOCKS.filter((name) => entities[name] !== undefined).map((name) => ["entities", name]);
    for (const map of KEYED_BLOCKS) {
      for (const key of Object.keys((entities[map] ?? {}) as object)) paths.push(["entities", map, key]);
    }
    return paths;
  },
  api: { get: getBlueprintPermissions, patch: updateBlueprintPermissions },
};

export const blueprintPermissionsLogic = permissionScopeLogic(blueprintPermissionsKind);
