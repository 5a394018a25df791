/**
 * A folder of the catalog sidebar (`/v1/sidebars/catalog/folders`, which Port's OpenAPI document does not list; terraform-provider-port-labs internal/cli/folder.go uses it): it holds
 * pages and other folders (at most 3 levels deep, as Port's docs say) and is ordered by `after`.
 */
import { z } from "zod";
import { closedObject } from "../../core/schemas/closed";
import { pageIdentifierSchema } from "../page/schema";

/** Port nests sidebar folders at most this deep (a top-level folder is level 1). */
export const MAX_FOLDER_DEPTH = 3;

/** A folder identifier (the UI makes one from the title in snake_case, e.g. `"platform_dashboards"`). */
export const FolderIdentifier = pageIdentifierSchema("folder");

/** A sidebar folder, as the body of `POST /v1/sidebars/catalog/folders`. */
export const FolderSpec = closedObject("a folder", {
  /** Unique among pages and folders; changing it replaces the folder. */
  identifier: FolderIdentifier,
  /** Shown in the sidebar. Omitted: Port shows the identifier. */
  title: z.string().min(1).optional(),
  /** The folder holding this one. Omitted: the sidebar's top level. */
  parent: FolderIdentifier.optional(),
  /** The sibling (page or folder) this folder comes after. Omitted: first. */
  after: z.string().min(1).optional(),
});
export type FolderSpec = z.output<typeof FolderSpec>;
export type FolderSpecInput = z.input<typeof FolderSpec>;
