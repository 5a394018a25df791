import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { HOME_PAGE_IDENTIFIER, HomePageSpec, PageSpec, entityPageIdentifier } from "./schema";
import { Blueprint } from "../blueprint/component";
import { Folder, sidebarRefInput, sidebarRefKnown, type SidebarItem, type SidebarRef } from "../folder/component";
import { PagePermissions, type PagePermissionGroupArgs } from "../page-permissions/component";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";
import { PLACEHOLDER_IDENTIFIER } from "../../core/components/references";
import { resolveBlueprint } from "../blueprint/refs";
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

/** A catalog page: the table of a blueprint's entities, in the sidebar. */
export interface CatalogPage {
  type: "blueprint-entities";
  /** The blueprint whose entities the page lists: a `Blueprint`, or the identifier of one managed elsewhere. */
  blueprint: BlueprintRef;
  /** The sidebar folder holding it: a `Folder` of this program, or the identifier of one managed elsewhere. Omitted: top level. */
  folder?: Folder | pulumi.Input<string>;
  /** The sibling (page or folder) it comes after: one of this program, or an identifier. Omitted: first. */
  after?: SidebarRef;
}

/** Which page a Dashboard is: a catalog dashboard or catalog page it creates, or the home page or an entity page it adopts. */
export type DashboardPage = CatalogDashboardPage | CatalogPage | { type: "home" } | { type: "entity"; blueprint: BlueprintRef };

export type DashboardArgs = DashboardContentArgs & {
  /** Who may see the page (users, roles, teams). Omitted: not managed (Port's default: every member). */
  readPermissions?: PagePermissionGroupArgs;
} & (
    | {
        page: CatalogDashboardPage | CatalogPage;
        /** Unique among pages; the stack's identifier prefix and suffix are added. Changing it replaces the dashboard. */
        identifier: pulumi.Input<string>;
      }
    | {
        /** The home page (`$home`) or the entity page of a blueprint (`<blueprint>Entity`): their identifiers are Port's. */
        page: { type: "home" } | { type: "entity"; blueprint: BlueprintRef };
        identifier?: undefined;
      }
  );

/** The dynamic resource behind a Dashboard: `pulumi-nodejs:dynamic/port:Page`. */
export class PageResource extends PortResource {
  declare readonly identifier: pulumi.Output<string>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Page", name, spec, opts);
  }
}

interface Placement {
  port: pulumi.Inputs;
  known: Record<string, unknown>;
  declaredIdentifier?: string;
  /** Blueprints the page needs first (an entity page exists once its blueprint does). */
  dependsOn?: Blueprint[];
}

/** The blueprint of an entity or catalog page: for Port, as known now, and the Blueprint the page waits for. */
function pageBlueprint(ref: BlueprintRef, portal: Portal, component: string): { port: string | pulumi.Output<string>; known: string | undefined; dependsOn: Blueprint[] } {
  const resolved = resolveBlueprint(ref, portal, { from: component, field: "page.blueprint" });
  const known = resolved.known === PLACEHOLDER_IDENTIFIER ? undefined : resolved.known;
  // A Blueprint goes to Port as its identifier string when known (the page depends on it for ordering).
  const port = resolved.component && known !== undefined ? known : pulumi.output(resolved.input);
  return { port, known, dependsOn: resolved.component ? [resolved.component] : [] };
}

/** Identifier, type and sidebar place (or blueprint) of the page, for Port and as known now. */
function placementOf(args: DashboardArgs, portal: Portal, component: string): Placement {
  const page = args.page;
  if (page.type === "home")
    return { port: { identifier: HOME_PAGE_IDENTIFIER, type: "home" }, known: { identifier: HOME_PAGE_IDENTIFIER, type: "home" }, declaredIdentifier: HOME_PAGE_IDENTIFIER };
  if (page.type === "entity") {
    const { port: blueprint, known, dependsOn } = pageBlueprint(page.blueprint, portal, component);
    const identifier = typeof blueprint === "string" ? entityPageIdentifier(blueprint) : blueprint.apply(entityPageIdentifier);
    return {
      port: { identifier, type: "entity", blueprint },
      known: { identifier: known === undefined ? identifier : entityPageIdentifier(known), type: "entity", blueprint: known ?? blueprint },
      declaredIdentifier: known === undefined ? undefined : entityPageIdentifier(known),
      dependsOn,
    };
  }
  const identifier = typeof args.identifier === "string" ? portal.qualify(args.identifier) : args.identifier;
  const port: pulumi.Inputs = { identifier, type: page.type };
  const known: Record<string, unknown> = { identifier, type: page.type };
  let dependsOn: Blueprint[] | undefined;
  if (page.type === "blueprint-entities") {
    const blueprint = pageBlueprint(page.blueprint, portal, component);
    port.blueprint = blueprint.port;
    known.blueprint = blueprint.known ?? blueprint.port;
    dependsOn = blueprint.dependsOn;
  }
  if (page.folder !== undefined) {
    port.parent = sidebarRefInput(page.folder);
    known.parent = sidebarRefKnown(page.folder);
  }
  if (page.after !== undefined) {
    port.after = sidebarRefInput(page.after);
    known.after = sidebarRefKnown(page.after);
  }
  return { port, known, declaredIdentifier: typeof identifier === "string" ? identifier : undefined, dependsOn };
}

function withoutUndefined(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

/**
 * A Port page with typed widgets: a dashboard or a catalog page in the sidebar (created and deleted), the
 * organization's home page, or a blueprint's entity page (both adopted: customized on create and
 * put back as they were on destroy, never deleted). Widgets name blueprints by `Blueprint` or
 * identifier; filters use the one entity-query schema, with `{context: "user" | "userTeams",
 * property}` values for filters that resolve per viewer. Bad widgets, unknown blueprints and
 * chart properties the blueprint lacks stop the preview before anything reaches Port.
 */
export class Dashboard extends PortComponent implements SidebarItem {
  /** The page identifier in Port, once applied. */
  readonly identifier: pulumi.Output<string>;
  /** The page identifier as Port will know it, when known while the program is declared. */
  readonly declaredIdentifier: string | undefined;
  readonly resource: PageResource;
  /** The page's permissions, when `readPermissions` is given. */
  readonly permissions: PagePermissions | undefined;

  constructor(name: string, args: DashboardArgs, opts?: PortComponentOptions) {
    super("Dashboard", name, opts);
    const component = this.component;
    const { page: _page, identifier, readPermissions, ...content } = args;
    const placement = placementOf(args, this.portal, component);
    this.declaredIdentifier = placement.declaredIdentifier;

    const resolved = resolveBlueprintRefs(withoutUndefined(content), this.portal, "");
    for (const mention of resolved.mentions) {
      // A Blueprint object is declared in the model already; a plain identifier must resolve.
      if (mention.blueprint === undefined && mention.identifier !== undefined) this.model.referBlueprint({ from: component, field: mention.field, identifier: mention.identifier });
    }
    if (this.declaredIdentifier !== undefined) this.model.declarePage(this.declaredIdentifier, component);

    const pageType: string = args.page.type;
    if (identifier !== undefined && (pageType === "home" || pageType === "entity")) {
      this.report([`${component}: field identifier: the ${pageType} page's identifier is Port's, not chosen. Remove identifier.`]);
    }
    this.checkKnown(PageSpec, { ...placement.known, ...(resolved.known as Record<string, unknown>) });
    this.report(widgetFieldProblems(component, content.widgets));

    // Blueprint objects go to Port as identifier strings (checked at preview), so the order is explicit.
    const dependsOn = [...new Set([...(placement.dependsOn ?? []), ...resolved.mentions.flatMap((m) => (m.blueprint ? [m.blueprint] : []))])];
    this.resource = new PageResource(name, { ...placement.port, ...(resolved.port as pulumi.Inputs) }, { parent: this, dependsOn });
    this.identifier = this.resource.identifier;
    this.permissions = readPermissions === undefined ? undefined : new PagePermissions(`${name}-permissions`, { page: this, read: readPermissions }, { parent: this });
    this.registerOutputs({ identifier: this.identifier });
  }
}
