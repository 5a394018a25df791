import * as pulumi from "@pulumi/pulumi";
import { TeamSpec, TeamSpecInput } from "./schema";
import { ExistingObject } from "../../core/components/references";
import type { DeepInput } from "../../core/components/input-types";
import { PortComponent, PortResource, type PortComponentOptions } from "../../core/components/port-component";

/** Port's team, as typed args: name, description, and (optionally) its members' emails. */
export type TeamArgs = { [K in keyof TeamSpecInput]: DeepInput<TeamSpecInput[K]> };

/** The dynamic resource behind a Team: `pulumi-nodejs:dynamic/port:Team`. */
export class TeamResource extends PortResource {
  declare readonly name: pulumi.Output<string>;
  /** Port's `_team` entity identifier, when Port answers one (orgs with users-and-teams ownership v2). */
  declare readonly identifier: pulumi.Output<string | undefined>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("Team", name, spec, opts);
  }
}

/** A team managed outside this stack (SSO, Port's UI), named explicitly: `Team.existing("platform")`. */
export class ExistingTeam extends ExistingObject {}

/**
 * A Port team, addressed by name. Users join it through their `teams` (see `User`), or, when the
 * code lists `users` here, exactly those users are its members. Permissions and users refer to
 * a team by this object, which orders creation and lets the portal check the reference.
 */
export class Team extends PortComponent {
  /** A team managed outside this stack, to refer to by name: not reported as undeclared. */
  static existing(name: string): ExistingTeam {
    return new ExistingTeam(name);
  }

  /** The team's name in Port (how permissions and users name it), once created. */
  readonly name: pulumi.Output<string>;
  /**
   * The value entities use for this team in their `team` field and in ownership: Port's `_team`
   * entity identifier where Port keeps teams as entities with their own identifier, else the name.
   */
  readonly entityIdentifier: pulumi.Output<string>;
  /** The name as written in code, when it is a plain string (used to check references). */
  readonly declaredName: string | undefined;
  /** The dynamic resource. */
  readonly resource: TeamResource;

  constructor(name: string, args: TeamArgs, opts?: PortComponentOptions) {
    super("Team", name, opts);
    this.declaredName = typeof args.name === "string" ? args.name : undefined;
    if (this.declaredName !== undefined) this.model.declareTeam(this.declaredName, this.component);
    if (Array.isArray(args.users)) {
      args.users.forEach((email, index) => {
        if (typeof email === "string") this.model.referPeople("user", { from: this.component, field: `users[${index}]`, identifier: email });
      });
    }
    this.checkKnown(TeamSpec, args);

    // `identifier` is an output only: listed as undefined so Pulumi exposes it.
    this.resource = new TeamResource(name, { ...args, identifier: undefined } as pulumi.Inputs, { parent: this });
    this.name = this.resource.name;
    this.entityIdentifier = pulumi.all([this.resource.identifier, this.resource.name]).apply(([identifier, teamName]) => identifier ?? teamName);
    this.registerOutputs({ name: this.name, entityIdentifier: this.entityIdentifier });
  }
}
