import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { PagePermissionGroupInput, PagePermissionsSpec, validateSpec } from "../../core/schemas";
import { sidebarRefInput, sidebarRefKnown, type SidebarItem } from "../folder/component";
import type { DeepInput } from "../../core/components/input-types";
import { currentPortalModel } from "../../core/components/portal-model";
import { isPlain } from "../../core/components/plain-input";

/** Who holds a page permission: users (emails), roles and teams (by name). A list left out is empty. */
export type PagePermissionGroupArgs = { [K in keyof PagePermissionGroupInput]: DeepInput<PagePermissionGroupInput[K]> };

export interface PagePermissionsArgs {
  /** The page: a `Dashboard` of this program (which orders creation), or the identifier of a page managed elsewhere. */
  page: SidebarItem | pulumi.Input<string>;
  /** Who may see the page. Omitted: not managed (Port keeps what it has). */
  read?: PagePermissionGroupArgs;
  /** Who may change the page. Omitted: not managed. */
  update?: PagePermissionGroupArgs;
}

const pagePermissionsProvider = providerStub("PagePermissions");

/** The dynamic resource behind PagePermissions: `pulumi-nodejs:dynamic/port:PagePermissions`, id = the page identifier. */
export class PagePermissionsResource extends pulumi.dynamic.Resource {
  declare readonly page: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(pagePermissionsProvider, name, spec, opts, "port", "PagePermissions");
  }
}

/**
 * A page's read and update permissions. Port keeps one permissions document per page, so this
 * updates it in place; on destroy the permissions it managed go back to Port's defaults (every
 * member reads, admins update). Whether the named teams and roles exist is checked where teams
 * and roles are managed.
 */
export class PagePermissions extends pulumi.ComponentResource {
  readonly page: pulumi.Output<string>;
  readonly resource: PagePermissionsResource | undefined;

  constructor(name: string, args: PagePermissionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:PagePermissions", name, {}, opts);
    const spec: pulumi.Inputs = { page: sidebarRefInput(args.page) };
    if (args.read !== undefined) spec.read = args.read;
    if (args.update !== undefined) spec.update = args.update;
    const known = { ...spec, page: sidebarRefKnown(args.page) };
    const result = isPlain(known) ? validateSpec(PagePermissionsSpec, "PagePermissions", name, known) : ({ ok: true } as const);
    if (!result.ok) {
      currentPortalModel().reportProblems(result.problems.map((p) => p.message));
      this.resource = undefined;
      this.page = pulumi.output(spec.page as pulumi.Input<string>);
    } else {
      this.resource = new PagePermissionsResource(name, spec, { parent: this });
      this.page = this.resource.page;
    }
    this.registerOutputs({ page: this.page });
  }
}
