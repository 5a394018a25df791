import type * as pulumi from "@pulumi/pulumi";

/** The Port object kinds that have a dynamic provider; each names an entry of providers/runtime.ts. */
export type ProviderKind = "Blueprint";

/**
 * The provider object for a kind, as Pulumi must serialize it: the module exports of
 * `@port-portal/provider-stub/<kind>` (tools/provider-stub), which Pulumi stores in state as a
 * one-line require() because the package lives under node_modules. The stub loads the logic of
 * providers/runtime.ts by name at call time. Never build provider objects here: anything
 * defined in this repo would be copied into every resource's state, twice.
 */
export function providerStub(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  return require(`@port-portal/provider-stub/${kind.toLowerCase()}`) as pulumi.dynamic.ResourceProvider;
}
