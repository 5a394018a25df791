import * as pulumi from "@pulumi/pulumi";
import { providerStub } from "../../core/providers/provider-stub";
import { TeamSpec, TeamSpecInput, validateSpec } from "../../core/schemas";
import type { DeepInput } from "../../core/components/input-types";
import { isPlain } from "../../core/components/plain-input";
import { currentPortalModel } from "../../core/components/portal-model";

/** Port's team, as typed args: name, description, and (optionally) its members' emails. */
export type TeamArgs = { [K in keyof TeamSpecInput]: DeepInput<TeamSpecInput[K]> };

/** One provider instance for every team. */
const teamProvider = providerStub("Team");

/** The dynamic resource behind a Team: `pulumi-nodejs:dynamic/port:Team`. */
export class TeamResource extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  /** Port's `_team` entity identifier, when Port answers one (orgs with users-and-teams ownership v2). */
  declare readonly identifier: pulumi.Output<string | undefined>;
  constructor(name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(teamProvider, name, spec, opts, "port", "Team");
  }
}

/**
 * A Port team, addressed by name. Users join it through their `teams` (see `User`), or, when the
 * code lists `users` here, exactly those users are its members. Permissions and users refer to
 * a team by this object, which orders creation and lets the portal check the reference.
 */
export class Team extends pulumi.ComponentResource {
  /** The team's name in Port (how permissions and users name it), once created. */
  readonly name: pulumi.Output<string>;
  /**
   * The value entities use for this team in their `team` field and in ownership: Port's `_team`
   * entity identifier where Port keeps teams as entities with their own identifier, else the name.
   */
  readonly entityIdentifier: pulumi.Output<string>;
  /** The name as written in code, when it is a plain string (used to check references). */
  readonly declaredName: string | undefined;
  /** The dynamic resource, absent when the args were invalid (the portal check then fails the run). */
  readonly resource: TeamResource | undefined;

  constructor(name: string, args: TeamArgs, opts?: pulumi.ComponentResourceOptions) {
    super("portal:index:Team", name, {}, opts);
    const component = `Team "${name}"`;
    const model = currentPortalModel();
    this.declaredName = typeof args.name === "string" ? args.name : undefined;
    if (this.declaredName !== undefined) model.declareTeam(this.declaredName, component);
    if (Array.isArray(args.users)) {
      args.users.forEach((email, index) => {
        if (typeof email === "string") model.referPeople("user", { from: component, field: `users[${index}]`, identifier: email });
      });
    }

    const problems = isPlain(args) ? validateSpec(TeamSpec, "Team", name, args) : { ok: true as const };
    if (!problems.ok) {
      model.reportProblems(problems.problems.map((p) => p.message));
      this.resource = undefined;
      this.name = pulumi.output(args.name);
      this.entityIdentifier = this.name;
    } else {
      // `identifier` is an output only: listed as undefined so Pulumi exposes it.
      this.resource = new TeamResource(name, { ...args, identifier: undefined } as pulumi.Inputs, { parent: this });
      this.name = this.resource.name;
      this.entityIdentifier = pulumi.all([this.resource.identifier, this.resource.name]).apply(([identifier, teamName]) => identifier ?? teamName);
    }
    this.registerOutputs({ name: this.name, entityIdentifier: this.entityIdentifier });
  }
}
