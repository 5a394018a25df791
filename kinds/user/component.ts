import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { moderatorRole, UserInvitationSpec, UserInvitationSpecInput, validateSpec } from "../../core/schemas";
import type { RefMode } from "../action/refs";
import type { DeepInput } from "../../core/components/input-types";
import { blueprintIdentifier, identifierValue, referPeopleIn, roleValue, teamValue, type IdentifiedComponent, type TeamRef } from "../../core/components/people-refs";
import { isPlain } from "../../core/components/plain-input";
import { currentPortalModel, type PortalModel } from "../../core/components/portal-model";

/** A blueprint to moderate: a `Blueprint` of this program, or the identifier of one. */
export type ModeratedBlueprint = IdentifiedComponent | pulumi.Input<string>;

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

const userProvider = providerStub("User");

/** The dynamic resource behind a User: `pulumi-nodejs:dynamic/port:User`. */
export class UserResource extends pulumi.dynamic.Resource {
  declare readonly email: pulumi.Output<string>;
  declare readonly roles: pulumi.Output<string[]>;
  declare readonly teams: pulumi.Output<string[]>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(userProvider, name, spec, opts, "port", "User");
  }
}

/**
 * A user of the Port organization, by email, with roles and teams. A user new to the org is
 * invited; removing the User from the code removes that invitation and nothing else. A user who
 * was already in the org keeps their account: their previous roles and teams are put back.
 */
export class User extends pulumi.ComponentResource {
  /** The user's email in Port (how permissions and teams name the user), once applied. */
  readonly email: pulumi.Output<string>;
  /** The email as written in code, when it is a plain string (used to check references). */
  readonly declaredEmail: string | undefined;
  readonly resource: UserResource | undefined;

  constructor(name: string, args: UserArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:User", name, {}, opts);
    const component = `User "${name}"`;
    const model = currentPortalModel();
    this.declaredEmail = typeof args.email === "string" ? args.email : undefined;
    if (this.declaredEmail !== undefined) model.declareUser(this.declaredEmail, component);
    registerReferences(component, args, model);

    const declared = userDocument(args, model, "declared");
    const result = isPlain(declared) ? validateSpec(UserInvitationSpec, "User", name, declared) : { ok: true as const };
    if (!result.ok) {
      model.reportProblems(result.problems.map((p) => p.message));
      this.resource = undefined;
      this.email = pulumi.output(args.email);
    } else {
      this.resource = new UserResource(name, userDocument(args, model, "inputs") as pulumi.Inputs, { parent: this });
      this.email = this.resource.email;
    }
    this.registerOutputs({ email: this.email });
  }
}

/** The invitation Port gets: roles plus one moderator role per moderated blueprint, teams by name. */
function userDocument(args: UserArgs, model: PortalModel, mode: RefMode): Record<string, unknown> {
  const { moderates, teams, roles, ...rest } = args;
  const doc: Record<string, unknown> = { ...rest };
  const moderatorRoles = (moderates ?? []).map((blueprint) => {
    const identifier = identifierValue(blueprint, model, mode);
    return pulumi.Output.isInstance(identifier) ? identifier.apply((id) => moderatorRole(String(id))) : typeof identifier === "string" ? moderatorRole(identifier) : identifier;
  });
  // `moderates` adds to the roles, which default to Member as in Port.
  const base = roles ?? (moderatorRoles.length > 0 ? ["Member"] : undefined);
  if (pulumi.Output.isInstance(base) || base instanceof Promise) {
    doc.roles = pulumi.all([base, ...moderatorRoles]).apply(([list, ...extra]) => [...(list as unknown[]).map((role) => roleValue(role, model)), ...extra]);
  } else if (base !== undefined) {
    doc.roles = [...base.map((role) => roleValue(role, model)), ...moderatorRoles];
  }
  if (teams !== undefined) doc.teams = teams.map((team) => teamValue(team, mode));
  return doc;
}

function registerReferences(component: string, args: UserArgs, model: PortalModel): void {
  referPeopleIn({ roles: args.roles, teams: args.teams }, "", component, model);
  (args.moderates ?? []).forEach((blueprint, index) => {
    if (typeof blueprint === "string") model.referBlueprint({ from: component, field: `moderates[${index}]`, identifier: blueprintIdentifier(blueprint, model) });
  });
}
