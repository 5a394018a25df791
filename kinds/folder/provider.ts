import { createFolder, deleteFolder, getFolder, updateFolder, type PortFolderBody } from "./client";
import { type PortClient } from "../../core/client/port-client";
import { FolderSpec } from "./schema";
import { documentLogic } from "../../core/providers/document-logic";
import type { ResourceLogic } from "../../core/providers/resource-logic";

/**
 * Sidebar folders (port-api.md §11). Port has no PUT for folders: an update PATCHes the spec's
 * keys and clears with `null` the placement (`parent`, `after`) the spec no longer has.
 * Changing the identifier replaces the folder.
 */

/** Keys a PATCH can clear. */
const CLEARABLE = ["parent", "after"];

export const folderLogic: ResourceLogic = documentLogic({
  kind: "Folder",
  schema: FolderSpec,
  idOf: (spec) => String(spec.identifier),
  nameOf: (spec) => String(spec.identifier ?? "(no identifier)"),
  // The sidebar's own bookkeeping on every item.
  serverFields: ["sidebar", "sidebarType"],
  api: {
    get: (client: PortClient, id) => getFolder(client, id),
    create: (client, spec) => createFolder(client, spec as PortFolderBody),
    async replace(client, id, body, current) {
      const patch: Record<string, unknown> = { ...body };
      for (const key of CLEARABLE) if (current[key] !== undefined && body[key] === undefined) patch[key] = null;
      return updateFolder(client, id, patch);
    },
    async remove(client, id) {
      await deleteFolder(client, id); // already gone counts as done
    },
  },
});
