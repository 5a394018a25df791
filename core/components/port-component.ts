import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { providerStub } from "../providers/provider-stub";
import { ADOPT_KEY } from "../providers/resource-logic";
import type { ProviderKind } from "../../kinds/registry";
import { knownSpecProblems } from "./plain-input";
import { Portal, portalOf } from "./portal";
import type { PortalModel } from "./portal-model";

/** Pulumi's component options, and ours. */
export interface PortComponentOptions extends pulumi.ComponentResourceOptions {
  /**
   * Take over the object Port already holds with this identifier, instead of creating it: the first
   * `up` reads it, keeps in state what Port held, and applies the code to it (no write when they
   * match). It fails, changing nothing, when Port holds no such object or one of another kind. Once
   * adopted, the object is managed like any other: removing the component deletes it from Port,
   * unless `retainOnDelete` is also set, which releases it instead. Components declared inside
   * this one (TeamRoles' teams and permissions) follow it.
   */
  adopt?: boolean;
}

/**
 * What every component of a Port object does, once: it belongs to the portal it is declared in,
 * names itself in messages (`Scorecard "readiness"`), reports the problems it finds in its own
 * args to that portal (which fails the run with every problem at once), and registers its outputs.
 */
export abstract class PortComponent extends pulumi.ComponentResource {
  /** How messages name this component, e.g. `Scorecard "readiness"`. */
  readonly component: string;
  protected readonly portal: Portal;
  /** The kind and name, as the schema's problem messages name the component. */
  private readonly named: { kind: string; name: string };
  /** `adopt` and `retainOnDelete`, given here or inherited from the component this one is declared in; its resources apply them. */
  readonly adoption: { adopt: boolean; retainOnDelete: boolean };

  constructor(kind: string, name: string, opts: PortComponentOptions = {}) {
    const component = `${kind} "${name}"`;
    // Outside a portal this throws before anything is registered with Pulumi.
    const portal = portalOf(component);
    const { adopt, ...pulumiOpts } = opts;
    super(`portal:index:${kind}`, name, {}, pulumiOpts);
    this.component = component;
    this.portal = portal;
    this.named = { kind, name };
    const outer = opts.parent instanceof PortComponent ? opts.parent.adoption : undefined;
    this.adoption = { adopt: adopt ?? outer?.adopt ?? false, retainOnDelete: opts.retainOnDelete ?? outer?.retainOnDelete ?? false };
  }

  protected get model(): PortalModel {
    return this.portal.model;
  }

  /** Reports problems found in the args; the portal's check fails with them. */
  protected report(problems: string[]): void {
    if (problems.length > 0) this.model.reportProblems(problems);
  }

  /** Validates `known` (the spec with references as far as they are known now) when every value in it is known. */
  protected checkKnown(schema: z.ZodTypeAny, known: unknown): void {
    this.report(knownSpecProblems(schema, this.named.kind, this.named.name, known));
  }
}

/**
 * The dynamic resource of a Port object, `pulumi-nodejs:dynamic/port:<Kind>`: its provider is the
 * kind's provider object (kinds/registry.ts), and it is registered only once its portal's check
 * has passed. It applies its component's `adopt` and `retainOnDelete` (Pulumi does not pass
 * `retainOnDelete` from a component to its children).
 */
export class PortResource extends pulumi.dynamic.Resource {
  constructor(kind: ProviderKind, name: string, spec: pulumi.Inputs, opts: pulumi.CustomResourceOptions = {}) {
    const portal = portalOf(`${kind} "${name}"`);
    const adoption = opts.parent instanceof PortComponent ? opts.parent.adoption : undefined;
    const props: pulumi.Inputs = adoption?.adopt ? { ...spec, [ADOPT_KEY]: true } : { ...spec };
    const resourceOpts = adoption?.retainOnDelete ? { retainOnDelete: true, ...opts } : opts;
    super(providerStub(kind), name, props, portal.gated(resourceOpts), "port", kind);
    // Pulumi serializes the provider into `__provider` as soon as the resource is constructed: the
    // portal settles that work even when its check fails and nothing is ever registered.
    portal.settles(new Promise((resolve) => (props.__provider as pulumi.Output<unknown>).apply(resolve)));
  }
}
