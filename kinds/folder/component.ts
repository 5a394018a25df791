import * as pulumi from "@pulumi/pulumi";
import { FolderSpec, MAX_FOLDER_DEPTH } from "./schema";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";

/** Something of this program in the catalog sidebar: a `Folder` or a `Dashboard`. */
export interface SidebarItem {
  /** The identifier in Port, once created. */
  readonly identifier: pulumi.Output<string>;
  /** The identifier as Port will know it, when known while the program is declared. */
  readonly declaredIdentifier: string | undefined;
}

/** A place in the sidebar: a `Folder` or `Dashboard` of this program, or the identifier of one managed elsewhere (used as is). */
export type SidebarRef = SidebarItem | pulumi.Input<string>;

function isSidebarItem(ref: unknown): ref is SidebarItem {
  return pulumi.ComponentResource.isInstance(ref) && "declaredIdentifier" in ref && pulumi.Output.isInstance((ref as { identifier?: unknown }).identifier);
}

/** The identifier to send to Port: an item's identifier output (which orders creation), or the string as given. */
export function sidebarRefInput(ref: SidebarRef): pulumi.Input<string> {
  return isSidebarItem(ref) ? ref.identifier : ref;
}

/** The identifier when known now (for checks at construction). */
export function sidebarRefKnown(ref: SidebarRef | undefined): unknown {
  if (ref === undefined) return undefined;
  return isSidebarItem(ref) ? (ref.declaredIdentifier ?? ref.identifier) : ref;
}

export interface FolderArgs {
  /** Unique among pages and folders; the stack's identifier prefix and suffix are added. Changing it replaces the folder. */
  identifier: pulumi.Input<string>;
  /** Shown in the sidebar. Omitted: Port shows the identifier. */
  title?: pulumi.Input<string>;
  /** The folder holding this one (at most 3 levels deep). Omitted: the sidebar's top level. */
  parent?: Folder | pulumi.Input<string>;
  /** The sibling (folder or dashboard) this folder comes after. Omitted: first. */
  after?: SidebarRef;
}

/** The dynamic resource behind a Folder: `pulumi-nodejs:dynamic/port:Folder`. */
export class FolderResource extends PortResource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Folder", name, spec, opts);
  }
}

/**
 * A folder of Port's catalog sidebar, holding dashboards and other folders. Nesting is checked
 * against Port's limit of 3 levels through the parent `Folder`s of this program.
 */
export class Folder extends PortComponent implements SidebarItem {
  readonly identifier: pulumi.Output<string>;
  readonly declaredIdentifier: string | undefined;
  /** Nesting level (1 at the top of the sidebar), when every parent is a `Folder` of this program. */
  readonly depth: number | undefined;
  /** The parent chain, top first, for messages. */
  readonly path: string[];
  readonly resource: FolderResource;

  constructor(name: string, args: FolderArgs, opts?: PortComponentOptions) {
    super("Folder", name, opts);
    const component = this.component;
    this.declaredIdentifier = typeof args.identifier === "string" ? this.portal.qualify(args.identifier) : undefined;
    const parent = args.parent;
    this.depth = parent === undefined ? 1 : parent instanceof Folder ? (parent.depth === undefined ? undefined : parent.depth + 1) : undefined;
    this.path = [...(parent instanceof Folder ? parent.path : typeof parent === "string" ? [parent] : []), this.declaredIdentifier ?? name];

    const port: pulumi.Inputs = { identifier: typeof args.identifier === "string" ? this.declaredIdentifier : args.identifier };
    const known: Record<string, unknown> = { ...port };
    if (args.title !== undefined) port.title = known.title = args.title;
    if (parent !== undefined) {
      port.parent = sidebarRefInput(parent);
      known.parent = sidebarRefKnown(parent);
    }
    if (args.after !== undefined) {
      port.after = sidebarRefInput(args.after);
      known.after = sidebarRefKnown(args.after);
    }

    if (this.declaredIdentifier) this.model.declareFolder(this.declaredIdentifier, component);
    this.checkKnown(FolderSpec, known);
    if (this.depth !== undefined && this.depth > MAX_FOLDER_DEPTH) {
      this.report([
        `${component}: field parent: nests the folder ${this.depth} levels deep (${this.path.join(" > ")}); Port's sidebar allows at most ${MAX_FOLDER_DEPTH}. Move it to a folder higher up.`,
      ]);
    }
    this.resource = new FolderResource(name, port, { parent: this });
    this.identifier = this.resource.identifier;
    this.registerOutputs({ identifier: this.identifier });
  }
}
