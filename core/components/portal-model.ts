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

/** Read-only questions to the target Port org, for references the stack does not declare. */
export interface OrgLookup {
  blueprintExists(identifier: string): Promise<boolean>;
}

/**
 * Objects managed outside the stack, listed by name for the whole portal: a shortcut kept for
 * stack config (`port-portal:existingBlueprints`); in code, prefer naming each at its reference
 * with `Blueprint.existing(...)`, `Action.existing(...)`, `Team.existing(...)`, `User.existing(...)`.
 */
export interface PortalCheckOptions {
  /** Blueprints that exist in the target Port org but are managed elsewhere (not in this stack). */
  existingBlueprints?: string[];
  /** Actions that exist in the target Port org but are managed elsewhere (automations may watch their runs). */
  existingActions?: string[];
  /** Teams (by name) that exist in the Port org but are managed elsewhere (SSO, Port's UI); permissions and users may name them. */
  existingTeams?: string[];
  /** Users (by email) that exist in the Port org but are managed elsewhere; permissions and teams may name them. */
  existingUsers?: string[];
}

/**
 * Identifiers in the model are the code's own (no prefix or suffix): the Portal applies those
 * when it builds what goes to Port (see portal.ts).
 */
export class PortalModel {
  constructor(private readonly options: PortalCheckOptions = {}) {}

  private readonly blueprints = new Map<string, string>();
  private readonly references: BlueprintReference[] = [];
  private readonly problems: string[] = [];

  /** Records problems a component found in its own input: `check()` reports them with everything else. */
  reportProblems(problems: string[]): void {
    this.problems.push(...problems);
  }

  private readonly secondSteps: (() => void)[] = [];
  private readonly blueprintResources = new Map<string, unknown>();
  private readonly blueprintComponents = new Map<string, unknown>();
  private readonly deferredChecks: (() => string[])[] = [];

  /**
   * A check that needs the whole portal (e.g. a scorecard rule's property on a blueprint declared
   * later): it runs in `check()`, and its problems are reported with all the others.
   */
  addCheck(check: () => string[]): void {
    this.deferredChecks.push(check);
  }

  /** The Blueprint component declaring an identifier (typed as unknown: this module sits below the components). */
  setBlueprintComponent(identifier: string, component: unknown): void {
    this.blueprintComponents.set(identifier, component);
  }

  blueprintComponent(identifier: string): unknown {
    return this.blueprintComponents.get(identifier);
  }

  /**
   * Work that must wait until every blueprint is declared (the second step of blueprints that
   * refer to each other). It runs in `check()` once nothing is wrong.
   */
  afterDeclarations(step: () => void): void {
    this.secondSteps.push(step);
  }

  /** The resource that creates a declared blueprint, for the second steps' dependencies. */
  setBlueprintResource(identifier: string, resource: unknown): void {
    this.blueprintResources.set(identifier, resource);
  }

  blueprintResource(identifier: string): unknown {
    return this.blueprintResources.get(identifier);
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

  /** Pages (dashboards, the home page, entity pages) and sidebar folders, by identifier: one component each. */
  private readonly pages = new Map<string, string>();
  private readonly folders = new Map<string, string>();

  /** A page the code creates or adopts; two components managing one page would undo each other. */
  declarePage(identifier: string, component: string): void {
    const previous = this.pages.get(identifier);
    if (previous) {
      this.problems.push(`${component}: field identifier: page "${identifier}" is already managed by ${previous}. Manage each page from one Dashboard.`);
    } else {
      this.pages.set(identifier, component);
    }
  }

  declareFolder(identifier: string, component: string): void {
    const previous = this.folders.get(identifier);
    if (previous) {
      this.problems.push(`${component}: field identifier: "${identifier}" is already declared by ${previous}. Give each folder its own identifier.`);
    } else {
      this.folders.set(identifier, component);
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
    this.declareIngestion(
      `webhook:${identifier}`,
      component,
      (previous) => `field identifier: "${identifier}" is already the identifier of a webhook declared by ${previous}. Give each webhook its own identifier.`,
    );
  }

  declareEntity(blueprint: string, identifier: string, component: string): void {
    this.declareIngestion(
      `entity:${blueprint}/${identifier}`,
      component,
      (previous) =>
        `field identifier: "${identifier}" is already an entity of blueprint "${blueprint}", declared by ${previous}. Give each entity of a blueprint its own identifier.`,
    );
  }

  declareIntegrationMapping(installationId: string, component: string): void {
    this.declareIngestion(
      `integration:${installationId}`,
      component,
      (previous) =>
        `field installationId: the mapping of installation "${installationId}" is already managed by ${previous}. Declare one mapping per installation, with all its resources.`,
    );
  }

  /** Actions and automations by identifier: Port keeps both in one namespace (`/v1/actions`). */
  private readonly actions = new Map<string, string>();
  private readonly actionReferences: BlueprintReference[] = [];

  declareAction(identifier: string, component: string): void {
    const previous = this.actions.get(identifier);
    if (previous) {
      this.problems.push(
        `${component}: field identifier: "${identifier}" is already declared by ${previous}; actions and automations share one namespace in Port. Give each its own identifier.`,
      );
    } else {
      this.actions.set(identifier, component);
    }
  }

  /** A reference to an action by plain identifier (an automation watching its runs); `identifier` in the reference is the action's. */
  referAction(reference: BlueprintReference): void {
    this.actionReferences.push(reference);
  }

  private unresolvedActionReferences(existing: string[]): string[] {
    return this.actionReferences
      .filter((ref) => !this.actions.has(ref.identifier) && !existing.includes(ref.identifier))
      .map((ref) => {
        const near = closestNames(ref.identifier, this.actions.keys());
        const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
        return (
          `${ref.from}: field ${ref.field}: action "${ref.identifier}" is not declared in this stack.${hint} ` +
          `Pass the Action object, fix the identifier, or, if it is managed outside this stack, name it with Action.existing(...) or list it in existingActions.`
        );
      });
  }

  /** Teams by name, users by email, permission scopes by parent: one component each. */
  private readonly teams = new Map<string, string>();
  private readonly users = new Map<string, string>();
  private readonly permissionScopes = new Map<string, string>();
  /** References to teams, users and roles, by kind; `identifier` is the name, email or role. */
  private readonly peopleReferences: (BlueprintReference & { kind: "team" | "user" | "role" })[] = [];

  declareTeam(name: string, component: string): void {
    const previous = this.teams.get(name);
    if (previous) this.problems.push(`${component}: field name: team "${name}" is already declared by ${previous}. Declare each team once.`);
    else this.teams.set(name, component);
  }

  declareUser(email: string, component: string): void {
    const previous = this.users.get(email);
    if (previous) this.problems.push(`${component}: field email: user "${email}" is already declared by ${previous}. Declare each user once.`);
    else this.users.set(email, component);
  }

  /** A blueprint's or action's permissions (`scope` e.g. `blueprint "service"`): two components managing one would undo each other. */
  declarePermissionScope(scope: string, component: string): void {
    const previous = this.permissionScopes.get(scope);
    if (previous) this.problems.push(`${component}: the permissions of ${scope} are already managed by ${previous}. Declare them in one place.`);
    else this.permissionScopes.set(scope, component);
  }

  /** A team, user or role named by plain value; checked in `check()` against what is declared or existing. */
  referPeople(kind: "team" | "user" | "role", reference: BlueprintReference): void {
    this.peopleReferences.push({ ...reference, kind });
  }

  private unresolvedPeopleReferences(options: PortalCheckOptions, knownBlueprints: Set<string>): string[] {
    const teams = [...this.teams.keys(), ...(this.options.existingTeams ?? []), ...(options.existingTeams ?? [])];
    const users = [...this.users.keys(), ...(this.options.existingUsers ?? []), ...(options.existingUsers ?? [])];
    const hint = (wanted: string, known: Iterable<string>) => {
      const near = closestNames(wanted, known);
      return near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
    };
    const problems: string[] = [];
    for (const ref of this.peopleReferences) {
      const where = `${ref.from}: field ${ref.field}:`;
      if (ref.kind === "team" && !teams.includes(ref.identifier)) {
        problems.push(
          `${where} team "${ref.identifier}" is not declared in this stack.${hint(ref.identifier, teams)} Declare the team, fix the name, or, if it is managed outside this stack, name it with Team.existing(...) or list it in existingTeams.`,
        );
      } else if (ref.kind === "user" && !users.includes(ref.identifier)) {
        problems.push(
          `${where} user "${ref.identifier}" is not declared in this stack.${hint(ref.identifier, users)} Declare the user, fix the email, or, if it is managed outside this stack, name it with User.existing(...) or list it in existingUsers.`,
        );
      } else if (ref.kind === "role" && ref.identifier.endsWith("-moderator")) {
        const blueprint = ref.identifier.slice(0, -"-moderator".length);
        if (knownBlueprints.has(blueprint)) continue;
        problems.push(
          `${where} role "${ref.identifier}" moderates blueprint "${blueprint}", which is not declared in this stack.${hint(blueprint, this.blueprints.keys())} ` +
            `Fix the role, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.`,
        );
      }
    }
    return problems;
  }

  /** Port's system blueprints and those listed in existingBlueprints: known to be managed outside the stack. */
  listedAsExisting(identifier: string): boolean {
    return identifier.startsWith("_") || (this.options.existingBlueprints ?? []).includes(identifier);
  }

  /** Whether the stack declares a blueprint (by the code's identifier). */
  declaresBlueprint(identifier: string): boolean {
    return this.blueprints.has(identifier);
  }

  private readonly foundInOrg = new Set<string>();
  private lookedUp = false;

  /**
   * `check()`, after asking the target org (read-only) about the blueprints that references name
   * but the stack does not declare: those that exist there resolve, the others are reported.
   */
  async checkAgainstOrg(lookup: OrgLookup | undefined, options: PortalCheckOptions = {}): Promise<void> {
    if (lookup) {
      this.lookedUp = true;
      const known = new Set([...this.blueprints.keys(), ...SYSTEM_BLUEPRINTS, ...(this.options.existingBlueprints ?? []), ...(options.existingBlueprints ?? [])]);
      const unknown = [...new Set(this.references.map((r) => r.identifier).filter((id) => !known.has(id)))];
      for (const identifier of unknown) if (await lookup.blueprintExists(identifier)) this.foundInOrg.add(identifier);
    }
    this.check(options);
  }

  /** Throws a PortalValidationError listing every unresolved reference; otherwise runs the second steps. */
  check(options: PortalCheckOptions = {}): void {
    const existing = [...(this.options.existingBlueprints ?? []), ...(options.existingBlueprints ?? []), ...this.foundInOrg];
    const known = new Set([...this.blueprints.keys(), ...SYSTEM_BLUEPRINTS, ...existing]);
    const problems = [...this.problems];
    const where = this.lookedUp ? "is not declared in this stack, nor found in the Port org" : "is not declared in this stack";
    for (const ref of this.references) {
      if (known.has(ref.identifier)) continue;
      const near = closestNames(ref.identifier, this.blueprints.keys());
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
      problems.push(
        `${ref.from}: field ${ref.field}: blueprint "${ref.identifier}" ${where}.${hint} ` +
          `Fix the identifier, declare the blueprint, or, if it is managed outside this stack, name it with Blueprint.existing(...) or list it in existingBlueprints.`,
      );
    }
    problems.push(...this.unresolvedActionReferences([...(this.options.existingActions ?? []), ...(options.existingActions ?? [])]));
    problems.push(...this.unresolvedPeopleReferences(options, known));
    for (const deferred of this.deferredChecks) problems.push(...deferred());
    if (problems.length > 0) throw new PortalValidationError(problems);
    for (const step of this.secondSteps.splice(0)) step();
  }
}
