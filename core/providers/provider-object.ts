import type * as pulumi from "@pulumi/pulumi";
import type { ProviderKind } from "../../kinds/registry";

/**
 * The dynamic-provider object of one kind, as Pulumi serializes it into every resource's state.
 * Each is the whole export of its own module in objects/ (generated from kinds/registry.ts by
 * `npm run stubs`), which the package exports as `@port-portal/pulumi/providers/<kind>`: a module
 * under node_modules is stored as a one-line require() of that name, not as a copy of its code, so
 * state stays small and upgrading the package reaches resources created by older versions. The
 * methods load the logic (runtime.ts) on first call, in Pulumi's provider process.
 */
export function providerObject(kind: ProviderKind): pulumi.dynamic.ResourceProvider {
  const logic = () => (require("./runtime") as typeof import("./runtime")).providerFor(kind);
  return {
    configure: async (req) => logic().configure(req.config),
    check: async (olds, news) => logic().check(olds, news),
    diff: async (id, olds, news) => logic().diff(id, olds, news),
    create: async (inputs) => logic().create(inputs),
    read: async (id, props) => logic().read(id, props),
    update: async (id, olds, news) => logic().update(id, olds, news),
    delete: async (id, props) => logic().delete(id, props),
  };
}
