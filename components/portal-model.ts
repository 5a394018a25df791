import { closestNames } from "./closest-names";
import { PortalValidationError } from "./portal-error";

/**
 * The portal as declared by the program: every component registers what it declares and what it
 * refers to, and `check()` resolves the references once the whole program has been declared,
 * reporting every problem at once, before any call to Port.
 */
export interface BlueprintReference {
  /** The component that refers, e.g. `Blueprint "service"`. */
  from: string;
  /** The field path within that component, e.g. `relations.team.target`. */
  field: string;
  /** The blueprint identifier referred to. */
  identifier: string;
}

/** Port's own blueprints, which every org has. */
export const SYSTEM_BLUEPRINTS = ["_user", "_team", "_rule", "_scorecard", "_rule_result"];

export interface PortalCheckOptions {
  /** Blueprints that exist in the target Port org but are managed elsewhere (not in this stack). */
  existingBlueprints?: string[];
}

export interface PortalModelOptions extends PortalCheckOptions {
  /** Prepended to every identifier the stack declares (environments sharing one Port org). */
  identifierPrefix?: string;
  /** Appended to every identifier the stack declares. */
  identifierSuffix?: string;
}

export class PortalModel {
  constructor(private readonly options: PortalModelOptions = {}) {}

  private readonly blueprints = new Map<string, string>();
  private readonly references: BlueprintReference[] = [];
  private readonly problems: string[] = [];
  private checked = false;
  private fallbackScheduled = false;

  /**
   * Records problems a component found in its own input. The component registers nothing in
   * that case, so the program must fail: `check()` reports them with everything else, and if the
   * program never calls it, they are thrown once the synchronous part of the program is done.
   */
  reportProblems(problems: string[]): void {
    this.problems.push(...problems);
    this.checkLaterUnlessChecked();
  }

  private readonly secondSteps: (() => void)[] = [];
  private readonly blueprintResources = new Map<string, unknown>();

  /**
   * Work that must wait until every blueprint is declared (the second step of blueprints that
   * refer to each other). It runs in `check()` once nothing is wrong, or, if the program never
   * calls `check()`, once its synchronous part is done.
   */
  afterDeclarations(step: () => void): void {
    this.secondSteps.push(step);
    this.checkLaterUnlessChecked();
  }

  /** The resource that creates a declared blueprint, for the second steps' dependencies. */
  setBlueprintResource(identifier: string, resource: unknown): void {
    this.blueprintResources.set(identifier, resource);
  }

  blueprintResource(identifier: string): unknown {
    return this.blueprintResources.get(identifier);
  }

  private checkLaterUnlessChecked(): void {
    if (this.fallbackScheduled) return;
    this.fallbackScheduled = true;
    setImmediate(() => {
      if (!this.checked) this.check();
    });
  }

  declareBlueprint(identifier: string, component: string): void {
    const previous = this.blueprints.get(identifier);
    if (previous) {
      this.problems.push(`${component}: field identifier: "${identifier}" is already declared by ${previous}. Give each blueprint its own identifier.`);
    } else {
      this.blueprints.set(identifier, component);
    }
  }

  referBlueprint(reference: BlueprintReference): void {
    this.references.push(reference);
  }

  declaredBlueprints(): string[] {
    return [...this.blueprints.keys()];
  }

  /** Scorecards by `<blueprint>/<identifier>`: Port allows one scorecard per identifier on a blueprint. */
  private readonly scorecards = new Map<string, string>();

  declareScorecard(blueprint: string, identifier: string, component: string): void {
    const key = `${blueprint}/${identifier}`;
    const previous = this.scorecards.get(key);
    if (previous) {
      this.problems.push(
        `${component}: field identifier: "${identifier}" is already a scorecard of blueprint "${blueprint}", declared by ${previous}. Give each scorecard of a blueprint its own identifier.`,
      );
    } else {
      this.scorecards.set(key, component);
    }
  }

  /** Webhooks, seed entities and integration mappings, by what Port keys them on: one component each. */
  private readonly ingestion = new Map<string, string>();

  private declareIngestion(key: string, component: string, clash: (previous: string) => string): void {
    const previous = this.ingestion.get(key);
    if (previous) this.problems.push(`${component}: ${clash(previous)}`);
    else this.ingestion.set(key, component);
  }

  declareWebhook(identifier: string, component: string): void {
    this.declareIngestion(`webhook:${identifier}`, component, (previous) =>
      `field identifier: "${identifier}" is already the identifier of a webhook declared by ${previous}. Give each webhook its own identifier.`,
    );
  }

  declareEntity(blueprint: string, identifier: string, component: string): void {
    this.declareIngestion(`entity:${blueprint}/${identifier}`, component, (previous) =>
      `field identifier: "${identifier}" is already an entity of blueprint "${blueprint}", declared by ${previous}. Give each entity of a blueprint its own identifier.`,
    );
  }

  declareIntegrationMapping(installationId: string, component: string): void {
    this.declareIngestion(`integration:${installationId}`, component, (previous) =>
      `field installationId: the mapping of installation "${installationId}" is already managed by ${previous}. Declare one mapping per installation, with all its resources.`,
    );
  }

  /**
   * The identifier Port gets for one the code declares or refers to: with the stack's prefix and
   * suffix, so environments sharing an org never collide. Port's system blueprints and blueprints
   * managed outside the stack keep their names.
   */
  qualify(identifier: string): string {
    if (!this.isDeclaredHere(identifier)) return identifier;
    return `${this.options.identifierPrefix ?? ""}${identifier}${this.options.identifierSuffix ?? ""}`;
  }

  /** False for Port's system blueprints and blueprints managed outside this stack. */
  isDeclaredHere(identifier: string): boolean {
    return !identifier.startsWith("_") && !(this.options.existingBlueprints ?? []).includes(identifier);
  }

  /** Throws a PortalValidationError listing every unresolved reference; otherwise runs the second steps. */
  check(options: PortalCheckOptions = {}): void {
    this.checked = true;
    const existing = [...(this.options.existingBlueprints ?? []), ...(options.existingBlueprints ?? [])];
    const known = new Set([...this.blueprints.keys(), ...SYSTEM_BLUEPRINTS, ...existing]);
    const problems = [...this.problems];
    for (const ref of this.references) {
      if (known.has(ref.identifier)) continue;
      const near = closestNames(ref.identifier, this.blueprints.keys());
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
      problems.push(
        `${ref.from}: field ${ref.field}: blueprint "${ref.identifier}" is not declared in this stack.${hint} ` +
          `Fix the identifier, declare the blueprint, or list it in existingBlueprints if it is managed outside this stack.`,
      );
    }
    if (problems.length > 0) throw new PortalValidationError(problems);
    for (const step of this.secondSteps.splice(0)) step();
  }
}

let current = new PortalModel();

/** The model the components of this program register into. */
export function currentPortalModel(): PortalModel {
  return current;
}

/** Starts a fresh model: one per portal definition (and per test). */
export function startPortalModel(options: PortalModelOptions = {}): PortalModel {
  current = new PortalModel(options);
  return current;
}
