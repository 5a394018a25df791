import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { BlueprintOwnership } from "../blueprint/schema";
import { moderatorRole, type PortRole } from "../user/schema";
import { validateSpec } from "../../core/schemas/problems";
import { ActionPermissions, type ActionPermissionsArgs } from "../permissions/action-component";
import { BlueprintPermissions, type BlueprintPermissionsArgs } from "../permissions/blueprint-component";
import { PagePermissions, type PagePermissionsArgs } from "../page-permissions/component";
import { identifierValue, isKnownIdentifier, withPeopleValues, type IdentifiedComponent } from "../user/refs";
import { isPlain } from "../../core/components/plain-input";
import { PortComponent, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";
import { Blueprint } from "../blueprint/component";
import { PLACEHOLDER_IDENTIFIER } from "../../core/components/references";
import { Team } from "../team/component";
import { User } from "../user/component";

/** A team of the plan: what it is for and who is in it. */
export interface PlanTeam {
  description?: pulumi.Input<string>;
  /** Emails of its members; each must be one of the plan's `users`. */
  members?: string[];
}

/** A user of the plan: their roles (team membership comes from `teams`, moderation from `moderators`). */
export interface PlanUser {
  /** `Admin` or `Member` (and moderator roles, though `moderators` says it more plainly). Default `["Member"]`. */
  roles?: PortRole[];
}

/** Who moderates a blueprint: each user gets the blueprint's `<blueprint>-moderator` role. */
export interface PlanModerators {
  blueprint: IdentifiedComponent | string;
  /** Emails; each must be one of the plan's `users`. */
  users: string[];
}

/**
 * The plan's roles and teams, in one place: who is in which team, who has which role, who
 * moderates which blueprint, who owns which blueprint's entities, and who may do what on
 * blueprints, actions and pages. Teams and users are named by name and email throughout;
 * the ones declared here become the `Team` and `User` objects the permissions depend on.
 */
export interface TeamRolesArgs {
  /** The plan's teams, by name. */
  teams?: Record<string, PlanTeam>;
  /** The plan's users, by email. */
  users?: Record<string, PlanUser>;
  /** Who moderates which blueprint. */
  moderators?: PlanModerators[];
  /**
   * Ownership decisions, by blueprint identifier: `{type: "Direct"}` (entities carry their owning
   * teams) or `{type: "Inherited", path}` (owners come along a relation path). Pass the same value
   * as the Blueprint's `ownership`; here it is reviewed with the permissions, and `ownedByTeam` on
   * a blueprint with no ownership decision is refused.
   */
  ownership?: Record<string, z.input<typeof BlueprintOwnership>>;
  /** Permissions on blueprints' entities. */
  blueprintPermissions?: BlueprintPermissionsArgs[];
  /** Who may execute and approve actions. */
  actionPermissions?: ActionPermissionsArgs[];
  /** Who may read and update pages (dashboards). */
  pagePermissions?: PagePermissionsArgs[];
}

/**
 * Turns the plan's teams and roles into Port objects, with one readable summary of who can do
 * what (`access`): `Team`s, `User` invitations (roles, teams, moderator roles), and
 * `BlueprintPermissions`, `ActionPermissions` and `PagePermissions`.
 */
export class TeamRoles extends PortComponent {
  readonly teams: Record<string, Team> = {};
  readonly users: Record<string, User> = {};
  readonly blueprintPermissions: BlueprintPermissions[] = [];
  readonly actionPermissions: ActionPermissions[] = [];
  readonly pagePermissions: PagePermissions[] = [];
  /** Who can do what, as declared (names, emails, roles and identifiers known at preview). */
  readonly access: Record<string, unknown>;

  constructor(name: string, args: TeamRolesArgs, opts?: PortComponentOptions) {
    super("TeamRoles", name, opts);
    const component = this.component;
    const portal = this.portal;
    this.access = accessSummary(args, portal);

    for (const blueprint of Object.keys(args.ownership ?? {})) {
      this.model.referBlueprint({ from: component, field: `ownership.${blueprint}`, identifier: blueprint });
    }
    const problems = planProblems(component, name, args, portal);
    if (problems.length > 0) {
      // A plan with problems declares no children: the portal check fails the run with these problems.
      this.report(problems);
      this.registerOutputs({ access: this.access });
      return;
    }

    const child = { parent: this };
    for (const [teamName, team] of Object.entries(args.teams ?? {})) {
      this.teams[teamName] = new Team(`${name}-team-${teamName}`, { name: teamName, description: team.description }, child);
    }
    for (const [email, user] of Object.entries(args.users ?? {})) {
      const teams = Object.entries(args.teams ?? {})
        .filter(([, team]) => (team.members ?? []).includes(email))
        .map(([teamName]) => this.teams[teamName]);
      const moderates = (args.moderators ?? []).filter((m) => m.users.includes(email)).map((m) => m.blueprint);
      this.users[email] = new User(`${name}-user-${email}`, { email, roles: user.roles, teams, moderates }, child);
    }

    const people = (value: unknown) => withPlanPeople(value, this.teams, this.users);
    (args.blueprintPermissions ?? []).forEach((permissions, index) => {
      const childName = `${name}-blueprint-${scopeName(permissions.blueprint, portal, index, true)}`;
      this.blueprintPermissions.push(new BlueprintPermissions(childName, people(permissions) as BlueprintPermissionsArgs, child));
    });
    (args.actionPermissions ?? []).forEach((permissions, index) => {
      const childName = `${name}-action-${scopeName(permissions.action, portal, index)}`;
      this.actionPermissions.push(new ActionPermissions(childName, people(permissions) as ActionPermissionsArgs, child));
    });
    (args.pagePermissions ?? []).forEach((permissions, index) => {
      const childName = `${name}-page-${scopeName(permissions.page, portal, index)}`;
      this.pagePermissions.push(new PagePermissions(childName, people(permissions) as PagePermissionsArgs, child));
    });
    this.registerOutputs({ access: this.access });
  }
}

/** Team names and emails of the plan's own teams and users replaced by those objects, in every `teams`/`users` list. */
function withPlanPeople(value: unknown, teams: Record<string, Team>, users: Record<string, User>): unknown {
  if (Array.isArray(value)) return value.map((item) => withPlanPeople(item, teams, users));
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value) || pulumi.Output.isInstance(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "teams" && Array.isArray(item)) out[key] = item.map((ref) => (typeof ref === "string" && teams[ref] ? teams[ref] : ref));
    else if (key === "users" && Array.isArray(item)) out[key] = item.map((ref) => (typeof ref === "string" && users[ref] ? users[ref] : ref));
    else out[key] = withPlanPeople(item, teams, users);
  }
  return out;
}

/**
 * The identifier of a permission scope's parent as known at preview, for child names and the
 * access summary: blueprints (a `Blueprint` or a plain identifier of one) with the stack's prefix
 * and suffix, as these names were before references were resolved at the check, so existing
 * stacks keep their URNs; plain action and page identifiers are used as written.
 */
function targetName(ref: unknown, portal: Portal, blueprint: boolean): unknown {
  if (ref instanceof Blueprint) return ref.declaredIdentifier === undefined ? PLACEHOLDER_IDENTIFIER : portal.qualify(ref.declaredIdentifier);
  if (typeof ref === "string") return blueprint && !ref.startsWith("_") ? portal.qualify(ref) : ref;
  return identifierValue(ref, portal, "declared");
}

/** A readable child name for a scope: its identifier when known, else its position. */
function scopeName(ref: unknown, portal: Portal, index: number, blueprint = false): string {
  const identifier = targetName(ref, portal, blueprint);
  return isKnownIdentifier(identifier) ? identifier : String(index);
}

/** Problems only the plan as a whole can see: members and moderators who are not users of the plan, ownership, ownedByTeam without owners. */
function planProblems(component: string, name: string, args: TeamRolesArgs, portal: Portal): string[] {
  const problems: string[] = [];
  const users = Object.keys(args.users ?? {});
  const notAUser = (field: string, email: string) =>
    `${component}: field ${field}: "${email}" is not one of the plan's users (${users.length === 0 ? "none declared" : users.join(", ")}). Add it to users with its roles, or fix the email.`;
  for (const [teamName, team] of Object.entries(args.teams ?? {})) {
    (team.members ?? []).forEach((email, index) => {
      if (!users.includes(email)) problems.push(notAUser(`teams.${teamName}.members[${index}]`, email));
    });
  }
  (args.moderators ?? []).forEach((moderators, index) => {
    moderators.users.forEach((email, at) => {
      if (!users.includes(email)) problems.push(notAUser(`moderators[${index}].users[${at}]`, email));
    });
  });
  if (args.ownership !== undefined) {
    const result = validateSpec(z.object({ ownership: z.record(z.string(), BlueprintOwnership) }), "TeamRoles", name, { ownership: args.ownership });
    if (!result.ok) problems.push(...result.problems.map((p) => p.message));
    const owned = new Set(Object.keys(args.ownership));
    (args.blueprintPermissions ?? []).forEach((permissions, index) => {
      const blueprint = identifierValue(permissions.blueprint, portal, "declared");
      if (typeof blueprint !== "string" || owned.has(blueprint)) return;
      for (const field of ownedByTeamFields(permissions.entities)) {
        problems.push(
          `${component}: field blueprintPermissions[${index}].entities.${field}: ownedByTeam grants the entity's owning teams, but blueprint "${blueprint}" has no ownership decision. ` +
            `Add it to ownership (and set the same ownership on the Blueprint), or remove ownedByTeam.`,
        );
      }
    });
  }
  return problems;
}

/** Fields (relative to `entities`) of the blocks that set `ownedByTeam: true`. */
function ownedByTeamFields(entities: unknown): string[] {
  const fields: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== "object" || pulumi.Output.isInstance(value)) return;
    const record = value as Record<string, unknown>;
    if (record.ownedByTeam === true) fields.push(`${path}.ownedByTeam`);
    for (const [key, item] of Object.entries(record)) if (key !== "ownedByTeam") walk(item, path === "" ? key : `${path}.${key}`);
  };
  walk(entities, "");
  return fields.map((field) => field.replace(/^\./, ""));
}

/** Who can do what, as plain data for reviewers; values not known at preview show as "(known after apply)". */
function accessSummary(args: TeamRolesArgs, portal: Portal): Record<string, unknown> {
  const known = (value: unknown) => (isPlain(value) ? value : "(known after apply)");
  const moderatorRoles = (email: string) =>
    (args.moderators ?? [])
      .filter((m) => m.users.includes(email))
      .map((m) => targetName(m.blueprint, portal, true))
      .map((blueprint) => moderatorRole(String(blueprint)));
  const teams = Object.fromEntries(Object.entries(args.teams ?? {}).map(([teamName, team]) => [teamName, [...(team.members ?? [])].sort()]));
  const users = Object.fromEntries(
    Object.entries(args.users ?? {}).map(([email, user]) => [
      email,
      {
        roles: [...(user.roles ?? ["Member"]), ...moderatorRoles(email)],
        teams: Object.keys(args.teams ?? {}).filter((teamName) => (args.teams![teamName].members ?? []).includes(email)),
      },
    ]),
  );
  const scoped = (list: { [key: string]: unknown }[] | undefined, key: string) =>
    Object.fromEntries(
      (list ?? []).map((item, index) => {
        const { [key]: target, ...blocks } = item;
        const identifier = targetName(target, portal, key === "blueprint");
        return [typeof identifier === "string" ? identifier : `#${index}`, known(withPeopleValues(blocks, portal, "declared"))];
      }),
    );
  return {
    teams,
    users,
    ownership: args.ownership ?? {},
    blueprints: scoped(args.blueprintPermissions, "blueprint"),
    actions: scoped(args.actionPermissions, "action"),
    pages: scoped(args.pagePermissions as { [key: string]: unknown }[] | undefined, "page"),
  };
}
