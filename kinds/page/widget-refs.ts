import * as pulumi from "@pulumi/pulumi";
import { allWidgets } from "./widgets-schema";
import { showValue } from "../../core/schemas/messages";
import { Blueprint } from "../blueprint/component";
import { closestNames } from "../../core/components/closest-names";
import { isPlain } from "../../core/components/plain-input";
import type { Portal } from "../../core/components/portal";
import { ExistingBlueprint, type BlueprintRef as AnyBlueprintRef, type WithBlueprintRefs } from "../blueprint/refs";

/**
 * How dashboards refer to blueprints: a widget's, a page filter's or a query rule's `blueprint`
 * may be a `Blueprint` of this program (which orders creation) or the identifier of one managed
 * elsewhere. This turns such args into Port's JSON, collects the references for the portal
 * check, and checks the property names charts use against the `Blueprint`s they name.
 */

/** A blueprint named by a dashboard: a `Blueprint`, `Blueprint.existing(...)`, or an identifier. */
export type BlueprintRef = AnyBlueprintRef;

/** A schema's type as dashboard args (see kinds/blueprint/refs.ts). */
export type PortalInput<T> = WithBlueprintRefs<T>;

/** A `blueprint` found in the args: where, and the identifier (the code's) when it is known now. */
export interface BlueprintMention {
  field: string;
  identifier?: string;
  /** Set when a `Blueprint` object was passed (it is declared in the model already). */
  blueprint?: Blueprint;
}

export interface ResolvedArgs {
  /**
   * What goes to Port: `Blueprint`s become their identifiers (outputs when not known now; either
   * way the caller must depend on the mentioned Blueprints), plain identifiers are resolved as
   * kinds/blueprint/refs.ts says.
   */
  port: unknown;
  /** The same, for validation now (equal to `port` except where values are not known yet). */
  known: unknown;
  mentions: BlueprintMention[];
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && isPlainContainer(value);
}

function isPlainContainer(value: unknown): boolean {
  return !(pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.Resource.isInstance(value));
}

/** Resolves every `blueprint` in `value` (widgets, page filters, query rules); `path` names `value` in messages. */
export function resolveBlueprintRefs(value: unknown, portal: Portal, path: string): ResolvedArgs {
  const mentions: BlueprintMention[] = [];
  const walk = (item: unknown, at: string): { port: unknown; known: unknown } => {
    if (!isPlainContainer(item)) return { port: item, known: item };
    if (Array.isArray(item)) {
      const parts = item.map((child, index) => walk(child, `${at}[${index}]`));
      return { port: parts.map((p) => p.port), known: parts.map((p) => p.known) };
    }
    if (!isPlainRecord(item)) return { port: item, known: item };
    const port: Record<string, unknown> = {};
    const known: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(item)) {
      const field = at === "" ? key : `${at}.${key}`;
      if (key === "blueprint" && child instanceof Blueprint) {
        // The identifier as a string when known, so previews check it; the caller depends on the Blueprint for ordering.
        mentions.push({ field, identifier: child.declaredIdentifier, blueprint: child });
        port[key] = known[key] = child.declaredIdentifier === undefined ? child.identifier : portal.qualify(child.declaredIdentifier);
      } else if (key === "blueprint" && child instanceof ExistingBlueprint) {
        port[key] = known[key] = child.identifier;
      } else if (key === "blueprint" && typeof child === "string") {
        mentions.push({ field, identifier: child });
        port[key] = portal.blueprintIdentifier(child);
        known[key] = child;
      } else if (key === "blueprintConfig" && isPlainRecord(child)) {
        // Keyed by the table's blueprint: each key names a blueprint as its `blueprint` does.
        const inner = walk(child, field);
        const rekey = (config: unknown) =>
          Object.fromEntries(Object.entries(config as Record<string, unknown>).map(([bp, value]) => [portal.declaredBlueprintIdentifier(bp), value]));
        const sameKeys = Object.keys(child).every((bp) => portal.qualify(bp) === bp);
        port[key] = sameKeys ? inner.port : portal.afterDeclarations(() => rekey(inner.port));
        known[key] = inner.known;
      } else {
        const inner = walk(child, field);
        port[key] = inner.port;
        known[key] = inner.known;
      }
    }
    return { port, known };
  };
  const { port, known } = walk(value, path);
  return { port, known, mentions };
}

// ---------------------------------------------------------------------------------------------
// Property names used by charts and tables, checked against the Blueprint they show.

type Doc = Record<string, any>;

/** The keys a blueprint declares, by kind, when its args are known now. */
function declaredKeys(blueprint: Blueprint): Record<string, string[]> | undefined {
  const args = blueprint.args as Doc;
  const parts = [args.schema, args.relations, args.mirrorProperties, args.calculationProperties, args.aggregationProperties];
  if (!parts.every(isPlain)) return undefined;
  return {
    property: Object.keys(args.schema?.properties ?? {}),
    relation: Object.keys(args.relations ?? {}),
    "mirror-property": Object.keys(args.mirrorProperties ?? {}),
    "calculation-property": Object.keys(args.calculationProperties ?? {}),
    "aggregation-property": Object.keys(args.aggregationProperties ?? {}),
  };
}

/** "a property" (of any kind, when several are allowed), "a relation", "a mirror property", "a property or relation". */
function nounOf(kinds: string[]): string {
  const properties = kinds.filter((kind) => kind !== "relation");
  const property = properties.length === 1 && properties[0] !== "property" ? properties[0].replace("-", " ") : "property";
  if (properties.length === 0) return "a relation";
  return kinds.includes("relation") ? `a ${property} or relation` : `a ${property}`;
}

/** The property names a widget uses, each with the kinds of key that may hold it. */
function namesUsed(widget: Doc): { field: string; name: string; kinds: string[] }[] {
  const valueKinds = ["property", "mirror-property", "calculation-property", "aggregation-property"];
  const out: { field: string; name: string; kinds: string[] }[] = [];
  const add = (field: string, name: unknown, kinds: string[]) => {
    if (typeof name === "string" && !name.startsWith("$")) out.push({ field, name, kinds });
  };
  if (widget.type === "entities-number-chart") {
    add("property", widget.property, valueKinds);
    add("measureTimeBy", widget.measureTimeBy, ["property"]);
  }
  if ((widget.type === "entities-pie-chart" || widget.type === "bar-chart") && typeof widget.property === "string") {
    const match = /^(property|mirror-property|calculation-property|aggregation-property|relation)#(.+)$/.exec(widget.property);
    if (match) add("property", match[2], [match[1]]);
  }
  if (widget.type === "line-chart") {
    (Array.isArray(widget.properties) ? widget.properties : []).forEach((path: unknown, index: number) => {
      if (typeof path === "string" && path.startsWith("properties.")) add(`properties[${index}]`, path.slice("properties.".length), valueKinds);
    });
    add("measureTimeBy", widget.measureTimeBy, ["property"]);
    add("breakdownProperty", widget.breakdownProperty, [...valueKinds, "relation"]);
  }
  if (widget.type === "table-entities-explorer") {
    const columns = [...valueKinds, "relation"];
    // Port's docs write excluded fields as "properties.<key>" as well as "<key>".
    const excluded = (name: unknown) => (typeof name === "string" ? name.replace(/^properties\./, "") : name);
    (Array.isArray(widget.excludedFields) ? widget.excludedFields : []).forEach((name: unknown, index: number) => add(`excludedFields[${index}]`, excluded(name), columns));
    for (const [bp, config] of Object.entries((widget.blueprintConfig ?? {}) as Doc)) {
      if (bp !== widget.blueprint?.declaredIdentifier) continue;
      for (const list of ["shown", "hidden"]) {
        const names = config?.propertiesSettings?.[list];
        (Array.isArray(names) ? names : []).forEach((name: unknown, index: number) => add(`blueprintConfig.${bp}.propertiesSettings.${list}[${index}]`, name, columns));
      }
    }
  }
  return out;
}

/**
 * One problem per chart or table field naming a key its `Blueprint` does not declare, e.g. a
 * pie chart by `property#langauge`. Only for widgets given a `Blueprint` whose args are known.
 */
export function widgetFieldProblems(component: string, widgets: unknown): string[] {
  const problems: string[] = [];
  for (const { widget, path } of allWidgets(widgets, ["widgets"])) {
    if (!(widget.blueprint instanceof Blueprint) || !isPlain({ ...widget, blueprint: undefined })) continue;
    const keys = declaredKeys(widget.blueprint);
    if (keys === undefined) continue;
    const at = path
      .map((step) => (typeof step === "number" ? `[${step}]` : `.${String(step)}`))
      .join("")
      .slice(1);
    const name = widget.blueprint.declaredIdentifier ?? "(identifier not known yet)";
    for (const used of namesUsed(widget)) {
      if (used.kinds.some((kind) => keys[kind].includes(used.name))) continue;
      const candidates = used.kinds.flatMap((kind) => keys[kind]);
      const near = closestNames(used.name, candidates);
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => showValue(n)).join(" or ")}?` : "";
      const declared = candidates.length === 0 ? "it declares none" : `declared: ${candidates.join(", ")}`;
      problems.push(
        `${component}: field ${at}.${used.field}: ${showValue(used.name)} is not ${nounOf(used.kinds)} of blueprint "${name}" (${declared}).${hint} Fix the name, or declare it on the blueprint.`,
      );
    }
  }
  return problems;
}
