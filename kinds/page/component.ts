import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { providerStub } from "../../core/providers/provider-stub";
import { HOME_PAGE_IDENTIFIER, HomePageSpec, PageSpec, entityPageIdentifier, validateSpec } from "../../core/schemas";
import { Blueprint } from "../blueprint/component";
import { Folder, sidebarRefInput, sidebarRefKnown, type SidebarItem, type SidebarRef } from "../folder/component";
import { PagePermissions, type PagePermissionGroupArgs } from "../page-permissions/component";
import { PortalModel, currentPortalModel } from "../../core/components/portal-model";
import { isPlain } from "../../core/components/plain-input";
import { type BlueprintRef, type PortalInput, resolveBlueprintRefs, widgetFieldProblems } from "./widget-refs";

type PageContent = Omit<z.input<typeof HomePageSpec>, "identifier" | "type">;

/** Title, icon, description, lock, widgets and page filters: every field of the page schema, accepting Inputs and `Blueprint`s. */
export type DashboardContentArgs = { [K in keyof PageContent]: PortalInput<PageContent[K]> };

/** A dashboard of the software catalog, in the sidebar. */
export interface CatalogDashboardPage {
  type: "dashboard";
  /** The sidebar folder holding it: a `Folder` of this program, or the identifier of one managed elsewhere. Omitted: top level. */
  folder?: Folder | pulumi.Input<string>;
  /** The sibling (dashboard or folder) it comes after: one of this program, or an identifier. Omitted: first. */
  after?: SidebarRef;
}

/** Which page a Dashboard is: a catalog dashboard it creates, or the home page or an entity page it adopts. */
export type DashboardPage = CatalogDashboardPage | { type: "home" } | { type: "entity"; blueprint: BlueprintRef };

export type DashboardArgs = DashboardContentArgs & {
  /** Who may see the page (users, roles, teams). Omitted: not managed (Port's default: every member). */
  readPermissions?: PagePermissionGroupArgs;
} & (
    | {
        page: CatalogDashboardPage;
        /** Unique among pages; the stack's identifier prefix and suffix are added. Changing it replaces the dashboard. */
        identifier: pulumi.Input<string>;
        title: pulumi.Input<string>;
      }
    | {
        /** The home page (`$home`) or the entity page of a blueprint (`<blueprint>Entity`): their identifiers are Port's. */
        page: { type: "home" } | { type: "entity"; blueprint: BlueprintRef };
        identifier?: undefined;
      }
  );

const pageProvider = providerStub("Page");

/** The dynamic resource behind a Dashboard: `pulumi-nodejs:dynamic/port:Page`. */
export class PageResource extends pulumi.dynamic.Resource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(pageProvider, name, spec, opts, "port", "Page");
  }
}

interface Placement {
  port: pulumi.Inputs;
  known: Record<string, unknown>;
  declaredIdentifier?: string;
  /** Blueprints the page needs first (an entity page exists once its blueprint does). */
  dependsOn?: Blueprint[];
}

/** Identifier, type and sidebar place (or blueprint) of the page, for Port and as known now. */
function placementOf(args: DashboardArgs, model: PortalModel, component: string): Placement {
  const page = args.page;
  if (page.type === "home") return { port: { identifier: HOME_PAGE_IDENTIFIER, type: "home" }, known: { identifier: HOME_PAGE_IDENTIFIER, type: "home" }, declaredIdentifier: HOME_PAGE_IDENTIFIER };
  if (page.type === "entity") {
    const blueprint = page.blueprint;
    const declared = blueprint instanceof Blueprint ? blueprint.declaredIdentifier : typeof blueprint === "string" ? model.qualify(blueprint) : undefined;
    const output = blueprint instanceof Blueprint ? blueprint.identifier : typeof blueprint === "string" ? pulumi.output(model.qualify(blueprint)) : pulumi.output(blueprint);
    if (!(blueprint instanceof Blueprint) && declared !== undefined) model.referBlueprint({ from: component, field: "page.blueprint", identifier: declared });
    const identifier = declared === undefined ? output.apply(entityPageIdentifier) : entityPageIdentifier(declared);
    return {
      port: { identifier, type: "entity", blueprint: declared ?? output },
      known: { identifier, type: "entity", blueprint: declared ?? output },
      declaredIdentifier: declared === undefined ? undefined : entityPageIdentifier(declared),
      dependsOn: blueprint instanceof Blueprint ? [blueprint] : [],
    };
  }
  const identifier = typeof args.identifier === "string" ? model.qualify(args.identifier) : args.identifier;
  const port: pulumi.Inputs = { identifier, type: "dashboard" };
  const known: Record<string, unknown> = { identifier, type: "dashboard" };
  if (page.folder !== undefined) {
    port.parent = sidebarRefInput(page.folder);
    known.parent = sidebarRefKnown(page.folder);
  }
  if (page.after !== undefined) {
    port.after = sidebarRefInput(page.after);
    known.after = sidebarRefKnown(page.after);
  }
  return { port, known, declaredIdentifier: typeof identifier === "string" ? identifier : undefined };
}

function withoutUndefined(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

/**
 * A Port page with typed widgets: a dashboard in the catalog sidebar (created and deleted), the
 * organization's home page, or a blueprint's entity page (both adopted: customized on create and
 * put back as they were on destroy, never deleted). Widgets name blueprints by `Blueprint` or
 * identifier; filters use the one entity-query schema, with `{context: "user" | "userTeams",
 * property}` values for filters that resolve per viewer. Bad widgets, unknown blueprints and
 * chart properties the blueprint lacks stop the preview before anything reaches Port.
 */
export class Dashboard extends pulumi.ComponentResource implements SidebarItem {
  /** The page identifier in Port, once applied. */
  readonly identifier: pulumi.Output<string>;
  /** The page identifier as Port will know it, when known while the program is declared. */
  readonly declaredIdentifier: string | undefined;
  readonly resource: PageResource | undefined;
  /** The page's permissions, when `readPermissions` is given. */
  readonly permissions: PagePermissions | undefined;

  constructor(name: string, args: DashboardArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:Dashboard", name, {}, opts);
    const component = `Dashboard "${name}"`;
    const model = currentPortalModel();
    const { page: _page, identifier, readPermissions, ...content } = args;
    const placement = placementOf(args, model, component);
    this.declaredIdentifier = placement.declaredIdentifier;

    const resolved = resolveBlueprintRefs(withoutUndefined(content), model, "");
    for (const mention of resolved.mentions) {
      // A Blueprint object is declared in the model already; a plain identifier must resolve.
      if (mention.blueprint === undefined && mention.identifier !== undefined) model.referBlueprint({ from: component, field: mention.field, identifier: mention.identifier });
    }
    if (this.declaredIdentifier !== undefined) model.declarePage(this.declaredIdentifier, component);

    const spec: pulumi.Inputs = { ...placement.port, ...(resolved.port as pulumi.Inputs) };
    const known = { ...placement.known, ...(resolved.known as Record<string, unknown>) };
    const problems = identifier !== undefined && args.page.type !== "dashboard"
      ? [`${component}: field identifier: the ${args.page.type} page's identifier is Port's, not chosen. Remove identifier.`]
      : [];
    if (isPlain(known)) {
      const result = validateSpec(PageSpec, "Dashboard", name, known);
      if (!result.ok) problems.push(...result.problems.map((p) => p.message));
    }
    problems.push(...widgetFieldProblems(component, content.widgets));

    if (problems.length > 0) {
      model.reportProblems(problems);
      this.resource = undefined;
      this.permissions = undefined;
      this.identifier = pulumi.output(spec.identifier as pulumi.Input<string>);
    } else {
      // Blueprint objects go to Port as identifier strings (checked at preview), so the order is explicit.
      const dependsOn = [...new Set([...(placement.dependsOn ?? []), ...resolved.mentions.flatMap((m) => (m.blueprint ? [m.blueprint] : []))])];
      this.resource = new PageResource(name, spec, { parent: this, dependsOn });
      this.identifier = this.resource.identifier;
      this.permissions = readPermissions === undefined ? undefined : new PagePermissions(`${name}-permissions`, { page: this, read: readPermissions }, { parent: this });
    }
    this.registerOutputs({ identifier: this.identifier });
  }
}
