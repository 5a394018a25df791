import { Code, code } from "./literal";
import { NamePool, camelCase } from "./names";

/**
 * What an export declares, area by area: one file per area, each a function that declares its
 * components and returns them for the areas after it to refer to. The order is the order of
 * declaration, so a reference always points at something declared before it.
 */
export const AREAS = ["blueprints", "people", "actions", "scorecards", "pages", "ingestion", "entities", "permissions"] as const;
export type Area = (typeof AREAS)[number];

export interface Declaration {
  area: Area;
  /** The component class imported from @port-portal/pulumi, e.g. "Blueprint". */
  component: string;
  /** Pulumi's resource name. */
  name: string;
  /** The variable it is kept in; the area returns it. */
  variable: string;
  /** The args: JSON values, with `Code` where another declaration is referred to. */
  args: unknown;
  /** A comment above the declaration, when something about it needs saying. */
  comment?: string;
}

export interface Declare {
  area: Area;
  component: string;
  /** How references find it, e.g. "blueprint:service". */
  key: string;
  /** Pulumi's resource name and the variable's base, e.g. the identifier. */
  name: string;
  args: unknown;
  comment?: string;
}

export class ExportPlan {
  readonly declarations: Declaration[] = [];
  /** Which earlier areas each area refers to (its function's parameters). */
  readonly uses = new Map<Area, Set<Area>>();
  /** Objects the export read but could not write as code, each with why: reported, and listed in index.ts. */
  readonly leftOut: string[] = [];
  private readonly byKey = new Map<string, Declaration>();
  private readonly variables = new NamePool();
  private readonly resourceNames = new Map<string, NamePool>();
  private readonly referenced = new Set<string>();

  add(d: Declare): Declaration {
    const names = this.resourceNames.get(d.component) ?? new NamePool();
    this.resourceNames.set(d.component, names);
    const declaration: Declaration = {
      area: d.area,
      component: d.component,
      name: names.take(d.name),
      variable: this.variables.take(camelCase(d.name)),
      args: d.args,
      comment: d.comment,
    };
    this.declarations.push(declaration);
    this.byKey.set(d.key, declaration);
    return declaration;
  }

  /** Whether something is declared under `key` (e.g. "blueprint:service"). */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /**
   * The code that refers to what is declared under `key`, from `from`: its variable in its own area,
   * `<area>.<variable>` in a later one. Undefined when the export does not declare it.
   */
  ref(key: string, from: Area): Code | undefined {
    this.referenced.add(key);
    const target = this.byKey.get(key);
    if (!target) return undefined;
    if (target.area === from) return code(target.variable);
    if (AREAS.indexOf(target.area) > AREAS.indexOf(from)) throw new Error(`${from} cannot refer to ${key}, declared later in ${target.area}`);
    const uses = this.uses.get(from) ?? new Set<Area>();
    uses.add(target.area);
    this.uses.set(from, uses);
    return code(`${target.area}.${target.variable}`);
  }

  /**
   * What the declarations name but the export does not declare (its kinds or blueprints were left
   * out), by kind ("blueprint", "action", "team", "user"), for the Portal to take as managed
   * elsewhere. Port's own blueprints (`_team`...) need no saying.
   */
  undeclared(kind: string): string[] {
    return [...this.referenced]
      .filter((key) => key.startsWith(`${kind}:`) && !this.byKey.has(key))
      .map((key) => key.slice(kind.length + 1))
      .filter((id) => !(kind === "blueprint" && id.startsWith("_")))
      .sort();
  }

  /** The earlier areas `area` refers to, in declaration order (its function's parameters). */
  usedBy(area: Area): Area[] {
    return AREAS.filter((a) => this.uses.get(area)?.has(a));
  }

  inArea(area: Area): Declaration[] {
    return this.declarations.filter((d) => d.area === area);
  }
}

/** What to export: all kinds and blueprints unless limited. */
export interface ExportScope {
  /** Kinds to export (e.g. "blueprints", "scorecards"); all when absent. */
  kinds?: Set<string>;
  /** Blueprints to export, with what hangs off them (scorecards, actions on them); all when absent. */
  blueprints?: Set<string>;
}

/** One kind's export: reads the snapshot and adds its declarations to the plan, in order. */
export type KindExporter = (org: import("./snapshot").OrgSnapshot, plan: ExportPlan, scope: ExportScope) => void;

/** `args` without the maps among `keys` that hold nothing: Port answers `{}` for none, and leaving them out keeps Port's. */
export function withoutEmptyMaps(args: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([k, v]) => !(keys.includes(k) && v && typeof v === "object" && Object.keys(v).length === 0)));
}

/** Port's document as component args: only the keys the component takes, with Port's bookkeeping dropped. */
export function pickKeys(doc: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
}
