import * as pulumi from "@pulumi/pulumi";
import { moderatorRole, UserInvitationSpec, UserInvitationSpecInput } from "./schema";
import type { RefMode } from "../../core/components/references";
import type { DeepInput } from "../../core/components/input-types";
import { identifierValue, referPeopleIn, roleValue, teamValue, type IdentifiedComponent, type TeamRef } from "./refs";
import { ExistingObject } from "../../core/components/references";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";
import type { Portal } from "../../core/components/portal";

/** A blueprint to moderate: a `Blueprint`, `Blueprint.existing(...)`, or an identifier. */
export type ModeratedBlueprint = IdentifiedComponent | ExistingObject | pulumi.Input<string>;

/**
 * A user invitation as typed args: the schema's fields, with `teams` accepting `Team` objects and
 * `moderates` adding the `<blueprint>-moderator` role of each blueprint given.
 */
export type UserArgs = { [K in keyof Omit<UserInvitationSpecInput, "teams">]: DeepInput<UserInvitationSpecInput[K]> } & {
  /** The teams the user belongs to. Default: none. */
  teams?: TeamRef[];
  /** Blueprints the user moderates: adds each one's moderator role to `roles`. */
  moderates?: ModeratedBlueprint[];
};

/** The dynamic resource behind a User: `pulumi-nodejs:dynamic/port:User`. */
export class UserResource extends PortResource {
  declare readonly email: pulumi.Output<string>;
  declare readonly roles: pulumi.Output<string[]>;
  declare readonly teams: pulumi.Output<string[]>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("User", name, spec, opts);
  }
}

/** A user managed outside this stack, named explicitly: `User.existing("ana@example.com")`. */
export class ExistingUser extends ExistingObject {}

/**
 * A user of the Port organization, by email, with roles and teams. A user new to the org is
 * invited; removing the User from the code removes that invitation and nothing else. A user who
 * was already in the org keeps their account: their previous roles and teams are put back.
 */
export class User extends PortComponent {
  /** A user managed outside this stack, to refer to by email: not reported as undeclared. */
  static existing(email: string): ExistingUser {
    return new ExistingUser(email);
  }

  /** The user's email in Port (how permissions and teams name the user), once applied. */
  readonly email: pulumi.Output<string>;
  /** The email as written in code, when it is a plain string (used to check references). */
  readonly declaredEmail: string | undefined;
  readonly resource: UserResource;

  constructor(name: string, args: UserArgs, opts?: PortComponentOptions) {
    super("User", name, opts);
    this.declaredEmail = typeof args.email === "string" ? args.email : undefined;
    if (this.declaredEmail !== undefined) this.model.declareUser(this.declaredEmail, this.component);
    registerReferences(this.component, args, this.portal);
    this.checkKnown(UserInvitationSpec, userDocument(args, this.portal, "declared"));

    this.resource = new UserResource(name, userDocument(args, this.portal, "inputs") as pulumi.Inputs, { parent: this });
    this.email = this.resource.email;
    this.registerOutputs({ email: this.email });
  }
}

/** The invitation Port gets: roles plus one moderator role per moderated blueprint, teams by name. */
function userDocument(args: UserArgs, portal: Portal, mode: RefMode): Record<string, unknown> {
  const { moderates, teams, roles, ...rest } = args;
  const doc: Record<string, unknown> = { ...rest };
  const moderatorRoles = (moderates ?? []).map((blueprint) => {
    const identifier = identifierValue(blueprint, portal, mode);
    return pulumi.Output.isInstance(identifier) ? identifier.apply((id) => moderatorRole(String(id))) : typeof identifier === "string" ? moderatorRole(identifier) : identifier;
  });
  // `moderates` adds to the roles, which default to Member as in Port.
  const base = roles ?? (moderatorRoles.length > 0 ? ["Member"] : undefined);
  if (pulumi.Output.isInstance(base) || base instanceof Promise) {
    doc.roles = pulumi.output(base).apply((list) => pulumi.all([...(list as unknown[]).map((role) => roleValue(role, portal, mode)), ...moderatorRoles]));
  } else if (base !== undefined) {
    doc.roles = [...base.map((role) => roleValue(role, portal, mode)), ...moderatorRoles];
  }
  if (teams !== undefined) doc.teams = teams.map((team) => teamValue(team, mode));
  return doc;
}

function registerReferences(component: string, args: UserArgs, portal: Portal): void {
  referPeopleIn({ roles: args.roles, teams: args.teams }, "", component, portal);
  (args.moderates ?? []).forEach((blueprint, index) => {
    if (typeof blueprint === "string") portal.model.referBlueprint({ from: component, field: `moderates[${index}]`, identifier: blueprint });
  });
}
