import * as pulumi from "@pulumi/pulumi";
import { PagePermissionGroupInput, PagePermissionsSpec } from "./schema";
import type { RefMode } from "../../core/components/references";
import { sidebarRefInput, sidebarRefKnown, type SidebarItem } from "../folder/component";
import { referPeopleIn, withPeopleValues, type WithPeopleRefs } from "../user/refs";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";

/** Who holds a page permission: users (`User`s or emails), roles and teams (`Team`s or names). A list left out is empty. */
export type PagePermissionGroupArgs = WithPeopleRefs<PagePermissionGroupInput>;

export interface PagePermissionsArgs {
  /** The page: a `Dashboard` of this program (which orders creation), or the identifier of a page managed elsewhere. */
  page: SidebarItem | pulumi.Input<string>;
  /** Who may see the page. Omitted: not managed (Port keeps what it has). */
  read?: PagePermissionGroupArgs;
  /** Who may change the page. Omitted: not managed. */
  update?: PagePermissionGroupArgs;
}

/** The dynamic resource behind PagePermissions: `pulumi-nodejs:dynamic/port:PagePermissions`, id = the page identifier. */
export class PagePermissionsResource extends PortResource {
  declare readonly page: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("PagePermissions", name, spec, opts);
  }
}

/**
 * A page's read and update permissions. Port keeps one permissions document per page, so this
 * updates it in place; on destroy the permissions it managed go back to Port's defaults (every
 * member reads, admins update). Teams, users and roles named by plain value are checked like
 * every other permission's.
 */
export class PagePermissions extends PortComponent {
  readonly page: pulumi.Output<string>;
  readonly resource: PagePermissionsResource;

  constructor(name: string, args: PagePermissionsArgs, opts?: PortComponentOptions) {
    super("PagePermissions", name, opts);
    const blocks = { read: args.read, update: args.update };
    referPeopleIn(blocks, "", this.component, this.portal);
    const pageName = sidebarRefKnown(args.page);
    if (typeof pageName === "string") this.model.declarePermissionScope(`page "${pageName}"`, this.component);
    const document = (page: unknown, mode: RefMode) => {
      const doc: Record<string, unknown> = { page };
      for (const [key, block] of Object.entries(blocks)) if (block !== undefined) doc[key] = withPeopleValues(block, this.portal, mode);
      return doc;
    };
    this.checkKnown(PagePermissionsSpec, document(pageName, "declared"));

    this.resource = new PagePermissionsResource(name, document(sidebarRefInput(args.page), "inputs") as pulumi.Inputs, { parent: this });
    this.page = this.resource.page;
    this.registerOutputs({ page: this.page });
  }
}
