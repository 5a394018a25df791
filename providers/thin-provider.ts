import type * as pulumi from "@pulumi/pulumi";

/** The Port object kinds that have a dynamic provider; each names an entry of `providers/runtime.ts`. */
export type ProviderKind = "Blueprint";

/**
 * The provider object Pulumi serializes into every resource's state.
 *
 * Pulumi stores the provider's source in state (twice per resource) and runs that stored copy on
 * delete and refresh. So this object holds no logic: each method loads `@port-portal/providers`
 * from the project's node_modules at call time. State stays small, and fixes to the provider
 * logic reach resources created by older versions. Nothing here may read config or env at
 * module scope: whatever runs during serialization is frozen into state.
 */
export function thinProvider(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  function runtime() {
    const loaded = Symbol.for("port-portal.providers.runtime");
    const g = globalThis as Record<symbol, any>;
    if (!g[loaded]) {
      // The provider process is plain Node; our logic is TypeScript, so register ts-node once.
      if (!(process as any)[Symbol.for("ts-node.register.instance")]) {
        require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
      }
      g[loaded] = require("@port-portal/providers");
    }
    return g[loaded].providerFor(kind);
  }
  return {
    configure: async (req) => runtime().configure(req.config),
    check: async (olds, news) => runtime().check(olds, news),
    diff: async (id, olds, news) => runtime().diff(id, olds, news),
    create: async (inputs) => runtime().create(inputs),
    read: async (id, props) => runtime().read(id, props),
    update: async (id, olds, news) => runtime().update(id, olds, news),
    delete: async (id, props) => runtime().delete(id, props),
  };
}
