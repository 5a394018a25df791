import { AsyncLocalStorage } from "async_hooks";
import * as pulumi from "@pulumi/pulumi";
import { silenceLateHandledRejectionWarnings } from "./late-rejection";
import { PortalValidationError } from "./portal-error";
import { OrgLookup, PortalCheckOptions, PortalModel } from "./portal-model";

export interface PortalOptions extends PortalCheckOptions {
  /** Prepended to every identifier the stack declares (environments sharing one Port org). */
  identifierPrefix?: string;
  /** Appended to every identifier the stack declares. */
  identifierSuffix?: string;
  /** Read-only questions to the target org about references the stack does not declare. */
  lookup?: OrgLookup;
}

/** The portal whose `declare()` is running, followed through awaits by Node's async context. */
const declaring = new AsyncLocalStorage<Portal>();

/**
 * The portal a program declares: an explicit scope that every component declared inside
 * `declare()` registers in, whenever it is declared (after an `await` too). Once the declarations
 * are done, the whole portal is checked; until the check passes, no resource of the portal is
 * registered with Pulumi's engine, so nothing reaches Port from a portal with problems.
 *
 * ```ts
 * const portal = new Portal({ identifierPrefix: "stg_" });
 * await portal.declare(async () => {
 *   const service = new Blueprint("service", { identifier: "service", title: "Service" });
 *   new Scorecard("readiness", { blueprint: service, ... });
 * });
 * ```
 */
export class Portal {
  readonly model: PortalModel;
  private phase: "new" | "declaring" | "checked" | "failed" = "new";
  /** Resolves once the check has passed; never resolves when it fails (the program fails instead). */
  private readonly checked: Promise<void>;
  private passCheck!: () => void;
  /** Work Pulumi started for the portal's resources (provider serialization), settled before a failed declare() rejects. */
  private readonly started: Promise<unknown>[] = [];

  constructor(private readonly options: PortalOptions = {}) {
    this.model = new PortalModel(options);
    this.checked = new Promise((resolve) => (this.passCheck = resolve));
  }

  /**
   * Runs the declarations in this portal, then checks the whole portal (asking the org about
   * references it does not declare, when a lookup is given) and adds the second steps. Rejects
   * with every problem at once. Do not await resource outputs inside: they resolve only after the check.
   */
  async declare<T>(declarations: () => T | Promise<T>): Promise<T> {
    if (this.phase !== "new") throw new Error("A portal is declared once: put every component in one `declare()` call.");
    this.phase = "declaring";
    silenceLateHandledRejectionWarnings();
    return declaring.run(this, async () => {
      try {
        const result = await declarations();
        await this.model.checkAgainstOrg(this.options.lookup);
        this.phase = "checked";
        this.passCheck();
        return result;
      } catch (error) {
        this.phase = "failed";
        await Promise.allSettled(this.started);
        throw error;
      }
    });
  }

  /**
   * The identifier Port gets for one the stack declares: with the stack's prefix and suffix, so
   * environments sharing an org never collide. The only place they are applied.
   */
  qualify(identifier: string): string {
    return `${this.options.identifierPrefix ?? ""}${identifier}${this.options.identifierSuffix ?? ""}`;
  }

  /**
   * A blueprint named by plain identifier, as Port knows it: qualified when this stack declares
   * it, as written otherwise (Port's system blueprints, blueprints managed elsewhere). Which one
   * is known once every component is declared, so with a prefix or suffix this is an Output.
   */
  blueprintIdentifier(identifier: string): pulumi.Input<string> {
    if (this.qualify(identifier) === identifier) return identifier;
    return this.afterDeclarations(() => this.declaredBlueprintIdentifier(identifier));
  }

  /** A value computed once every component is declared and the check has passed (e.g. keys named by blueprint identifiers). */
  afterDeclarations<T>(value: () => T): pulumi.Output<T> {
    return pulumi.output(this.checked.then(value)) as pulumi.Output<T>;
  }

  /** {@link blueprintIdentifier} once every component is declared (in the check and after it). */
  declaredBlueprintIdentifier(identifier: string): string {
    return this.model.declaresBlueprint(identifier) ? this.qualify(identifier) : identifier;
  }

  /** Whether components may still be declared in this portal (its `declare()` is running and not checked yet). */
  get isDeclaring(): boolean {
    return this.phase === "declaring";
  }

  /** Records work started for a resource of this portal, so a failed declare() settles it first. */
  settles(work: Promise<unknown>): void {
    this.started.push(work);
  }

  /** Options for a resource of this portal: it is registered once the portal check has passed. */
  gated(opts: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    const dependsOn = opts.dependsOn;
    return { ...opts, dependsOn: this.checked.then(() => (dependsOn === undefined ? [] : dependsOn)) as pulumi.Input<pulumi.Input<pulumi.Resource>[]> };
  }
}

/** The portal a component is declared in; fails, naming the component and the fix, outside one. */
export function portalOf(component: string): Portal {
  const portal = declaring.getStore();
  if (!portal) {
    throw new PortalValidationError([
      `${component}: declared outside a portal. Declare components inside \`await portal.declare(() => { ... })\` of a \`new Portal({ ... })\`, so the whole portal is checked before anything reaches Port.`,
    ]);
  }
  if (!portal.isDeclaring) {
    throw new PortalValidationError([
      `${component}: declared after its portal's declare() had finished, so it could not be checked. Await every step that declares components inside portal.declare().`,
    ]);
  }
  return portal;
}
