import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { providerStub } from "../providers/provider-stub";
import type { ProviderKind } from "../../kinds/registry";
import { knownSpecProblems } from "./plain-input";
import { Portal, portalOf } from "./portal";
import type { PortalModel } from "./portal-model";

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

  constructor(kind: string, name: string, opts?: pulumi.ComponentResourceOptions) {
    const component = `${kind} "${name}"`;
    // Outside a portal this throws before anything is registered with Pulumi.
    const portal = portalOf(component);
    super(`portal:index:${kind}`, name, {}, opts);
    this.component = component;
    this.portal = portal;
    this.named = { kind, name };
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
 * kind's stub (kinds/registry.ts), and it is registered only once its portal's check has passed.
 */
export class PortResource extends pulumi.dynamic.Resource {
  constructor(kind: ProviderKind, name: string, spec: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    const portal = portalOf(`${kind} "${name}"`);
    const props = { ...spec };
    super(providerStub(kind), name, props, portal.gated(opts), "port", kind);
    // Pulumi serializes the provider into `__provider` as soon as the resource is constructed: the
    // portal settles that work even when its check fails and nothing is ever registered.
    portal.settles(new Promise((resolve) => (props.__provider as pulumi.Output<unknown>).apply(resolve)));
  }
}
