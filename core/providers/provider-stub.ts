import type * as pulumi from "@pulumi/pulumi";
import { type ProviderKind, stubFileOf } from "../../kinds/registry";

export type { ProviderKind };

/**
 * The provider object for a kind, as Pulumi must serialize it: the module exports of
 * `@port-portal/provider-stub/<kind>` (tools/provider-stub, generated from kinds/registry.ts),
 * which Pulumi stores in state as a one-line require() because the package lives under
 * node_modules. The stub loads the logic of core/providers/runtime.ts by name at call time. Never
 * build provider objects here: anything defined in this repo would be copied into every
 * resource's state, twice.
 */
export function providerStub(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  return require(`@port-portal/provider-stub/${stubFileOf(kind)}`) as pulumi.dynamic.ResourceProvider;
}
